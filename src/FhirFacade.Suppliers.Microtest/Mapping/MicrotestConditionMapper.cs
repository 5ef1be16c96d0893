namespace FhirFacade.Suppliers.Microtest.Mapping;

/// <summary>Evolution <c>problem</c> → UK Core Condition (problem-list-item), Read v2 coded with its SNOMED CT translation.</summary>
internal static class MicrotestConditionMapper
{
    private const string What = "problem";

    public static Condition? Map(MicrotestProblem problem, MicrotestMappingContext context)
    {
        if (string.IsNullOrEmpty(problem.Id))
        {
            context.Unmappable(What, problem.Id, "no id");
            return null;
        }

        var clinicalStatus = UkCoreMapping.ProblemClinicalStatus(problem.Status, "active", "inactive", "resolved");
        if (clinicalStatus is null)
        {
            context.Unmappable(What, problem.Id, "unknown status");
            return null;
        }

        var code = MicrotestCodings.FromReadV2(problem.ReadCode, problem.Term, What, problem.Id, context);
        if (code is null)
        {
            context.Unmappable(What, problem.Id, "no code or term");
            return null;
        }

        var condition = UkCoreMapping.ProblemListItem(context, context.ItemNativeId(problem.Id), clinicalStatus, code, problem.Notes);
        condition.Onset = context.DateOrDegraded(problem.Onset, MicrotestDates.Partial, What, problem.Id, "onset") is { } onset ? new FhirDateTime(onset) : null;
        condition.Abatement = context.DateOrDegraded(problem.End, MicrotestDates.Partial, What, problem.Id, "end") is { } end ? new FhirDateTime(end) : null;
        condition.RecordedDate = MicrotestDates.Full(problem.Recorded);
        condition.Recorder = MicrotestMappingContext.PractitionerReference(problem.RecordedBy);
        return condition;
    }
}
