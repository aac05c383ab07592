using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Host.Tests.Users;
using CertifyTrack.Modules.Users.Persistence;
using CertifyTrack.Shared.Audit;
using CertifyTrack.Shared.GraphQL;
using CertifyTrack.Shared.GraphQL.Mutations;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Host.Tests.Mutations;

/// <summary>
/// A mutation whose execution timeout fires after its command committed is answered
/// <c>EXECUTION_TIMEOUT_AFTER_COMMIT</c> naming the committed field, and its change stays; one cut off
/// before its commit is still <c>EXECUTION_TIMEOUT</c> and writes nothing.
/// </summary>
public sealed class CommitTimeoutTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_timeout_after_the_commit_says_the_change_was_committed(string provider)
    {
        await using var app = await UsersApp.StartAsync(
            provider,
            settings: new Dictionary<string, string?> { ["GraphQL:Limits:ExecutionTimeout"] = "00:00:03" },
            configureServices: s => s.AddSingleton<IGraphQLModule, CommitThenWaitModule>());

        var committed = await app.QueryAsync("mutation { kept: commitThenWait(input: { action: \"test.kept\", waitBeforeCommit: false }) { userErrors { code } } }");
        Assert.Equal(["EXECUTION_TIMEOUT_AFTER_COMMIT"], committed.ErrorCodes());
        Assert.Equal("""["kept"]""", committed["errors"]![0]!["extensions"]!["committedFields"].ToJson());
        Assert.Null(committed["data"]);

        var cut = await app.QueryAsync("mutation { commitThenWait(input: { action: \"test.cut\", waitBeforeCommit: true }) { userErrors { code } } }");
        Assert.Equal(["EXECUTION_TIMEOUT"], cut.ErrorCodes());

        Assert.Equal(["test.kept"], await app.AuditActionsAsync());
    }

    /// <summary><c>commitThenWait</c>: audits <c>action</c> in the command's transaction, then waits until cancelled, before or after the commit.</summary>
    private sealed class CommitThenWaitModule : IGraphQLModule
    {
        public string Name => "CommitThenWaitTest";

        public void AddQueryFields(ObjectGraphType query)
        {
        }

        public void AddMutationFields(ObjectGraphType mutation)
        {
            var field = mutation.Command<CommitThenWaitInput, CommitThenWaitPayload>("commitThenWait")
                .AllowAnonymous()
                .Run<UsersDbContext>(async (command, input) =>
                {
                    await command.AuditAsync(new AuditEntry(input.Action, "Test", "1"));
                    if (input.WaitBeforeCommit)
                    {
                        await Task.Delay(Timeout.Infinite, command.CancellationToken);
                    }

                    return new CommitThenWaitPayload(true);
                });
            var run = field.Resolver!;
            field.Resolver = new FuncFieldResolver<object>(async context =>
            {
                var payload = await run.ResolveAsync(context);
                await Task.Delay(Timeout.Infinite, context.CancellationToken);   // committed; now outlive the timeout
                return payload;
            });
        }
    }

    internal sealed record CommitThenWaitInput(string Action, bool WaitBeforeCommit);

    internal sealed record CommitThenWaitPayload(bool Done) : Payload;
}
