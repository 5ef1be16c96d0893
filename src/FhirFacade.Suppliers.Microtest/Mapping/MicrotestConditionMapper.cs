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

        var clinicalStatus = problem.Status is "active" or "inactive" or "resolved" ? problem.Status : null;
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
        condition.Onset = Date(problem.Onset, "onset", problem.Id, context);
        condition.Abatement = Date(problem.End, "end", problem.Id, context);
        condition.RecordedDate = MicrotestDates.Full(problem.Recorded);
        condition.Recorder = MicrotestMappingContext.PractitionerReference(problem.RecordedBy);
        return condition;
    }

    private static FhirDateTime? Date(string? text, string field, string itemId, MicrotestMappingContext context)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (MicrotestDates.Partial(text) is { } date)
        {
            return new FhirDateTime(date);
        }

        context.Degraded(What, itemId, $"its {field} date is not a valid date and was left out");
        return null;
    }

}
