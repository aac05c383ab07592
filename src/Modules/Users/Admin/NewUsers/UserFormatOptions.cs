using System.Text.RegularExpressions;

namespace CertifyTrack.Modules.Users.Admin.NewUsers;

/// <summary>
/// Institution-specific formats (configuration section <c>Users:Formats</c>): by default any
/// well-formed email and a USN of 5–20 letters and digits. The registration slice checks the
/// same options; the merger keeps one copy.
/// </summary>
internal sealed class UserFormatOptions
{
    public const string Section = "Users:Formats";

    public string UsnPattern { get; set; } = "^[A-Za-z0-9]{5,20}$";

    /// <summary>When set, emails must end with <c>@</c> and this domain (<c>college.edu</c>).</summary>
    public string? EmailDomain { get; set; }

    public Regex UsnRegex() => new(UsnPattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
}
