namespace CertifyTrack.Host.Tests.Infrastructure;

public static class RepoPaths
{
    /// <summary>The repository root: the folder holding CertifyTrack.sln above the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>True on CI (<c>CI=true</c>), where a missing tool fails a test instead of skipping it.</summary>
    public static bool OnCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Skips locally, fails on CI, when something a test needs is missing.</summary>
    public static void Require(bool condition, string what)
    {
        if (condition)
        {
            return;
        }

        Assert.False(OnCi, $"{what} (CI must provide it: see .ci/run).");
        Assert.Skip(what);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CertifyTrack.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CertifyTrack.sln not found above " + AppContext.BaseDirectory);
    }
}
