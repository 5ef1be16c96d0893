using System.Globalization;
using System.Text;
using System.Xml;
using FhirFacade.Cli.TestScripts.Execution;

namespace FhirFacade.Cli.TestScripts.Reporting;

/// <summary>
/// JUnit XML for CI: one <c>testsuite</c> per script, one <c>testcase</c> per test (and for setup and
/// teardown when they have actions); a failed assert is a <c>failure</c>, an action the runner could not
/// process an <c>error</c>, a skipped test or an expected failure <c>skipped</c> with the reason.
/// </summary>
internal static class JUnitReportWriter
{
    public static void Write(IReadOnlyList<ScriptResult> results, Stream stream)
    {
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) };
        using var writer = XmlWriter.Create(stream, settings);
        writer.WriteStartDocument();
        writer.WriteStartElement("testsuites");
        foreach (var result in results)
        {
            var cases = Cases(result).ToList();
            writer.WriteStartElement("testsuite");
            writer.WriteAttributeString("name", result.Script.Id);
            writer.WriteAttributeString("tests", Count(cases.Count));
            writer.WriteAttributeString("failures", Count(cases.Count(c => c.Outcome == ActionOutcome.Fail && c.ExpectedFailureReason is null)));
            writer.WriteAttributeString("errors", Count(cases.Count(c => c.Outcome == ActionOutcome.Error && c.ExpectedFailureReason is null)));
            writer.WriteAttributeString("skipped", Count(cases.Count(c => c.Outcome == ActionOutcome.Skip || (c.ExpectedFailureReason is not null && c.Outcome is ActionOutcome.Fail or ActionOutcome.Error))));
            writer.WriteAttributeString("timestamp", result.Issued.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture));
            foreach (var test in cases)
            {
                writer.WriteStartElement("testcase");
                writer.WriteAttributeString("classname", result.Script.Id);
                writer.WriteAttributeString("name", test.Key == test.Name ? test.Name : $"{test.Key} {test.Name}");
                var problems = test.Actions.Where(a => a.Outcome is ActionOutcome.Fail or ActionOutcome.Error).ToList();
                var details = string.Join(Environment.NewLine, test.Actions.Select(a => $"{TestReportWriter.Code(a.Outcome)}: {a.Title}: {a.Message}"));
                if (test.ExpectedFailureReason is not null && problems.Count > 0)
                {
                    writer.WriteStartElement("skipped");
                    writer.WriteAttributeString("message", $"expected failure: {test.ExpectedFailureReason}");
                    writer.WriteEndElement();
                }
                else if (test.ExpectedFailureReason is not null)
                {
                    writer.WriteStartElement("failure");
                    writer.WriteAttributeString("message", $"listed as an expected failure ({test.ExpectedFailureReason}) but passed: take it off the list");
                    writer.WriteString(details);
                    writer.WriteEndElement();
                }
                else if (problems.Count > 0)
                {
                    writer.WriteStartElement(problems.Any(p => p.Outcome == ActionOutcome.Fail) ? "failure" : "error");
                    writer.WriteAttributeString("message", $"{problems[0].Title}: {problems[0].Message}");
                    writer.WriteString(details);
                    writer.WriteEndElement();
                }
                else if (test.Outcome == ActionOutcome.Skip)
                {
                    writer.WriteStartElement("skipped");
                    writer.WriteAttributeString("message", test.Actions.First(a => a.Outcome == ActionOutcome.Skip).Message);
                    writer.WriteEndElement();
                }

                writer.WriteElementString("system-out", details);
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        writer.WriteEndDocument();
    }

    /// <summary>The test cases of a script: setup and teardown (when they have actions) around the tests.</summary>
    public static IEnumerable<TestResult> Cases(ScriptResult result)
    {
        if (result.Setup.Count > 0)
        {
            yield return SetupCase(result);
        }

        foreach (var test in result.Tests)
        {
            yield return test;
        }

        if (result.Teardown.Count > 0)
        {
            yield return new TestResult("teardown", "teardown", null, result.Teardown);
        }
    }

    public static TestResult SetupCase(ScriptResult result) => new("setup", "setup", null, result.Setup) { ExpectedFailureReason = result.SetupExpectedFailureReason };

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
