using CertifyTrack.Shared.GraphQL;
using GraphQL;
using GraphQL.Types;

namespace CertifyTrack.Host.Tests.Events;

/// <summary>A module's subscription field streaming a topic, the way modules will write theirs.</summary>
internal sealed class NoteFeedModule : IGraphQLModule
{
    public string Name => "BusTests";

    public void AddSubscriptionFields(ObjectGraphType subscription) =>
        subscription.Field<NonNullGraphType<NoteMessageType>, NoteMessage>("noteFeed")
            .Argument<NonNullGraphType<StringGraphType>>("feed")
            .StreamTopic(context => BusTest.Feed(context.GetArgument<string>("feed")));
}

internal sealed class NoteMessageType : ObjectGraphType<NoteMessage>
{
    public NoteMessageType()
    {
        Name = "NoteMessage";
        Field(m => m.Text);
    }
}
