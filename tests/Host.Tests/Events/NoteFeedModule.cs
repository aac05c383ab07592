using CertifyTrack.Shared.Events;
using CertifyTrack.Shared.GraphQL;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Host.Tests.Events;

/// <summary>
/// A module's mutation that changes rows and publishes after commit, and its subscription field
/// streaming the topic — the way domain modules will write theirs.
/// </summary>
internal sealed class NoteFeedModule : IGraphQLModule
{
    public string Name => "BusTests";

    public void AddMutationFields(ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<StringGraphType>>("addNote")
            .Argument<NonNullGraphType<StringGraphType>>("feed")
            .Argument<NonNullGraphType<StringGraphType>>("text")
            .ResolveAsync(async context =>
            {
                var text = context.GetArgument<string>("text");
                var services = context.RequestServices!;
                await using var db = await services.GetRequiredService<IDbContextFactory<NotesDbContext>>().CreateDbContextAsync(context.CancellationToken);
                await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
                db.Notes.Add(new Note { Text = text });
                await db.SaveChangesAsync(context.CancellationToken);
                services.GetRequiredService<IEventBus>().PublishAfterCommit(db, BusTest.Feed(context.GetArgument<string>("feed")), new NoteMessage(text));
                await transaction.CommitAsync(context.CancellationToken);
                return text;
            })
            .AllowAnonymous();

    public void AddSubscriptionFields(ObjectGraphType subscription) =>
        subscription.Field<NonNullGraphType<NoteMessageType>, NoteMessage>("noteFeed")
            .Argument<NonNullGraphType<StringGraphType>>("feed")
            .StreamTopic(context => BusTest.Feed(context.GetArgument<string>("feed")))
            .AllowAnonymous();
}

internal sealed class NoteMessageType : ObjectGraphType<NoteMessage>
{
    public NoteMessageType()
    {
        Name = "NoteMessage";
        Field(m => m.Text).AllowAnonymous();
    }
}
