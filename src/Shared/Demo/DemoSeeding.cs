namespace CertifyTrack.Shared.Demo;

/// <summary>
/// One <c>--seed-demo</c> run, handed to every <see cref="IDemoSeeder"/>: the demo password asked
/// for, and what the seeders report back — the logins they created (printed once as a table:
/// passwords are stored only hashed) and notes on what already existed.
/// </summary>
public sealed class DemoSeeding(string? password)
{
    private readonly List<DemoLogin> logins = [];
    private readonly List<string> notes = [];

    /// <summary>
    /// The password every new demo account gets (<c>CERTIFYTRACK_DEMO_PASSWORD</c>), for predictable
    /// logins; null gives each new account a password of its own, generated here and never stored.
    /// </summary>
    public string? Password { get; } = string.IsNullOrEmpty(password) ? null : password;

    public IReadOnlyList<DemoLogin> Logins => logins;

    public IReadOnlyList<string> Notes => notes;

    public void AddLogin(DemoLogin login)
    {
        ArgumentNullException.ThrowIfNull(login);
        logins.Add(login);
    }

    /// <summary>Reports something to the person seeding (what already exists, what was skipped).</summary>
    public void Note(string message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        notes.Add(message);
    }
}

/// <summary>A demo account created by this run: its username, role, password and a word on who it is.</summary>
public sealed record DemoLogin(string Username, string Role, string Password, string About);
