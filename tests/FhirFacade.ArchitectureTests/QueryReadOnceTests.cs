using System.Text.RegularExpressions;

namespace FhirFacade.ArchitectureTests;

/// <summary>
/// The query is parsed once, at the edge, and kept on the request (<c>RequestQuery</c> in the server; issue #16): no
/// source file reads ASP.NET's own parse of it (<c>Request.Query</c>, <c>IQueryCollection</c>), which would be a second
/// parse that the request limits never checked and that could read the query differently.
/// </summary>
[Trait("Category", "Unit")]
public sealed partial class QueryReadOnceTests
{
    [Fact]
    public void SourceFiles_NeverReadAspNetsParsedQuery()
    {
        var sources = RepositoryLayout.SourceCodeFiles();
        var offenders = sources
            .SelectMany(f => SecondParse().Matches(File.ReadAllText(f)).Select(m => $"{Path.GetRelativePath(RepositoryLayout.Root, f)}: {m.Value}"))
            .ToList();

        sources.Should().Contain(f => f.EndsWith("RequestQuery.cs", StringComparison.Ordinal), "the scan reads the server's sources");
        offenders.Should().BeEmpty("the query is read from RequestQuery, parsed once at the edge");
    }

    [GeneratedRegex(@"\bRequest\.Query\b(?!String)|\bIQueryCollection\b")]
    private static partial Regex SecondParse();
}
