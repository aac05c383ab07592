using CertifyTrack.Host.GraphQL;
using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Shared.GraphQL;
using CertifyTrack.Shared.GraphQL.Relay;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Host.Tests.Schema;

/// <summary>Every type that implements <c>Node</c> declares who may load it (docs/graphql-conventions.md, "Object-level authorization").</summary>
public sealed class NodePolicyTests
{
    [Fact]
    public async Task Every_type_implementing_Node_has_a_registration_with_a_declared_policy()
    {
        await using var app = await TestApp.StartAsync();
        var schema = app.Services.GetRequiredService<ISchema>();
        var registrations = app.Services.GetServices<NodeRegistration>().ToList();

        var missing = NodeFields.WithoutPolicy(schema, registrations).ToList();

        Assert.True(missing.Count == 0, "These types implement Node without a NodeSource declaring who may load them: " + string.Join(", ", missing));
        var nodeTypes = schema.AllTypes.OfType<IObjectGraphType>().Where(t => t.ResolvedInterfaces.Any(i => i.Name == "Node")).Select(t => t.Name).Order();
        Assert.Equal(["AuditLogEntry", "Club", "ClubMember", "ClubRole", "Event", "EventRegistration", "IntegrationEvent", "Mentor", "Notification", "Student", "User"], nodeTypes);
        Assert.Equal(
            [
                "AuditLogEntry: admins",
                "Club: every signed-in user",
                "ClubMember: the member themselves, the club's faculty coordinator, its members who manage members or view reports, admins",
                "ClubRole: every signed-in user",
                "Event: signed-in users (published events); drafts: their creator and admins",
                "EventRegistration: the registered student and admins (organizers and mentors through their lists)",
                "IntegrationEvent: admins",
                "Mentor: the mentor themselves, the mentor's own mentees, admins",
                "Notification: the recipient",
                "Student: the student themselves, the student's own mentor, admins",
                "User: the user themselves, the mentor of a student, the mentees of a mentor, admins",
            ],
            registrations.Select(r => $"{r.TypeName}: {r.Policy}").Order());
    }

    [Fact]
    public async Task A_Node_type_without_a_policy_stops_start_up_naming_it()
    {
        await using var app = await TestApp.StartAsync(configureServices: s => s.AddSingleton<IGraphQLModule, UnguardedModule>());

        var error = Assert.ThrowsAny<Exception>(() => app.Services);

        var message = error.GetBaseException().Message;
        Assert.Contains("implement Node", message, StringComparison.Ordinal);
        Assert.Contains("Unguarded", message, StringComparison.Ordinal);
    }

    internal sealed record Unguarded(long Id);

    internal sealed class UnguardedType : ObjectGraphType<Unguarded>
    {
        public UnguardedType()
        {
            Name = "Unguarded";
            this.NodeId(u => u.Id).AllowAnonymous();
        }
    }

    internal sealed class UnguardedModule : IGraphQLModule
    {
        public string Name => "UnguardedTest";

        public void AddQueryFields(ObjectGraphType query) =>
            query.Field<UnguardedType>("unguarded").Resolve(_ => new Unguarded(1)).AllowAnonymous();
    }
}
