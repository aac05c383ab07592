using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Host.Tests.Users;
using CertifyTrack.Modules.Users.Accounts;
using CertifyTrack.Modules.Users.Persistence;
using CertifyTrack.Shared.Email;
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

    [Fact]
    public async Task The_declared_work_of_the_schema_is_what_the_rate_limits_weigh()
    {
        await using var app = await TestApp.StartAsync();
        var mutation = app.Services.GetRequiredService<ISchema>().Mutation!;

        string[] Doing(ExpensiveWork work) => [.. mutation.Fields.Where(f => f.ExpensiveWork().Contains(work)).Select(f => f.Name).Order(StringComparer.Ordinal)];

        Assert.Equal(["changePassword", "registerStudent", "resetPassword", "setPassword"], Doing(ExpensiveWork.PasswordHashing));
        Assert.Equal(["assignMentor", "changePassword", "createUser", "importUsers", "registerStudent", "requestPasswordReset",
            "resendVerification", "resetPassword", "setPassword"], Doing(ExpensiveWork.Email));
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
        }

        private static async Task<object?> Hash(IResolveFieldContext context) =>
            (await PasswordHashing.HashAsync(new User(), "Secret#2026", context.CancellationToken)).Length > 0;

        private static async Task<object?> Mail(IResolveFieldContext context)
        {
            var services = context.RequestServices!;
            await using var db = await services.GetRequiredService<IDbContextFactory<UsersDbContext>>().CreateDbContextAsync(context.CancellationToken);
            await using var tx = await db.Database.BeginTransactionAsync(context.CancellationToken);
            var queued = await services.GetRequiredService<IEmailOutbox>().EnqueueAsync(db, new EmailMessage("eve@example.edu", "password-changed",
                new Dictionary<string, string?> { ["first_name"] = "Eve", ["changed_at"] = "now" }), context.CancellationToken);
            await tx.CommitAsync(context.CancellationToken);
            return queued;
        }
    }
}
