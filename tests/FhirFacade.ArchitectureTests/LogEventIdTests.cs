using System.Text.RegularExpressions;

namespace FhirFacade.ArchitectureTests;

/// <summary>
/// Every log message has its own event id across the product (docs/style.md, "Logging, metrics and patient data"):
/// an operator filters and alerts by event id, so two messages sharing one would be read as the same event.
/// </summary>
[Trait("Category", "Unit")]
public sealed partial class LogEventIdTests
{
    [Fact]
    public void LoggerMessages_AcrossSourceProjects_HaveUniqueEventIds()
    {
        var uses = RepositoryLayout.SourceCodeFiles()
            .SelectMany(f => EventId().Matches(File.ReadAllText(f)).Select(m => (Id: int.Parse(m.Groups["id"].Value, System.Globalization.CultureInfo.InvariantCulture), File: Path.GetRelativePath(RepositoryLayout.Root, f))))
            .ToList();

        uses.Should().HaveCountGreaterThan(10, "the scan finds the product's [LoggerMessage] declarations");
        uses.GroupBy(u => u.Id).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(u => u.File))}")
            .Should().BeEmpty("each [LoggerMessage] needs an event id of its own");
    }

    [GeneratedRegex(@"LoggerMessage\(\s*EventId\s*=\s*(?<id>\d+)")]
    private static partial Regex EventId();
}
