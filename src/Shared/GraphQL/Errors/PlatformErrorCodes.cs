namespace CertifyTrack.Shared.GraphQL.Errors;

/// <summary>The codes the shared GraphQL conventions answer, whatever the module (top-level errors).</summary>
[ErrorCodeCatalog]
public static class PlatformErrorCodes
{
    /// <summary>A global id that is garbage or names another type (<c>NodeTypes.ParseKey</c>).</summary>
    public const string InvalidId = "INVALID_ID";

    /// <summary>A mutation's target does not exist (or the caller may not see it): a user error.</summary>
    public const string NotFound = "NOT_FOUND";

    /// <summary>The caller may not read this field or object.</summary>
    public const string Forbidden = "FORBIDDEN";

    /// <summary>The field needs a signed-in caller.</summary>
    public const string Unauthenticated = "UNAUTHENTICATED";

    /// <summary>A list argument or input field has more items than its declared maximum.</summary>
    public const string TooManyItems = "TOO_MANY_ITEMS";

    public const string InvalidFilter = "INVALID_FILTER";

    public const string InvalidSort = "INVALID_SORT";

    public const string InvalidCursor = "INVALID_CURSOR";

    public const string InvalidPagination = "INVALID_PAGINATION";

    public const string InvalidPageSize = "INVALID_PAGE_SIZE";

    public const string PageSizeTooLarge = "PAGE_SIZE_TOO_LARGE";
}
