using System.Text.RegularExpressions;

namespace FhirFacade.ArchitectureTests.Safety;

/// <summary>
/// docs/safety/hazard-log.md as data: each hazard (<c>### H1 — …</c>), whether its status is open, and the rows of its
/// controls table (the table whose header has a "Verified by" column) with the fully qualified test names each row
/// names in backticks. Cells must not contain <c>|</c>.
/// </summary>
internal static partial class HazardLog
{
    /// <summary>The log, relative to the repository root.</summary>
    public const string RelativePath = "docs/safety/hazard-log.md";

    public static IReadOnlyList<Hazard> Read() => Parse(File.ReadAllText(Path.Combine(RepositoryLayout.Root, RelativePath)));

    public static IReadOnlyList<Hazard> Parse(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var hazards = new List<Hazard>();
        string? id = null, title = null;
        var open = false;
        var controls = new List<HazardControl>();
        var verifiedColumn = -1;

        void Close()
        {
            if (id is not null)
            {
                hazards.Add(new Hazard(id, title!, open, [.. controls]));
            }
        }

        foreach (var line in markdown.Split('\n').Select(l => l.TrimEnd('\r')))
        {
            if (HazardHeading().Match(line) is { Success: true } heading)
            {
                Close();
                (id, title, open, controls, verifiedColumn) = (heading.Groups[1].Value, heading.Groups[2].Value.Trim(), false, [], -1);
                continue;
            }

            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                Close();
                (id, title) = (null, null);
                continue;
            }

            if (id is null)
            {
                continue;
            }

            if (!line.StartsWith('|'))
            {
                verifiedColumn = -1;
                continue;
            }

            var cells = line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            if (cells.Length >= 2 && cells[0] == "Status")
            {
                open = cells[1].StartsWith("Open", StringComparison.Ordinal);
            }
            else if (Array.FindIndex(cells, c => c.Equals("Verified by", StringComparison.OrdinalIgnoreCase)) is >= 0 and var column)
            {
                verifiedColumn = column;
            }
            else if (verifiedColumn >= 0 && !cells[0].StartsWith("---", StringComparison.Ordinal))
            {
                var tests = verifiedColumn < cells.Length ? TestName().Matches(cells[verifiedColumn]).Select(m => m.Groups[1].Value).ToList() : [];
                controls.Add(new HazardControl(cells[0], tests));
            }
        }

        Close();
        return hazards;
    }

    /// <summary>What is wrong with a log, given the tests that exist: one line per problem, empty when none.</summary>
    public static IReadOnlyList<string> Problems(IReadOnlyList<Hazard> hazards, IReadOnlySet<string> existingTests)
    {
        ArgumentNullException.ThrowIfNull(hazards);
        ArgumentNullException.ThrowIfNull(existingTests);
        var problems = new List<string>();
        foreach (var hazard in hazards)
        {
            if (hazard.Controls.Count == 0 && !hazard.Open)
            {
                problems.Add($"{hazard.Id} has no control and is not marked open");
            }

            foreach (var control in hazard.Controls)
            {
                if (control.Tests.Count == 0)
                {
                    problems.Add($"{control.Id} names no test that verifies it");
                }

                problems.AddRange(control.Tests.Where(t => !existingTests.Contains(t)).Select(t => $"{control.Id} names {t}, which is not a test in the built test assemblies"));
            }
        }

        return problems;
    }

    [GeneratedRegex(@"^###\s+(H\d+)\s+[—-]\s+(.+)$")]
    private static partial Regex HazardHeading();

    [GeneratedRegex(@"`(FhirFacade\.[A-Za-z0-9_.+]+)`")]
    private static partial Regex TestName();
}

/// <summary>One hazard of the log.</summary>
internal sealed record Hazard(string Id, string Title, bool Open, IReadOnlyList<HazardControl> Controls);

/// <summary>One control of a hazard and the tests that verify it.</summary>
internal sealed record HazardControl(string Id, IReadOnlyList<string> Tests);
