using System.Reflection;
using System.Text.RegularExpressions;
using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Shared.GraphQL.Errors;
using Snapshooter.Xunit3;

namespace CertifyTrack.Host.Tests.Schema;

/// <summary>
/// Every error code the product can answer is a constant of a catalog (<see cref="ErrorCodeCatalogAttribute"/>):
/// the list is committed, and one rule has one spelling (docs/graphql-conventions.md, "Error codes").
/// </summary>
public sealed partial class ErrorCodeCatalogTests
{
    [Fact]
    public void Every_code_of_every_catalog_matches_the_committed_list() =>
        Snapshot.Match(string.Join('\n', Codes().Select(c => $"{c.Code} ({c.Catalog})").Order(StringComparer.Ordinal)));

    [Fact]
    public void No_code_is_declared_twice()
    {
        var twice = Codes().GroupBy(c => c.Code).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(c => c.Catalog))}");

        Assert.Empty(twice);
    }

    [Fact]
    public void No_rule_has_two_spellings() => Assert.Empty(SpellingClashes(Codes().Select(c => c.Code)));

    [Fact]
    public void The_spelling_check_finds_the_same_words_in_another_order() =>
        Assert.Equal(["EMAIL_INVALID = INVALID_EMAIL"], SpellingClashes(["EMAIL_INVALID", "INVALID_EMAIL", "EMAIL_TAKEN", "USN_INVALID"]));

    [Fact]
    public void Modules_write_user_error_codes_through_their_catalog()
    {
        var literals = Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "src", "Modules"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => CodeLiteral().Matches(File.ReadAllText(f)).Select(m => $"{Path.GetFileName(f)}: {m.Value}"));

        Assert.Empty(literals);
    }

    internal static IEnumerable<string> SpellingClashes(IEnumerable<string> codes) =>
        codes.Distinct().GroupBy(c => string.Join('_', c.Split('_').Order(StringComparer.Ordinal)))
            .Where(g => g.Count() > 1)
            .Select(g => string.Join(" = ", g.Order(StringComparer.Ordinal)));

    private static IEnumerable<(string Code, string Catalog)> Codes() =>
        ProductAssemblies().SelectMany(a => a.GetTypes())
            .Where(t => t.GetCustomAttribute<ErrorCodeCatalogAttribute>() is not null)
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                .Where(f => f.IsLiteral && f.FieldType == typeof(string))
                .Select(f => ((string)f.GetRawConstantValue()!, t.Name)));

    /// <summary>The product's assemblies beside the test binaries (not the tests' own example modules).</summary>
    private static IEnumerable<Assembly> ProductAssemblies() =>
        Directory.EnumerateFiles(AppContext.BaseDirectory, "CertifyTrack.*.dll")
            .Where(f => !Path.GetFileName(f).Contains("Tests", StringComparison.Ordinal))
            .Select(f => Assembly.Load(AssemblyName.GetAssemblyName(f)));

    /// <summary><c>UserError("X_Y"</c> / <c>UserErrorException("X_Y"</c>: a code written in place instead of named from the catalog.</summary>
    [GeneratedRegex(@"UserError(?:Exception)?\(\s*""[A-Z][A-Z_]+""")]
    private static partial Regex CodeLiteral();
}
