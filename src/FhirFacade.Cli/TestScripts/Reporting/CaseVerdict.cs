using FhirFacade.Cli.TestScripts.Execution;

namespace FhirFacade.Cli.TestScripts.Reporting;

/// <summary>How one test case counts for the run, once the expected-failures list is applied.</summary>
internal enum CaseVerdict
{
    Passed,
    Warned,
    Skipped,
    Failed,
    Erred,

    /// <summary>Failed, and listed as an expected failure: does not fail the run.</summary>
    ExpectedFailure,

    /// <summary>Listed as an expected failure but passed: fails the run, so that the list stays true.</summary>
    UnexpectedPass,
}

/// <summary>Decides <see cref="CaseVerdict"/>s.</summary>
internal static class CaseVerdicts
{
    public static CaseVerdict Of(TestResult test)
    {
        var outcome = test.Outcome;
        var bad = outcome is ActionOutcome.Fail or ActionOutcome.Error;
        if (test.ExpectedFailureReason is not null)
        {
            return bad ? CaseVerdict.ExpectedFailure : CaseVerdict.UnexpectedPass;
        }

        return outcome switch
        {
            ActionOutcome.Fail => CaseVerdict.Failed,
            ActionOutcome.Error => CaseVerdict.Erred,
            ActionOutcome.Skip => CaseVerdict.Skipped,
            ActionOutcome.Warning => CaseVerdict.Warned,
            _ => CaseVerdict.Passed,
        };
    }

    /// <summary><see langword="true"/> when the verdict fails the run (skips only under <c>--fail-on-skip</c>).</summary>
    public static bool FailsRun(CaseVerdict verdict, bool failOnSkip) =>
        verdict is CaseVerdict.Failed or CaseVerdict.Erred or CaseVerdict.UnexpectedPass || (failOnSkip && verdict == CaseVerdict.Skipped);

    public static string Label(CaseVerdict verdict) => verdict switch
    {
        CaseVerdict.Passed => "PASS ",
        CaseVerdict.Warned => "WARN ",
        CaseVerdict.Skipped => "SKIP ",
        CaseVerdict.Failed => "FAIL ",
        CaseVerdict.Erred => "ERROR",
        CaseVerdict.ExpectedFailure => "XFAIL",
        _ => "XPASS",
    };
}
