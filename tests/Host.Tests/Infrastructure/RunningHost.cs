using System.Diagnostics;
using System.Text;

namespace CertifyTrack.Host.Tests.Infrastructure;

/// <summary>A host process started by <see cref="HostProcess.Start"/>, serving until disposed (killed).</summary>
public sealed class RunningHost : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output;
    private readonly Task pumps;

    internal RunningHost(Process process, StringBuilder output, Task pumps)
    {
        this.process = process;
        this.output = output;
        this.pumps = pumps;
    }

    /// <summary>Standard output and error so far, interleaved by line.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>Waits until <paramref name="text"/> appears in the output; fails if the process exits or the time runs out first.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var stopwatch = Stopwatch.StartNew();
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (process.HasExited)
            {
                await pumps;
                Assert.Fail($"The host exited with {process.ExitCode} before printing '{text}':\n{Output}");
            }

            if (stopwatch.Elapsed > timeout)
            {
                Assert.Fail($"The host did not print '{text}' within {timeout}:\n{Output}");
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync(CancellationToken.None);
        await pumps;
        process.Dispose();
    }
}
