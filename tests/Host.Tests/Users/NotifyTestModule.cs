using CertifyTrack.Modules.Users.Persistence;
using CertifyTrack.Shared.GraphQL;
using CertifyTrack.Shared.Notifications;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Host.Tests.Users;

/// <summary>
/// A test-only module whose mutation notifies users through <see cref="INotifier"/> inside its own
/// transaction, as domain modules will (any module context works; this one borrows the Users one).
/// </summary>
internal sealed class NotifyTestModule : IGraphQLModule
{
    public string Name => "NotifyTest";

    public void AddMutationFields(ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<IntGraphType>>("testNotify")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<LongGraphType>>>>("userIds")
            .Argument<NonNullGraphType<StringGraphType>>("kind")
            .Argument<NonNullGraphType<StringGraphType>>("title")
            .Argument<StringGraphType>("message")
            .Argument<BooleanGraphType>("rollback")
            .AllowAnonymous()
            .Expensive(ExpensiveWork.Email)
            .ResolveAsync(async context =>
            {
                var services = context.RequestServices!;
                var ct = context.CancellationToken;
                await using var db = await services.GetRequiredService<IDbContextFactory<UsersDbContext>>().CreateDbContextAsync(ct);
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var request = new NotificationRequest(context.GetArgument<string>("kind"), context.GetArgument<string>("title"), context.GetArgument<string?>("message") ?? "Message body");
                var ids = context.GetArgument<List<long>>("userIds");
                var notifier = services.GetRequiredService<INotifier>();
                var written = ids.Count == 1
                    ? await notifier.NotifyAsync(db, ids[0], request, ct)
                    : await notifier.NotifyManyAsync(db, ids, request, ct);
                if (context.GetArgument<bool?>("rollback") == true)
                {
                    await tx.RollbackAsync(ct);
                }
                else
                {
                    await tx.CommitAsync(ct);
                }

                return (object)written;
            });
}
