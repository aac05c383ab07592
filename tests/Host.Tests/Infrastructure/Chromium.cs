using PuppeteerSharp;

namespace CertifyTrack.Host.Tests.Infrastructure;

/// <summary>
/// The machine's own Chromium for browser tests (never a downloaded one): <c>CHROMIUM_PATH</c>,
/// else <c>/usr/bin/chromium</c>, else chromium or google-chrome on PATH. Without one a test
/// skips, except under CI (<c>CI=true</c>), where it fails: CI installs Debian's chromium.
/// </summary>
public static class Chromium
{
    private static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    private static readonly string[] Args =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    public static string? Find()
    {
        if (Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : null;
        }

        if (File.Exists("/usr/bin/chromium"))
        {
            return "/usr/bin/chromium";
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => Names.Select(name => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>Skips the test (fails it under CI) when <paramref name="missing"/> is true.</summary>
    public static void Require(bool missing, string reason) => RepoPaths.Require(!missing, reason);

    /// <summary>Launches headless Chromium with a fresh profile that is deleted on dispose.</summary>
    public static async Task<HeadlessBrowser> LaunchAsync()
    {
        var executable = Find();
        Require(executable is null, "No Chromium found (set CHROMIUM_PATH or install Debian's chromium).");
        var profile = Directory.CreateTempSubdirectory("certifytrack-chromium-");
        var browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Pipe = true,
            UserDataDir = profile.FullName,
            Args = Args,
        });
        return new HeadlessBrowser(browser, profile);
    }
}

/// <summary>A launched browser and its throw-away profile folder.</summary>
public sealed class HeadlessBrowser(IBrowser browser, DirectoryInfo profile) : IAsyncDisposable
{
    public IBrowser Browser => browser;

    public async ValueTask DisposeAsync()
    {
        await browser.CloseAsync();
        await browser.DisposeAsync();
        try
        {
            profile.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still hold a file for a moment; a temporary folder stays behind.
        }
    }
}
