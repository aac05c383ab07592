using CertifyTrack.Shared.Events;
using GraphQL;
using GraphQL.Builders;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Shared.GraphQL;

public static class TopicStreams
{
    /// <summary>
    /// Makes a root <c>Subscription</c> field stream a topic of the event bus: every message
    /// becomes one result of the field. Choose the topic from the arguments, after checking
    /// the user may see it:
    /// <code>
    /// subscription.Field&lt;AttendanceChangedType, AttendanceChanged&gt;("attendanceChanged")
    ///     .Argument&lt;NonNullGraphType&lt;IdGraphType&gt;&gt;("eventId")
    ///     .StreamTopic(ctx =&gt; EventsTopics.Attendance(ctx.GetArgument&lt;string&gt;("eventId")));
    /// </code>
    /// </summary>
    public static FieldBuilder<TSource, T> StreamTopic<TSource, T>(
        this FieldBuilder<TSource, T> field, Func<IResolveFieldContext<TSource>, Topic<T>> topic)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(topic);
        return field
            .ResolveStream(context => Bus(context).Observe(topic(context)))
            .Resolve(context => (T?)(object?)context.Source);
    }

    private static IEventBus Bus(IResolveFieldContext context) =>
        (context.RequestServices ?? throw new InvalidOperationException("The GraphQL request has no RequestServices."))
        .GetRequiredService<IEventBus>();
}
