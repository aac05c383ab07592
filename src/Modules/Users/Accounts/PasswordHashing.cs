using System.Diagnostics;
using CertifyTrack.Modules.Users.Admin.NewUsers;
using Microsoft.AspNetCore.Identity;

namespace CertifyTrack.Modules.Users.Accounts;

/// <summary>
/// Hashes and checks passwords with ASP.NET Core's <see cref="PasswordHasher{TUser}"/> (PBKDF2, salted).
/// Each hash or check is a <c>password.hash</c> / <c>password.verify</c> span of the
/// <see cref="ActivitySourceName"/> source: the one costly step of a sign-in or registration shows
/// in traces, and tests see that a path spends it.
/// </summary>
internal static class PasswordHashing
{
    public const string ActivitySourceName = "CertifyTrack.Users";

    private static readonly ActivitySource Source = new(ActivitySourceName);

    private static readonly PasswordHasher<User> Hasher = new();

    /// <summary>A hash of a random password, checked against when the user is unknown so that both take as long.</summary>
    private static readonly string DummyHash = Hasher.HashPassword(new User(), Guid.NewGuid().ToString());

    public static string Hash(User user, string password)
    {
        using var activity = Source.StartActivity("password.hash");
        return Hasher.HashPassword(user, password);
    }

    /// <summary>
    /// Whether the password matches; rehashes in place when the stored hash is outdated. A user
    /// without a usable password (<see cref="UnusablePassword"/>: invited, not yet set) matches
    /// nothing, after the same work as a real check.
    /// </summary>
    public static bool Verify(User user, string password)
    {
        if (!UnusablePassword.IsUsable(user.Password))
        {
            VerifyNobody(password);
            return false;
        }

        using var activity = Source.StartActivity("password.verify");
        var result = Hasher.VerifyHashedPassword(user, user.Password, password);
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.Password = Hasher.HashPassword(user, password);
        }

        return result != PasswordVerificationResult.Failed;
    }

    /// <summary>Spends the time of a check for an unknown user.</summary>
    public static void VerifyNobody(string password)
    {
        using var activity = Source.StartActivity("password.verify");
        Hasher.VerifyHashedPassword(new User(), DummyHash, password);
    }
}
