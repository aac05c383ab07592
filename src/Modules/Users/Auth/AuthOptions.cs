namespace CertifyTrack.Modules.Users.Auth;

/// <summary>The <c>Auth</c> section: grants, keys, the first-party web client and the tooling clients.</summary>
internal sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>The resource-owner password grant; unset means on in Development and off otherwise.</summary>
    public bool? AllowPasswordGrant { get; set; }

    /// <summary>Whether the endpoints refuse plain HTTP; unset means off in Development and on otherwise.</summary>
    public bool? RequireHttps { get; set; }

    /// <summary>Signing certificate (PFX); unset means a development certificate kept in <see cref="KeysDirectory"/>.</summary>
    public CertificateOptions SigningCertificate { get; set; } = new();

    /// <summary>Encryption certificate (PFX); unset means a development certificate kept in <see cref="KeysDirectory"/>.</summary>
    public CertificateOptions EncryptionCertificate { get; set; } = new();

    /// <summary>Where development certificates are generated once and kept (relative to the content root).</summary>
    public string KeysDirectory { get; set; } = "data/keys";

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    public WebClientOptions WebClient { get; set; } = new();

    /// <summary>Confidential admin-tooling clients (client_credentials), keyed by a label.</summary>
    public Dictionary<string, ToolingClientOptions> Clients { get; set; } = [];

    /// <summary>Requests per minute per client IP on the token endpoint and the sign-in page.</summary>
    public int RequestsPerMinutePerIp { get; set; } = 60;

    /// <summary>Password attempts per minute per username (any IP).</summary>
    public int AttemptsPerMinutePerUsername { get; set; } = 20;
}

internal sealed class CertificateOptions
{
    public string? Path { get; set; }

    public string? Password { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Path);
}

internal sealed class WebClientOptions
{
    public const string ClientId = "certifytrack-web";

    public List<string> RedirectUris { get; set; } = [];

    public List<string> PostLogoutRedirectUris { get; set; } = [];
}

internal sealed class ToolingClientOptions
{
    public string ClientId { get; set; } = "";

    public string ClientSecret { get; set; } = "";

    /// <summary>The <c>role</c> claim of the client's tokens.</summary>
    public string Role { get; set; } = "admin";
}
