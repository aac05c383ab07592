namespace CertifyTrack.Shared.GraphQL.Relay;

/// <summary>
/// A record a node type shows (<c>UserNode</c>, <c>ClubNode</c>): its GraphQL type name is a constant of
/// the record, so the global ids of the type are written and read with it and a wrong name does not compile:
/// <c>NodeTypes.ParseKey&lt;MentorNode&gt;(input.MentorId, "mentorId")</c>, <c>new NodeSource&lt;TDb, ClubNode&gt;(…)</c>.
/// </summary>
public interface INode
{
    /// <summary>The GraphQL name of the node type (<c>"Club"</c>).</summary>
    static abstract string TypeName { get; }
}
