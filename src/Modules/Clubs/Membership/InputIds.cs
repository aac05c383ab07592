using CertifyTrack.Shared.GraphQL.Errors;
using CertifyTrack.Shared.GraphQL.Mutations;
using CertifyTrack.Shared.GraphQL.Relay;

namespace CertifyTrack.Modules.Clubs.Membership;

/// <summary>Global ids in command inputs: garbage or an id of another type is a user error at its field, not a fault.</summary>
internal static class InputIds
{
    public static long Key<TNode>(string? id, string field)
        where TNode : INode =>
        GlobalId.TryParse(id, out var parsed) && parsed.Value.TypeName == TNode.TypeName
            && long.TryParse(parsed.Value.Key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var key)
            ? key
            : throw new UserErrorException(PlatformErrorCodes.InvalidId, $"'{field}' must be the id of a {TNode.TypeName}.", "input", field);
}
