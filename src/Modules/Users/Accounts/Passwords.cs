using Microsoft.AspNetCore.Identity;

namespace CertifyTrack.Modules.Users.Accounts;

/// <summary>Salted password hashes: ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2, v3 format).</summary>
internal sealed class Passwords
{
    private readonly PasswordHasher<User> hasher = new();

    public void Set(User user, string password) => user.Password = hasher.HashPassword(user, password);

    /// <summary>True when <paramref name="password"/> is the user's; re-hashes when the stored format is outdated.</summary>
    public bool Verify(User user, string password)
    {
        if (string.IsNullOrEmpty(user.Password))
        {
            return false;
        }

        var result = hasher.VerifyHashedPassword(user, user.Password, password);
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            Set(user, password);
        }

        return result != PasswordVerificationResult.Failed;
    }
}
