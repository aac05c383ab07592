using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace CertifyTrack.Host.Tests.Infrastructure;

/// <summary>Runs the built host (<c>CertifyTrack.Host.dll</c> beside the tests) as its own process.</summary>
public static class HostProcess
{
    public sealed record Result(int ExitCode, string Output);

    public static async Task<Result> RunAsync(IReadOnlyList<string> args, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        using var process = Process.Start(StartInfo(args, environment)) ?? throw new InvalidOperationException("The host process did not start.");
        var output = new StringBuilder();
        var stdout = PumpAsync(process.StandardOutput, output);
        var stderr = PumpAsync(process.StandardError, output);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The host did not exit within {timeout}. Output so far:\n{output}");
        }

        await Task.WhenAll(stdout, stderr);
        return new Result(process.ExitCode, output.ToString());
    }

    /// <summary>
    /// Starts the host and leaves it running (serving); disposing the handle kills it. With
    /// <paramref name="descriptorLimit"/> it runs under that open-file limit (soft and hard, <c>ulimit -n</c> in bash).
    /// </summary>
    public static RunningHost Start(IReadOnlyList<string> args, IReadOnlyDictionary<string, string> environment, int? descriptorLimit = null)
    {
        var process = Process.Start(StartInfo(args, environment, descriptorLimit)) ?? throw new InvalidOperationException("The host process did not start.");
        var output = new StringBuilder();
        return new RunningHost(process, output, Task.WhenAll(PumpAsync(process.StandardOutput, output), PumpAsync(process.StandardError, output)));
    }

    private static ProcessStartInfo StartInfo(IReadOnlyList<string> args, IReadOnlyDictionary<string, string> environment, int? descriptorLimit = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        var start = new ProcessStartInfo(descriptorLimit is null ? DotnetMuxer : "/bin/bash")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (descriptorLimit is { } limit)
        {
            // bash lowers the limit, then becomes the host (exec): the host is the process the handle kills.
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add($"ulimit -n {limit} && exec \"$0\" \"$@\"");
            start.ArgumentList.Add(DotnetMuxer);
        }

        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CertifyTrack.Host.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The child sees only the configuration the test gives it, not the developer's shell.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Database__", StringComparison.Ordinal) ||
                     k.StartsWith("ConnectionStrings__", StringComparison.Ordinal) || k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) ||
                     k.StartsWith("DOTNET_ENVIRONMENT", StringComparison.Ordinal) || k.StartsWith("CERTIFYTRACK_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return start;
    }

    internal static async Task PumpAsync(StreamReader reader, StringBuilder output)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    /// <summary>The <c>dotnet</c> executable of the runtime running the tests.</summary>
    private static string DotnetMuxer
    {
        get
        {
            if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath))
            {
                return hostPath;
            }

            // <root>/shared/Microsoft.NETCore.App/<version>/ → <root>/dotnet
            var root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
            var muxer = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
            return File.Exists(muxer) ? muxer : "dotnet";
        }
    }
}
