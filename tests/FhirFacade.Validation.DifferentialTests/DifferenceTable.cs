using FhirFacade.Fhir.Packages;
using FhirFacade.Validation.DifferentialTests.Engines;

namespace FhirFacade.Validation.DifferentialTests;

/// <summary>
/// The documented disagreements between the engines: the table in <c>docs/validation-differences.md</c>,
/// one row per case (<c>| case | kernel | Firely | right | spec rule |</c>). A disagreement not in the table
/// fails; so does a row whose case no longer disagrees (the table stays exact).
/// </summary>
internal static class DifferenceTable
{
    public const string DocumentPath = "docs/validation-differences.md";

    /// <summary>The Firely column of a row whose Firely verdict varies between runs.</summary>
    public const string EitherVerdict = "error or valid";

    private static readonly Lazy<IReadOnlyDictionary<string, Row>> Rows = new(Load);

    public static IReadOnlyDictionary<string, Row> All => Rows.Value;

    /// <summary>Asserts that the two verdicts agree, or disagree exactly as the table says and why.</summary>
    public static void Check(string caseId, EngineVerdict kernel, EngineVerdict firely)
    {
        var listed = All.TryGetValue(caseId, out var row);
        if (listed && row!.Firely == EitherVerdict)
        {
            // Firely's verdict on this case was seen to change from run to run; the kernel's must not.
            row.Kernel.Should().Be(Word(kernel), $"the {DocumentPath} row for '{caseId}' must say what the kernel says");
            row.Rule.Should().Contain("http", $"the {DocumentPath} row for '{caseId}' must cite the spec rule");
            return;
        }

        if (kernel.IsValid == firely.IsValid)
        {
            listed.Should().BeFalse($"'{caseId}' is listed in {DocumentPath} but the engines now agree; remove the row");
            return;
        }

        listed.Should().BeTrue(
            $"the engines disagree on '{caseId}': list it in {DocumentPath} with the spec rule that decides who is right{Environment.NewLine}{kernel}{Environment.NewLine}{firely}");
        row!.Kernel.Should().Be(Word(kernel), $"the {DocumentPath} row for '{caseId}' must say what the kernel says");
        row.Firely.Should().Be(Word(firely), $"the {DocumentPath} row for '{caseId}' must say what Firely says");
        row.Right.Should().BeOneOf(["kernel", "Firely"], $"the {DocumentPath} row for '{caseId}' must say which engine is right");
        row.Rule.Should().Contain("http", $"the {DocumentPath} row for '{caseId}' must cite the spec rule");
    }

    private static string Word(EngineVerdict verdict) => verdict.IsValid ? "valid" : "error";

    private static Dictionary<string, Row> Load()
    {
        var root = FhirPackageLocator.FindCheckoutRoot() ?? throw new InvalidOperationException("The checkout (FhirFacade.sln) was not found.");
        var rows = new Dictionary<string, Row>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(root, DocumentPath)))
        {
            var cells = line.Split('|', StringSplitOptions.TrimEntries);
            // | case | kernel | Firely | right | rule |  → ["", case, kernel, Firely, right, rule, ""]
            if (cells.Length != 7 || cells[0].Length != 0 || !cells[1].StartsWith('`'))
            {
                continue;
            }

            var id = cells[1].Trim('`');
            rows.Add(id, new Row(id, cells[2], cells[3], cells[4], cells[5]));
        }

        return rows;
    }

    internal sealed record Row(string Case, string Kernel, string Firely, string Right, string Rule);
}
