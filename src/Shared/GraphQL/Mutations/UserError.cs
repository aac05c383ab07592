namespace CertifyTrack.Shared.GraphQL.Mutations;

/// <summary>
/// A business rule failure reported to the client inside a mutation payload
/// (<c>userErrors</c>), not as a top-level error.
/// </summary>
/// <param name="Code">A stable, machine-readable code, e.g. <c>EVENT_FULL</c>.</param>
/// <param name="Message">A sentence the client may show to the user.</param>
/// <param name="Field">The path of the input field at fault, e.g. <c>["input", "eventId"]</c>; null when no single field is.</param>
public sealed record UserError(string Code, string Message, IReadOnlyList<string>? Field = null);
