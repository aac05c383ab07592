using System.Text;
using CertifyTrack.Modules.Users.Accounts.Input;
using CertifyTrack.Modules.Users.Contracts;

namespace CertifyTrack.Modules.Users.Accounts;

/// <summary>
/// A row of <c>auth_user</c>. Username and email are unique case-insensitively through their
/// upper-cased copies (<see cref="NormalizedUsername"/>, <see cref="NormalizedEmail"/>), which
/// the setters keep in step. Tokens (verification, reset) are not stored here in plaintext: the
/// next slice keeps their hashes in a table of their own.
/// </summary>
internal sealed class User
{
    public long Id { get; set; }

    public string Username { get; private set; } = "";

    public string NormalizedUsername { get; private set; } = "";

    public string Email { get; private set; } = "";

    public string NormalizedEmail { get; private set; } = "";

    /// <summary>The salted password hash; never the password.</summary>
    public string Password { get; set; } = "";

    public string FirstName { get; set; } = "";

    public string LastName { get; set; } = "";

    public UserKind UserType { get; set; }

    public bool IsEmailVerified { get; set; }

    public DateTime? VerificationSentAt { get; set; }

    /// <summary>When the owner was last told that someone tried to register with this email (throttles that notice).</summary>
    public DateTime? RegistrationNoticeSentAt { get; set; }

    public int FailedLoginAttempts { get; set; }

    public DateTime? AccountLockedUntil { get; set; }

    public bool IsActive { get; set; } = true;

    public bool IsStaff { get; set; }

    public bool IsSuperuser { get; set; }

    public DateTime DateJoined { get; set; }

    public DateTime? LastLogin { get; set; }

    /// <summary>
    /// Changes whenever the user's sessions are revoked (password changed or reset, account
    /// disabled); a sign-in cookie made under another stamp no longer signs in.
    /// </summary>
    public string SecurityStamp { get; set; } = "";

    /// <summary>
    /// Disables or re-enables the account: the audit entry of the change, or null when it is in that state
    /// already. Nobody disables their own account (<paramref name="by"/> is the acting user).
    /// </summary>
    public AuditEntry? SetActive(bool active, long? by)
    {
        if (!active && by == Id)
        {
            throw new UserErrorException(UsersErrorCodes.CannotDeactivateSelf, "You cannot disable your own account.", "input", "userId");
        }

        if (IsActive == active)
        {
            return null;
        }

        IsActive = active;
        return new AuditEntry(active ? "user.activated" : "user.deactivated", UserNode.TypeName, $"{Id}")
        {
            OldValues = new { isActive = !active },
            NewValues = new { isActive = active },
        };
    }

    /// <summary>Stores the NFKC form (<see cref="Usernames"/>); the callers have checked it against the username rules.</summary>
    public void SetUsername(string username)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(username);
        Username = Usernames.Canonical(username);
        NormalizedUsername = Normalize(Username);
    }

    public void SetEmail(string email)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        Email = email.Trim();
        NormalizedEmail = Normalize(Email);
    }

    /// <summary>
    /// The form uniqueness and look-ups (sign-in included) compare: NFKC, trimmed, upper case (invariant
    /// culture), so compatibility look-alikes and case variants of a name are the same name.
    /// </summary>
    public static string Normalize(string value) =>
        (UnicodeText.TryNormalize(value, NormalizationForm.FormKC, out var normalized) ? normalized : value).Trim().ToUpperInvariant();
}
