using System.ComponentModel;
using CertifyTrack.Modules.Clubs.Contracts;
using CertifyTrack.Modules.Clubs.Domain;
using CertifyTrack.Modules.Clubs.Membership;
using CertifyTrack.Modules.Clubs.Persistence;
using CertifyTrack.Shared.Audit;
using CertifyTrack.Shared.GraphQL.Authorization;
using CertifyTrack.Shared.GraphQL.Mutations;
using CertifyTrack.Shared.GraphQL.Types;
using GraphQL;
using GraphQL.Types;

namespace CertifyTrack.Modules.Clubs.Admin;

/// <summary><c>updateClubRole</c> (admins): sets a role's permission flags to exactly the given list.</summary>
internal static class UpdateClubRole
{
    public static void Declare(ObjectGraphType mutation) =>
        mutation.Command<UpdateClubRoleInput, UpdateClubRolePayload>("updateClubRole")
            .Description("Sets the permissions of a club role (admins); applies to every club at once.")
            .AuthorizeWithRoles(Roles.Admin)
            .Run<ClubsDbContext>(async (command, input) =>
            {
                var role = await command.RoleAsync(input.RoleId);
                var before = role.Permissions().Order().Select(p => p.ToString()).ToList();
                role.SetPermissions(input.Permissions);
                await command.AuditAsync(new AuditEntry("clubrole.updated", ClubRole.TypeName, $"{role.Id}")
                {
                    OldValues = new { role.Name, Permissions = before },
                    NewValues = new { role.Name, Permissions = role.Permissions().Order().Select(p => p.ToString()).ToList() },
                });
                command.ForgetCachedPermissions();
                return new UpdateClubRolePayload(role);
            });
}

internal sealed record UpdateClubRoleInput(
    [Id] string RoleId,
    [Description("Every permission the role gives; the others are taken away."), MaxItems(11)] IReadOnlyList<ClubPermission> Permissions);

internal sealed record UpdateClubRolePayload([Description("The role as changed.")] ClubRole? Role) : Payload;
