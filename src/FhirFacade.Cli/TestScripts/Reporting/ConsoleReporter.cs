using System.Globalization;
using FhirFacade.Cli.TestScripts.Definitions;
using FhirFacade.Cli.TestScripts.Execution;

namespace FhirFacade.Cli.TestScripts.Reporting;

/// <summary>
/// The console side of a run: a heading per script, a progress line per test as it finishes (with the
/// messages of what failed, warned or was skipped), and a summary of tests and asserts at the end.
/// </summary>
internal sealed class ConsoleReporter(TextWriter output)
{
    public void ScriptStarted(ScriptDefinition script) =>
        output.WriteLine($"{script.Name} ({Path.GetFileName(script.SourceFile)})");

    public void TestFinished(TestResult test, CaseVerdict verdict)
    {
        var asserts = test.Actions.Where(a => !a.IsOperation).ToList();
        var passed = asserts.Count(a => a.Outcome is ActionOutcome.Pass or ActionOutcome.Warning);
        var reason = verdict is CaseVerdict.ExpectedFailure or CaseVerdict.UnexpectedPass ? $" — expected failure: {test.ExpectedFailureReason}" : string.Empty;
        output.WriteLine($"  {CaseVerdicts.Label(verdict)} {test.Name} ({passed}/{asserts.Count} asserts){reason}");
        foreach (var action in test.Actions.Where(a => a.Outcome is not ActionOutcome.Pass))
        {
            output.WriteLine($"         {TestReportWriter.Code(action.Outcome)}: {action.Title}: {action.Message}");
        }
    }

    public void Summary(IReadOnlyList<ScriptResult> results, IReadOnlyList<(TestResult Test, CaseVerdict Verdict)> cases, IReadOnlyList<string> staleExpectations)
    {
        foreach (var stale in staleExpectations)
        {
            output.WriteLine($"warning: expected-failures entry '{stale}' matches no test that ran");
        }

        var actions = results.SelectMany(r => r.AllActions).Where(a => !a.IsOperation).ToList();
        output.WriteLine();
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{results.Count} scripts, {cases.Count} tests: {Count(cases, CaseVerdict.Passed) + Count(cases, CaseVerdict.Warned)} passed, {Count(cases, CaseVerdict.Failed)} failed, {Count(cases, CaseVerdict.Erred)} errors, {Count(cases, CaseVerdict.Skipped)} skipped, {Count(cases, CaseVerdict.ExpectedFailure)} expected failures, {Count(cases, CaseVerdict.UnexpectedPass)} unexpected passes"));
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"asserts: {actions.Count(a => a.Outcome == ActionOutcome.Pass)} passed, {actions.Count(a => a.Outcome == ActionOutcome.Fail)} failed, {actions.Count(a => a.Outcome == ActionOutcome.Warning)} warnings, {actions.Count(a => a.Outcome == ActionOutcome.Skip)} skipped, {actions.Count(a => a.Outcome == ActionOutcome.Error)} errors"));
    }

    private static int Count(IReadOnlyList<(TestResult Test, CaseVerdict Verdict)> cases, CaseVerdict verdict) => cases.Count(c => c.Verdict == verdict);
}
