using System.Reflection;
using System.Runtime.InteropServices;

namespace FhirFacade.ArchitectureTests.Safety;

/// <summary>
/// Every test in the built test assemblies, by the fully qualified name the test runner reports
/// (<c>Namespace.Class.Method</c>; a test inherited from a TestKit base class is named after the class that runs it),
/// read with <see cref="MetadataLoadContext"/>: no test assembly is loaded or run. The assemblies are the ones next to
/// this project's own, in the same configuration (<c>bin/Release/net10.0</c>); the project references every test
/// project (without using it) so that they are built first.
/// </summary>
internal static class TestCatalogue
{
    private const string FactAttribute = "Xunit.FactAttribute";
    private const string TraitAttribute = "Xunit.TraitAttribute";

    /// <summary>The categories a test class may declare (docs/style.md, "Testing conventions").</summary>
    public static readonly IReadOnlySet<string> Categories = new HashSet<string>(StringComparer.Ordinal) { "Unit", "Integration", "Conformance" };

    private static readonly Lazy<(IReadOnlySet<string> Tests, IReadOnlyList<string> NotBuilt, IReadOnlyList<string> Uncategorised)> Loaded = new(Load);

    /// <summary>The fully qualified names of every xunit Fact and Theory (and anything derived from <c>FactAttribute</c>).</summary>
    public static IReadOnlySet<string> Tests => Loaded.Value.Tests;

    /// <summary>The test projects whose assembly was not found (not built in this configuration).</summary>
    public static IReadOnlyList<string> NotBuilt => Loaded.Value.NotBuilt;

    /// <summary>
    /// Every class that runs tests but declares no <c>[Trait("Category", …)]</c> with one of <see cref="Categories"/>
    /// on itself or a base class, or declares a category outside <see cref="Categories"/> there or on one of its tests,
    /// by full name and the reason.
    /// </summary>
    public static IReadOnlyList<string> Uncategorised => Loaded.Value.Uncategorised;

    private static (IReadOnlySet<string>, IReadOnlyList<string>, IReadOnlyList<string>) Load()
    {
        var ownProject = Path.Combine(RepositoryLayout.Root, "tests", "FhirFacade.ArchitectureTests");
        var outputPath = Path.GetRelativePath(ownProject, AppContext.BaseDirectory);
        var projects = RepositoryLayout.TestProjectDirectories().Append(ownProject).Distinct().Order(StringComparer.Ordinal);
        var tests = new HashSet<string>(StringComparer.Ordinal);
        var notBuilt = new List<string>();
        var uncategorised = new List<string>();
        foreach (var project in projects)
        {
            var name = Path.GetFileName(project);
            var assembly = Path.Combine(project, outputPath, name + ".dll");
            if (!File.Exists(assembly))
            {
                notBuilt.Add(Path.GetRelativePath(RepositoryLayout.Root, assembly));
                continue;
            }

            var (found, classesWithoutCategory) = TestsIn(assembly);
            tests.UnionWith(found);
            uncategorised.AddRange(classesWithoutCategory);
        }

        return (tests, notBuilt, uncategorised);
    }

    private static (List<string> Tests, List<string> Uncategorised) TestsIn(string assemblyPath)
    {
        using var context = new MetadataLoadContext(new PathAssemblyResolver(ResolvablePaths(Path.GetDirectoryName(assemblyPath)!)));
        var assembly = context.LoadFromAssemblyPath(assemblyPath);
        var names = new List<string>();
        var uncategorised = new List<string>();
        foreach (var type in assembly.GetTypes().Where(t => t.IsClass && !t.IsAbstract && (t.IsPublic || t.IsNestedPublic)))
        {
            var runsTests = false;
            var methodCategories = new List<string>();
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            {
                var attributes = method.GetCustomAttributesData();
                if (attributes.Any(a => IsFact(a.AttributeType)))
                {
                    names.Add(type.FullName + "." + method.Name);
                    runsTests = true;
                    methodCategories.AddRange(CategoriesIn(attributes));
                }
            }

            if (runsTests && Problem(type, methodCategories) is { } problem)
            {
                uncategorised.Add(type.FullName + ": " + problem);
            }
        }

        return (names, uncategorised);
    }

    // xunit reads traits from the class and the classes it derives from; a test method may add its own. A class needs
    // a known category on itself or a base class, and every category on it, a base class or a test must be a known one.
    private static string? Problem(Type type, IEnumerable<string> methodCategories)
    {
        var classCategories = new List<string>();
        for (var current = type; current is not null; current = current.BaseType)
        {
            classCategories.AddRange(CategoriesIn(current.GetCustomAttributesData()));
        }

        var unknown = classCategories.Concat(methodCategories).Where(c => !Categories.Contains(c)).Distinct(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            return "unknown category " + string.Join(", ", unknown.Select(c => "\"" + c + "\""));
        }

        return classCategories.Count == 0 ? "no category on the class or a base class" : null;
    }

    private static IEnumerable<string> CategoriesIn(IEnumerable<CustomAttributeData> attributes) =>
        attributes
            .Where(a => a.AttributeType.FullName == TraitAttribute)
            .Select(a => a.ConstructorArguments is [{ Value: "Category" }, { Value: var category }] ? category as string ?? string.Empty : null)
            .OfType<string>();

    private static bool IsFact(Type? attribute)
    {
        for (var type = attribute; type is not null; type = type.BaseType)
        {
            if (type.FullName == FactAttribute)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The test project's own output first, then the shared frameworks it runs on (.NET and ASP.NET Core), one file per assembly name.</summary>
    private static IEnumerable<string> ResolvablePaths(string outputDirectory)
    {
        var runtime = RuntimeEnvironment.GetRuntimeDirectory();
        var sharedRoot = Path.GetFullPath(Path.Combine(runtime, "..", ".."));
        var aspNetCore = Path.Combine(sharedRoot, "Microsoft.AspNetCore.App");
        var frameworks = new List<string> { runtime };
        if (Directory.Exists(aspNetCore))
        {
            frameworks.AddRange(Directory.GetDirectories(aspNetCore).OrderByDescending(d => Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : new Version(0, 0)).Take(1));
        }

        return new[] { outputDirectory }.Concat(frameworks)
            .SelectMany(d => Directory.EnumerateFiles(d, "*.dll"))
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.First());
    }
}
