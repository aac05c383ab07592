using CertifyTrack.Shared.Events;
using CertifyTrack.Shared.GraphQL;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Host.Tests.Integration;

/// <summary>
/// A module command that changes its rows and publishes durable events in its transaction, the way
/// domain modules publish theirs; <c>fail: true</c> throws after publishing, so it all rolls back.
/// </summary>
internal sealed class LedgerGraphQLModule : IGraphQLModule
{
    public string Name => "OutboxTests";

    public void AddMutationFields(ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<IntGraphType>>("addItems")
            .Argument<StringGraphType>("key")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("texts")
            .Argument<BooleanGraphType>("fail")
            .ResolveAsync(async context =>
            {
                var services = context.RequestServices!;
                var texts = context.GetArgument<List<string>>("texts");
                await using var db = await services.GetRequiredService<IDbContextFactory<LedgerDbContext>>().CreateDbContextAsync(context.CancellationToken);
                await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
                await LedgerApp.PublishAsync(services.GetRequiredService<IEventBus>(), db, context.GetArgument<string?>("key"), texts, context.CancellationToken);
                if (context.GetArgument<bool>("fail"))
                {
                    throw new InvalidOperationException("The command fails after publishing.");
                }

                await transaction.CommitAsync(context.CancellationToken);
                return texts.Count;
            })
            .AllowAnonymous();
}
