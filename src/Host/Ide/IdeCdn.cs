using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CertifyTrack.Host.Ide;

/// <summary>
/// GraphiQL from a public CDN for a host built without node: the versions pinned in
/// <c>ClientApp/package-lock.json</c> and the same <c>ide.js</c> the bundle runs, both
/// embedded at build time, so the CDN page cannot drift from the bundle.
/// </summary>
internal sealed class IdeCdn
{
    public const string Origin = "https://esm.sh";

    private static readonly string[] Packages = ["react", "react-dom", "graphiql", "@graphiql/react", "@graphiql/toolkit", "graphql", "graphql-ws"];

    private IdeCdn(IReadOnlyDictionary<string, string> versions, string importMap, string module)
    {
        Versions = versions;
        ImportMap = importMap;
        Module = module;
        ScriptHashes = [Hash(importMap), Hash(module)];
    }

    /// <summary>The pinned version of each package the page imports, by npm name.</summary>
    public IReadOnlyDictionary<string, string> Versions { get; }

    /// <summary>The text of the <c>importmap</c> script.</summary>
    public string ImportMap { get; }

    /// <summary>The text of the inline module script: monaco's CDN workers, then ide.js.</summary>
    public string Module { get; }

    /// <summary>CSP sources (<c>'sha256-…'</c>) for the two inline scripts.</summary>
    public IReadOnlyList<string> ScriptHashes { get; }

    public string Stylesheet => $"{Origin}/graphiql@{Versions["graphiql"]}/dist/style.css";

    public static IdeCdn Load()
    {
        using var lockFile = JsonDocument.Parse(ReadResource("ClientApp.package-lock.json"));
        var packages = lockFile.RootElement.GetProperty("packages");
        var versions = Packages.ToDictionary(name => name, name => packages.GetProperty($"node_modules/{name}").GetProperty("version").GetString()!);

        string Url(string name, string rest = "") => $"{Origin}/{name}@{versions[name]}{rest}";
        var imports = new Dictionary<string, string>
        {
            ["react"] = Url("react"),
            ["react/"] = Url("react", "/"),
            ["react-dom"] = Url("react-dom"),
            ["react-dom/"] = Url("react-dom", "/"),
            ["graphiql"] = Url("graphiql", "?standalone&external=react,react-dom,@graphiql/react,graphql"),
            ["graphiql/"] = Url("graphiql", "/"),
            ["@graphiql/react"] = Url("@graphiql/react", "?standalone&external=react,react-dom,graphql,@graphiql/toolkit,@emotion/is-prop-valid"),
            ["@graphiql/toolkit"] = Url("@graphiql/toolkit", "?standalone&external=graphql"),
            ["graphql"] = Url("graphql"),
            ["graphql-ws"] = Url("graphql-ws", "?external=graphql"),
            // framer-motion (inside @graphiql/react) optionally imports it; an empty module will do.
            ["@emotion/is-prop-valid"] = "data:text/javascript,",
        };
        var importMap = JsonSerializer.Serialize(new { imports });

        var ide = ReadResource("ClientApp.ide.js");
        if (ide.Contains("</script", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException("ide.js cannot be inlined: it contains </script.");
        }

        return new IdeCdn(versions, importMap, "import 'graphiql/setup-workers/esm.sh';\n" + ide);
    }

    private static string ReadResource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing (see ClientApp/ClientApp.targets).");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static string Hash(string script) =>
        $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script)))}'";
}
