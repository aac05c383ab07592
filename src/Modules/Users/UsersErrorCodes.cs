using CertifyTrack.Shared.GraphQL.Errors;

namespace CertifyTrack.Modules.Users;

/// <summary>
/// Every code the Users module answers in <c>userErrors</c> (docs/graphql-conventions.md, "Error codes":
/// SUBJECT_PROBLEM, one spelling per rule). Missing objects of a mutation's input are <c>X_NOT_FOUND</c>;
/// the caller's own vanished account is <see cref="PlatformErrorCodes.NotFound"/>.
/// </summary>
[ErrorCodeCatalog]
internal static class UsersErrorCodes
{
    // The fields of a user and their profile (UserInputRules), on every path that writes them.
    public const string Required = "REQUIRED";
    public const string TooLong = "TOO_LONG";
    public const string UsernameInvalid = "USERNAME_INVALID";
    public const string EmailInvalid = "EMAIL_INVALID";
    public const string UsnInvalid = "USN_INVALID";
    public const string SemesterInvalid = "SEMESTER_INVALID";
    public const string NameInvalid = "NAME_INVALID";
    public const string PhoneInvalid = "PHONE_INVALID";
    public const string DateOfBirthInvalid = "DATE_OF_BIRTH_INVALID";
    public const string UserTypeInvalid = "USER_TYPE_INVALID";
    public const string AdmissionTypeInvalid = "ADMISSION_TYPE_INVALID";
    public const string NotAllowed = "NOT_ALLOWED";

    // Uniqueness.
    public const string UsernameTaken = "USERNAME_TAKEN";
    public const string EmailTaken = "EMAIL_TAKEN";
    public const string UsnTaken = "USN_TAKEN";
    public const string EmployeeIdTaken = "EMPLOYEE_ID_TAKEN";
    public const string DuplicateInInput = "DUPLICATE_IN_INPUT";
    public const string Conflict = "CONFLICT";

    // Passwords and tokens.
    public const string WeakPassword = "WEAK_PASSWORD";
    public const string SamePassword = "SAME_PASSWORD";
    public const string WrongPassword = "WRONG_PASSWORD";
    public const string AccountLocked = "ACCOUNT_LOCKED";
    public const string TooManyAttempts = "TOO_MANY_ATTEMPTS";
    public const string InvalidToken = "INVALID_TOKEN";

    // Admin tools.
    public const string UserNotFound = "USER_NOT_FOUND";
    public const string MentorNotFound = "MENTOR_NOT_FOUND";
    public const string StudentNotFound = "STUDENT_NOT_FOUND";
    public const string StudentsRequired = "STUDENTS_REQUIRED";
    public const string TooManyStudents = "TOO_MANY_STUDENTS";
    public const string CannotDeactivateSelf = "CANNOT_DEACTIVATE_SELF";

    // importUsers' CSV.
    public const string UnknownColumn = "UNKNOWN_COLUMN";
    public const string DuplicateColumn = "DUPLICATE_COLUMN";
    public const string MissingColumn = "MISSING_COLUMN";
    public const string ColumnCount = "COLUMN_COUNT";
    public const string TooManyRows = "TOO_MANY_ROWS";
    public const string NoRows = "NO_ROWS";

    // Notifications.
    public const string NothingToMark = "NOTHING_TO_MARK";
    public const string TooManyIds = "TOO_MANY_IDS";
    public const string UnknownNotificationKind = "UNKNOWN_NOTIFICATION_KIND";
    public const string SecurityNotificationRequired = "SECURITY_NOTIFICATION_REQUIRED";
    public const string DuplicateNotificationKind = "DUPLICATE_NOTIFICATION_KIND";
}
