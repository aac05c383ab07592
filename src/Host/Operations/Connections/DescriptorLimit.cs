namespace CertifyTrack.Host.Operations.Connections;

/// <summary>
/// The process's limit on open file descriptors (<c>ulimit -n</c>; the .NET runtime raises the soft
/// limit to the hard one at start), read from <c>/proc/self/limits</c>. Null where that file does not
/// exist (not Linux) or says <c>unlimited</c>.
/// </summary>
internal static class DescriptorLimit
{
    public static long? Read()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/limits"))
            {
                if (line.StartsWith("Max open files", StringComparison.Ordinal))
                {
                    var soft = line["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
                    return long.TryParse(soft, out var limit) ? limit : null;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // no /proc: the fixed defaults apply
        }

        return null;
    }
}
