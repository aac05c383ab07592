namespace CertifyTrack.Shared.GraphQL.Errors;

/// <summary>
/// Marks a static class whose <c>const string</c> fields are error codes the API can answer (in
/// <c>userErrors</c> or as <c>extensions.code</c>). One catalog per module plus <see cref="PlatformErrorCodes"/>;
/// a test lists every code of every catalog against a committed list and refuses duplicates and a second
/// spelling of one rule (docs/graphql-conventions.md, "Error codes").
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ErrorCodeCatalogAttribute : Attribute;
