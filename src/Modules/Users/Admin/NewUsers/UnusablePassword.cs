namespace CertifyTrack.Modules.Users.Admin.NewUsers;

/// <summary>
/// The <c>auth_user.password</c> of a user who has not set a password yet (created or imported by
/// an admin): Django's convention, a value starting with <c>!</c>, which no hasher produces and
/// no password verifies against. Sign-in must treat it as "no password" before hashing anything.
/// </summary>
internal static class UnusablePassword
{
    public const string Marker = "!";

    public static bool IsUsable(string? hash) => !string.IsNullOrEmpty(hash) && !hash.StartsWith(Marker, StringComparison.Ordinal);
}
