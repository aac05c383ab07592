using System.Text.Json;
using Microsoft.Extensions.FileProviders;

namespace CertifyTrack.Host.Ide;

/// <summary>
/// The GraphiQL bundle that vite built into <c>wwwroot/ide</c>, found through vite's
/// <c>manifest.json</c>: the entry script and its stylesheets, as paths under the web root.
/// </summary>
internal sealed record IdeBundle(string Script, IReadOnlyList<string> Styles)
{
    public const string Folder = "ide";

    /// <summary>The bundle, or null when none was built (no node on the build machine).</summary>
    public static IdeBundle? Find(IFileProvider webRoot)
    {
        ArgumentNullException.ThrowIfNull(webRoot);
        var manifest = webRoot.GetFileInfo($"{Folder}/manifest.json");
        if (!manifest.Exists || manifest.IsDirectory)
        {
            return null;
        }

        using var stream = manifest.CreateReadStream();
        using var json = JsonDocument.Parse(stream);
        foreach (var chunk in json.RootElement.EnumerateObject().Select(p => p.Value))
        {
            if (chunk.TryGetProperty("isEntry", out var isEntry) && isEntry.ValueKind == JsonValueKind.True
                && chunk.TryGetProperty("file", out var file) && file.GetString() is { Length: > 0 } script
                && webRoot.GetFileInfo($"{Folder}/{script}").Exists)
            {
                var styles = chunk.TryGetProperty("css", out var css)
                    ? css.EnumerateArray().Select(s => $"{Folder}/{s.GetString()}").ToArray()
                    : [];
                return new IdeBundle($"{Folder}/{script}", styles);
            }
        }

        return null;
    }
}
