using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Host.Tests.Users;
using CertifyTrack.Modules.Users.Accounts;
using CertifyTrack.Modules.Users.Persistence;
using CertifyTrack.Shared.Email;
using CertifyTrack.Shared.Events;
using CertifyTrack.Shared.GraphQL;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Host.Tests.Limits;

/// <summary>
/// A root field that hashes a password or queues mail must say so (<c>.Expensive(…)</c>), or the rate
/// limits would price it as cheap and the one-hash rule would not see it: doing the work undeclared fails
/// the field, so the test of any new mutation catches a missing declaration.
/// </summary>
public sealed class ExpensiveWorkDeclarationTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Undeclared_hashing_or_mail_fails_the_field_and_declared_work_runs(string provider)
    {
        await using var app = await UsersApp.StartAsync(provider, configureServices: s => s.AddSingleton<IGraphQLModule, WorkModule>());

        var undeclared = await app.QueryAsync("mutation { hashUndeclared }");
        var unmailed = await app.QueryAsync("mutation { mailUndeclared }");
        var declared = await app.QueryAsync("mutation { hashDeclared mailDeclared }");

        Assert.Equal(["INTERNAL_SERVER_ERROR"], undeclared.ErrorCodes());
        Assert.Equal(["INTERNAL_SERVER_ERROR"], unmailed.ErrorCodes());
        Assert.Equal("""{"data":{"hashDeclared":true,"mailDeclared":true}}""", declared.ToJson());
        await using var db = await app.CreateDbContextAsync();
        Assert.Equal(1, await db.EmailOutbox.CountAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_handler_run_after_a_fields_commit_does_its_own_work_not_the_fields(string provider)
    {
        await using var app = await UsersApp.StartAsync(provider, configureServices: s =>
        {
            s.AddSingleton<IGraphQLModule, WorkModule>();
            s.AddIntegrationEventHandler<MailWanted, MailWantedHandler>();
        });

        Assert.Equal("""{"data":{"publishUndeclared":true}}""", (await app.QueryAsync("mutation { publishUndeclared }")).ToJson());

        await using var db = await app.CreateDbContextAsync();
        Assert.Equal(1, await db.EmailOutbox.CountAsync(TestContext.Current.CancellationToken)); // the handler's mail, queued after the commit
    }

    [Fact]
    public async Task The_declared_work_of_the_schema_is_what_the_rate_limits_weigh()
    {
        await using var app = await TestApp.StartAsync();
        var mutation = app.Services.GetRequiredService<ISchema>().Mutation!;

        string[] Doing(ExpensiveWork work) => [.. mutation.Fields.Where(f => f.ExpensiveWork().Contains(work)).Select(f => f.Name).Order(StringComparer.Ordinal)];

        Assert.Equal(["changePassword", "registerStudent", "resetPassword", "setPassword"], Doing(ExpensiveWork.PasswordHashing));
        Assert.Equal(
            ["addClubMember", "assignMentor", "cancelEvent", "cancelRegistration", "changeClubMemberRole", "changePassword", "createUser", "importUsers",
            "registerForEvent", "registerStudent", "removeClubMember", "requestPasswordReset", "resendVerification", "resetPassword", "setPassword",
            "setUserActive", "unlockUser", "updateClub", "updateEvent", "updateUserProfile"],
            Doing(ExpensiveWork.Email));
    }

    private sealed class WorkModule : IGraphQLModule
    {
        public string Name => "WorkTest";

        public void AddMutationFields(ObjectGraphType mutation)
        {
            mutation.Field<BooleanGraphType>("hashUndeclared").AllowAnonymous().ResolveAsync(async c => await Hash(c));
            mutation.Field<BooleanGraphType>("hashDeclared").AllowAnonymous().Expensive(ExpensiveWork.PasswordHashing).ResolveAsync(async c => await Hash(c));
            mutation.Field<BooleanGraphType>("mailUndeclared").AllowAnonymous().ResolveAsync(async c => await Mail(c));
            mutation.Field<BooleanGraphType>("mailDeclared").AllowAnonymous().Expensive(ExpensiveWork.Email).ResolveAsync(async c => await Mail(c));
            mutation.Field<BooleanGraphType>("publishUndeclared").AllowAnonymous().ResolveAsync(async c =>
            {
                var services = c.RequestServices!;
                await using var db = await services.GetRequiredService<IDbContextFactory<UsersDbContext>>().CreateDbContextAsync(c.CancellationToken);
                await using var tx = await db.Database.BeginTransactionAsync(c.CancellationToken);
                services.GetRequiredService<IEventBus>().PublishAfterCommit(db, new MailWanted());
                await tx.CommitAsync(c.CancellationToken);
                return true;
            });
        }

        private static async Task<object?> Hash(IResolveFieldContext context) =>
            (await PasswordHashing.HashAsync(new User(), "Secret#2026", context.CancellationToken)).Length > 0;

        internal static async Task<object?> Mail(IResolveFieldContext context) => await MailAsync(context.RequestServices!, context.CancellationToken);

        internal static async Task<bool> MailAsync(IServiceProvider services, CancellationToken cancellationToken)
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<UsersDbContext>>().CreateDbContextAsync(cancellationToken);
            await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
            var queued = await services.GetRequiredService<IEmailOutbox>().EnqueueAsync(db, new EmailMessage("eve@example.edu", "password-changed",
                new Dictionary<string, string?> { ["first_name"] = "Eve", ["changed_at"] = "now" }), cancellationToken);
            await tx.CommitAsync(cancellationToken);
            return queued;
        }
    }

    internal sealed record MailWanted : IIntegrationEvent;

    private sealed class MailWantedHandler(IServiceProvider services) : IIntegrationEventHandler<MailWanted>
    {
        public Task HandleAsync(MailWanted integrationEvent, CancellationToken cancellationToken) => WorkModule.MailAsync(services, cancellationToken);
    }
}
