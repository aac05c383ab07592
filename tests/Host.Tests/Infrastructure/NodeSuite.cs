using System.Diagnostics;

namespace CertifyTrack.Host.Tests.Infrastructure;

/// <summary>Runs a script of the npm reference suites in tests/e2e against the live host.</summary>
public static class NodeSuite
{
    public static string Directory => Path.Combine(RepoPaths.Root, "tests", "e2e");

    /// <summary>Skips (fails on CI) when node or the suite's packages are missing.</summary>
    public static void RequireInstalled()
    {
        RepoPaths.Require(FindNode() is not null, "node is not on PATH");
        RepoPaths.Require(
            System.IO.Directory.Exists(Path.Combine(Directory, "node_modules")),
            "tests/e2e/node_modules is missing: run `npm ci` in tests/e2e");
    }

    public static async Task<string> RunAsync(string script, TimeSpan timeout, params string[] args)
    {
        var start = new ProcessStartInfo(FindNode()!)
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(script);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {script} did not finish within {timeout}. stderr: {await stderr}");
        }

        Assert.True(process.ExitCode == 0, $"node {script} exited with {process.ExitCode}: {await stderr}");
        return await stdout;
    }

    private static string? FindNode() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "node"))
            .FirstOrDefault(File.Exists);
}
