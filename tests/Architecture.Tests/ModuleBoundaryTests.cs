using System.Reflection;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NetArchTest.Rules;

namespace CertifyTrack.Architecture.Tests;

/// <summary>
/// The dependency rule of docs/architecture.md ("The dependency rule"), checked on the built assemblies: which
/// module may use which, only through <c>Contracts</c> and the registration class, and what each module
/// exposes. References are read twice: the assemblies' metadata, and this project's deps.json, which
/// keeps project references the compiler drops from metadata while no type is used (and constants,
/// being inlined, never show up in IL). Type-level dependencies are read from IL by NetArchTest.
/// </summary>
public sealed class ModuleBoundaryTests
{
    private const string ModulePrefix = "CertifyTrack.Modules.";
    private const string SharedAssembly = "CertifyTrack.Shared";
    private const string HostAssembly = "CertifyTrack.Host";

    /// <summary>The one statement of the dependency direction: a module may use only the modules listed for it.</summary>
    private static readonly Dictionary<string, string[]> AllowedUpstream = new()
    {
        ["Users"] = [],
        ["Clubs"] = ["Users"],
        ["Events"] = ["Clubs", "Users"],
        ["Venues"] = ["Events", "Clubs", "Users"],
        ["Certificates"] = ["Events", "Clubs", "Users"],
        ["Aicte"] = ["Events", "Clubs", "Users"],
    };

    private static readonly Lazy<Dictionary<string, string[]>> ProjectReferences = new(ReadProjectReferences);

    public static TheoryData<string> Modules => new(AllowedUpstream.Keys);

    [Fact]
    public void Every_module_the_host_composes_is_under_these_rules()
    {
        var composed = ProjectReferences.Value[HostAssembly]
            .Where(name => name.StartsWith(ModulePrefix, StringComparison.Ordinal))
            .Select(name => name[ModulePrefix.Length..]);

        Assert.Equal(AllowedUpstream.Keys.Order(), composed.Order());
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Module_references_only_the_modules_it_may_use_and_not_the_host(string module)
    {
        var forbidden = ForbiddenModules(module).Select(m => ModulePrefix + m).Append(HostAssembly).ToHashSet();

        var offenders = ProjectReferences.Value[AssemblyName(module)]
            .Concat(ModuleAssembly(module).GetReferencedAssemblies().Select(reference => reference.Name!))
            .Where(forbidden.Contains)
            .Distinct();

        AssertNone(offenders, $"{AssemblyName(module)} references assemblies it may not use");
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Module_types_use_only_the_modules_they_may_use_and_not_the_host(string module)
    {
        var forbidden = ForbiddenModules(module).Select(m => ModulePrefix + m).Append(HostAssembly).ToArray();

        var result = Types.InAssembly(ModuleAssembly(module)).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();

        AssertNone(result.FailingTypeNames, $"Types of {AssemblyName(module)} depend on one of {string.Join(", ", forbidden)}");
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Module_uses_other_modules_only_through_their_contracts_and_registration_class(string module)
    {
        foreach (var upstream in AllowedUpstream[module])
        {
            var internals = ModuleAssembly(upstream).GetTypes()
                .Where(type => type.DeclaringType is null && !IsCompilerGenerated(type))
                .Where(type => !IsInContracts(type, upstream) && type.FullName != $"{ModulePrefix}{upstream}.{upstream}Module")
                .Select(type => type.FullName!)
                .ToArray();

            var result = Types.InAssembly(ModuleAssembly(module)).ShouldNot().HaveDependencyOnAny(internals).GetResult();

            AssertNone(
                result.FailingTypeNames,
                $"Types of {AssemblyName(module)} use internals of {upstream} (only {ModulePrefix}{upstream}.Contracts and {upstream}Module are allowed)");
        }
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Module_never_touches_another_modules_DbContext(string module)
    {
        var otherContexts = AllowedUpstream.Keys.Where(other => other != module)
            .SelectMany(other => ModuleAssembly(other).GetTypes().Where(IsDbContext))
            .Select(type => type.FullName!)
            .ToArray();

        var result = Types.InAssembly(ModuleAssembly(module)).ShouldNot().HaveDependencyOnAny(otherContexts).GetResult();

        AssertNone(result.FailingTypeNames, $"Types of {AssemblyName(module)} use another module's DbContext");
    }

    [Fact]
    public void Shared_depends_on_no_module_and_not_on_the_host()
    {
        var shared = Assembly.Load(SharedAssembly);
        var referenced = ProjectReferences.Value[SharedAssembly]
            .Concat(shared.GetReferencedAssemblies().Select(reference => reference.Name!))
            .Where(name => name == HostAssembly || name.StartsWith(ModulePrefix, StringComparison.Ordinal))
            .Distinct();
        AssertNone(referenced, $"{SharedAssembly} references");

        var result = Types.InAssembly(shared).ShouldNot().HaveDependencyOnAny("CertifyTrack.Modules", HostAssembly).GetResult();
        AssertNone(result.FailingTypeNames, $"Types of {SharedAssembly} depend on a module or the host");
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Module_has_exactly_one_public_static_registration_class(string module)
    {
        var registrations = ModuleAssembly(module).GetExportedTypes()
            .Where(type => type.Name == $"{module}Module")
            .ToArray();
        Assert.True(
            registrations.Length == 1,
            $"{AssemblyName(module)} must export exactly one {module}Module, found: [{string.Join(", ", registrations.Select(type => type.FullName))}]");

        var registration = registrations[0];
        Assert.True(
            registration is { IsAbstract: true, IsSealed: true, Namespace: var ns } && ns == ModulePrefix + module,
            $"{registration.FullName} must be a public static class in namespace {ModulePrefix}{module}");

        var method = registration.GetMethod(
            $"Add{module}Module",
            BindingFlags.Public | BindingFlags.Static,
            [typeof(IServiceCollection), typeof(IConfiguration)]);
        Assert.True(
            method is not null && method.ReturnType == typeof(IServiceCollection),
            $"{registration.FullName} must declare public static IServiceCollection Add{module}Module(this IServiceCollection, IConfiguration)");
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Module_DbContexts_are_not_public(string module)
    {
        var visible = ModuleAssembly(module).GetTypes()
            .Where(type => IsDbContext(type) && type.IsVisible)
            .Select(type => type.FullName!);

        AssertNone(visible, $"DbContexts of {AssemblyName(module)} visible outside the module");
    }

    private static IEnumerable<string> ForbiddenModules(string module) =>
        AllowedUpstream.Keys.Where(other => other != module && !AllowedUpstream[module].Contains(other));

    private static string AssemblyName(string module) => ModulePrefix + module;

    private static Assembly ModuleAssembly(string module) => Assembly.Load(AssemblyName(module));

    private static bool IsInContracts(Type type, string module) =>
        type.Namespace is { } ns
        && (ns == $"{ModulePrefix}{module}.Contracts" || ns.StartsWith($"{ModulePrefix}{module}.Contracts.", StringComparison.Ordinal));

    private static bool IsCompilerGenerated(Type type) => type.Name.StartsWith('<');

    private static bool IsDbContext(Type type) => typeof(DbContext).IsAssignableFrom(type);

    private static void AssertNone(IEnumerable<string>? offenders, string rule)
    {
        var list = offenders?.Order().ToList() ?? [];
        Assert.True(list.Count == 0, $"{rule}:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", list)}");
    }

    /// <summary>Project name → names of the projects it references directly, from this test project's deps.json.</summary>
    private static Dictionary<string, string[]> ReadProjectReferences()
    {
        var path = Path.Combine(AppContext.BaseDirectory, typeof(ModuleBoundaryTests).Assembly.GetName().Name + ".deps.json");
        using var deps = JsonDocument.Parse(File.ReadAllText(path));
        var projects = deps.RootElement.GetProperty("libraries").EnumerateObject()
            .Where(library => library.Value.GetProperty("type").GetString() == "project")
            .Select(library => library.Name.Split('/')[0])
            .ToHashSet();

        return deps.RootElement.GetProperty("targets").EnumerateObject().First().Value.EnumerateObject()
            .Select(library => (Name: library.Name.Split('/')[0], library.Value))
            .Where(library => projects.Contains(library.Name))
            .ToDictionary(
                library => library.Name,
                library => library.Value.TryGetProperty("dependencies", out var dependencies)
                    ? dependencies.EnumerateObject().Select(d => d.Name).Where(projects.Contains).ToArray()
                    : []);
    }
}
