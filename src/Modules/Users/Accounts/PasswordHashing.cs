using Microsoft.AspNetCore.Identity;

namespace CertifyTrack.Modules.Users.Accounts;

/// <summary>Hashes and checks passwords with ASP.NET Core's <see cref="PasswordHasher{TUser}"/> (PBKDF2, salted).</summary>
internal static class PasswordHashing
{
    private static readonly PasswordHasher<User> Hasher = new();

    /// <summary>A hash of a random password, checked against when the user is unknown so that both take as long.</summary>
    private static readonly string DummyHash = Hasher.HashPassword(new User(), Guid.NewGuid().ToString());

    public static string Hash(User user, string password) => Hasher.HashPassword(user, password);

    /// <summary>Whether the password matches; rehashes in place when the stored hash is outdated.</summary>
    public static bool Verify(User user, string password)
    {
        if (string.IsNullOrEmpty(user.Password))
        {
            return false;
        }

        var result = Hasher.VerifyHashedPassword(user, user.Password, password);
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.Password = Hasher.HashPassword(user, password);
        }

        return result != PasswordVerificationResult.Failed;
    }

    /// <summary>Spends the time of a check for an unknown user.</summary>
    public static void VerifyNobody(string password) => Hasher.VerifyHashedPassword(new User(), DummyHash, password);
}
