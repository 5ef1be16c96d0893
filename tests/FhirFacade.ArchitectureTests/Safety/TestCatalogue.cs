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
    /// on itself or a base class, by full name.
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
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            {
                if (method.GetCustomAttributesData().Any(a => IsFact(a.AttributeType)))
                {
                    names.Add(type.FullName + "." + method.Name);
                    runsTests = true;
                }
            }

            if (runsTests && !HasCategory(type))
            {
                uncategorised.Add(type.FullName!);
            }
        }

        return (names, uncategorised);
    }

    // xunit reads traits from the class and the classes it derives from.
    private static bool HasCategory(Type type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var attribute in current.GetCustomAttributesData())
            {
                if (attribute.AttributeType.FullName == TraitAttribute
                    && attribute.ConstructorArguments is [{ Value: "Category" }, { Value: string category }]
                    && Categories.Contains(category))
                {
                    return true;
                }
            }
        }

        return false;
    }

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
