using CertifyTrack.Shared.GraphQL.Errors;

namespace CertifyTrack.Host.Tests.Conventions.Library;

/// <summary>The Library test module's codes: one catalog per module, spelled SUBJECT_PROBLEM.</summary>
[ErrorCodeCatalog]
internal static class LibraryErrorCodes
{
    public const string NameRequired = "NAME_REQUIRED";
    public const string BirthYearInvalid = "BIRTH_YEAR_INVALID";
    public const string TitleRequired = "TITLE_REQUIRED";
    public const string AuthorNameTaken = "AUTHOR_NAME_TAKEN";
}
