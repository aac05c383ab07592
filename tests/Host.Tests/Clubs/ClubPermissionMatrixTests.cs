using CertifyTrack.Modules.Clubs.Contracts;
using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Shared.GraphQL.Relay;
using Microsoft.Extensions.DependencyInjection;
using static CertifyTrack.Modules.Clubs.Contracts.ClubPermission;

namespace CertifyTrack.Host.Tests.Clubs;

/// <summary>
/// Issue #11's matrix: the ten kinds of caller × the 11 permissions, through <c>Club.myPermissions</c>
/// on <c>/graphql</c> and through <see cref="IClubPermissions.CanAsync"/>, which every module asks.
/// </summary>
public sealed class ClubPermissionMatrixTests
{
    private static readonly ClubPermission[] All = Enum.GetValues<ClubPermission>();

    private static readonly Dictionary<string, ClubPermission[]> Expected = new()
    {
        ["president"] = All,
        ["secretary"] = [CreateEvents, EditEvents, MarkAttendance, ManageBookings, ViewReports, ManageMembers],
        ["treasurer"] = [ManageBookings, ViewReports],
        ["coordinator role"] = [CreateEvents, EditEvents, StartEvents, EndEvents, MarkAttendance, GenerateCertificates, ViewReports],
        ["plain member"] = [],
        ["faculty coordinator"] = All,
        ["admin"] = All,
        ["outsider"] = [],
        ["removed member"] = [],
        ["member of deactivated club"] = [],
    };

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_kind_of_caller_holds_exactly_the_permissions_of_the_rule(string provider)
    {
        await using var world = await ClubWorld.StartAsync(provider);
        foreach (var (kind, person, clubId) in Callers(world))
        {
            var response = await world.AsAsync(person, "query($id: ID!) { node(id: $id) { ... on Club { myPermissions } } }", new { id = clubId });
            var shown = Shown(response);
            Assert.True(Expected[kind].Select(Constant).Order().SequenceEqual(shown.Order()), $"{kind}: {string.Join(",", shown)}");

            using var scope = world.App.App.Services.CreateScope();
            var permissions = scope.ServiceProvider.GetRequiredService<IClubPermissions>();
            foreach (var permission in All)
            {
                var can = await permissions.CanAsync(person.UserId, Key(clubId), permission, TestContext.Current.CancellationToken);
                Assert.True(Expected[kind].Contains(permission) == can, $"{kind} / {permission}: {can}");
            }
        }
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Changed_role_flags_apply_to_every_holder_at_once(string provider)
    {
        await using var world = await ClubWorld.StartAsync(provider);

        var update = await world.AsAsync(world.Admin, """
            mutation($id: ID!) { updateClubRole(input: { roleId: $id, permissions: [VIEW_REPORTS, UPLOAD_TEMPLATES] }) { role { permissions } userErrors { code } } }
            """, new { id = world.RoleIds["treasurer"] });

        Assert.Empty(update.UserErrorCodes("updateClubRole"));
        var response = await world.AsAsync(world.Treasurer, "query($id: ID!) { node(id: $id) { ... on Club { myPermissions } } }", new { id = world.ClubId });
        Assert.Equal(["UPLOAD_TEMPLATES", "VIEW_REPORTS"], Shown(response).Order());
    }

    private static IEnumerable<(string Kind, Person Person, string ClubId)> Callers(ClubWorld w) =>
    [
        ("president", w.President, w.ClubId), ("secretary", w.Secretary, w.ClubId), ("treasurer", w.Treasurer, w.ClubId),
        ("coordinator role", w.CoordinatorRole, w.ClubId), ("plain member", w.Member, w.ClubId), ("faculty coordinator", w.Coordinator, w.ClubId),
        ("admin", w.Admin, w.ClubId), ("outsider", w.Outsider, w.ClubId), ("removed member", w.Removed, w.ClubId),
        ("member of deactivated club", w.DeactivatedMember, w.DeactivatedClubId),
    ];

    private static string[] Shown(GraphQLResponse response) =>
        [.. response.Field("node")!["myPermissions"]!.AsArray().Select(p => p!.GetValue<string>())];

    private static string Constant(ClubPermission permission) =>
        string.Concat(permission.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant();

    private static long Key(string id) => GlobalId.TryParse(id, out var parsed) ? long.Parse(parsed.Value.Key, System.Globalization.CultureInfo.InvariantCulture) : 0;
}
