using CertifyTrack.Shared.GraphQL.Mutations;

namespace CertifyTrack.Modules.Users.Accounts;

/// <summary>At least 8 characters with an upper-case letter, a lower-case letter, a digit and a symbol.</summary>
internal static class PasswordPolicy
{
    public const int MinLength = 8;

    public const int MaxLength = 128;

    /// <summary>The rules in words, for forms.</summary>
    public const string Description = "At least 8 characters, with an upper-case letter, a lower-case letter, a digit and a symbol.";

    /// <summary>Throws <c>WEAK_PASSWORD</c> naming every rule <paramref name="password"/> breaks.</summary>
    public static void Enforce(string? password, params string[] field)
    {
        var missing = new List<string>();
        password ??= "";
        if (password.Length < MinLength)
        {
            missing.Add($"at least {MinLength} characters");
        }

        if (password.Length > MaxLength)
        {
            missing.Add($"at most {MaxLength} characters");
        }

        if (!password.Any(char.IsUpper))
        {
            missing.Add("an upper-case letter");
        }

        if (!password.Any(char.IsLower))
        {
            missing.Add("a lower-case letter");
        }

        if (!password.Any(char.IsDigit))
        {
            missing.Add("a digit");
        }

        if (password.All(char.IsLetterOrDigit))
        {
            missing.Add("a symbol");
        }

        if (missing.Count > 0)
        {
            throw new UserErrorException(UsersErrorCodes.WeakPassword, $"The password needs {string.Join(", ", missing)}.", field);
        }
    }

    /// <summary>A new password: the policy, and not the current one.</summary>
    public static void CheckChange(string currentPassword, string newPassword)
    {
        Enforce(newPassword, "input", "newPassword");
        if (newPassword == currentPassword)
        {
            throw new UserErrorException(UsersErrorCodes.SamePassword, "Choose a password different from the current one.", "input", "newPassword");
        }
    }
}
