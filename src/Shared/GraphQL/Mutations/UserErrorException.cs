namespace CertifyTrack.Shared.GraphQL.Mutations;

/// <summary>
/// Thrown by mutation code when a business rule refuses the command. The command pipeline
/// (<see cref="CommandField{TInput, TPayload}"/>) turns it into the payload's <c>userErrors</c>. Throwing also leaves the command's transaction uncommitted.
/// </summary>
public sealed class UserErrorException : Exception
{
    public UserErrorException(string code, string message, params string[] field)
        : this([new UserError(code, message, field.Length == 0 ? null : field)])
    {
    }

    public UserErrorException(IEnumerable<UserError> errors)
        : base(FirstMessage(errors, out var list))
    {
        Errors = list;
    }

    /// <summary>The errors to report; never empty.</summary>
    public IReadOnlyList<UserError> Errors { get; }

    private static string FirstMessage(IEnumerable<UserError> errors, out IReadOnlyList<UserError> list)
    {
        ArgumentNullException.ThrowIfNull(errors);
        list = [.. errors];
        if (list.Count == 0)
        {
            throw new ArgumentException("At least one user error is needed.", nameof(errors));
        }

        return list[0].Message;
    }
}

public static class UserErrorLists
{
    /// <summary>Throws the collected errors, if any: for rules that report every broken field at once.</summary>
    public static void ThrowIfAny(this List<UserError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count > 0)
        {
            throw new UserErrorException(errors);
        }
    }
}
