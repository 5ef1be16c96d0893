namespace FhirFacade.Suppliers.Vision.Mapping;

/// <summary>PRB (+NTE) → UK Core Condition (problem-list-item), Read v2 coded with its SNOMED CT translation.</summary>
internal static class VisionConditionMapper
{
    private const string What = "problem";

    public static Condition? Map(VisionProblem problem, VisionMappingContext context)
    {
        if (problem.Id.Length == 0)
        {
            context.Unmappable(What, null, "no id");
            return null;
        }

        var clinicalStatus = UkCoreMapping.ProblemClinicalStatus(problem.Status, "A", "I", "R");
        if (clinicalStatus is null)
        {
            context.Unmappable(What, problem.Id, "unknown status");
            return null;
        }

        var code = VisionCodings.FromReadV2(problem.Code, What, problem.Id, context);
        if (code is null)
        {
            context.Unmappable(What, problem.Id, "no code or term");
            return null;
        }

        var condition = UkCoreMapping.ProblemListItem(context, context.ItemNativeId(problem.Id), clinicalStatus, code, problem.Note);
        condition.Onset = FhirDate(context.DateOrDegraded(problem.Onset, VisionDates.Partial, What, problem.Id, "onset"));
        condition.Abatement = FhirDate(context.DateOrDegraded(problem.End, VisionDates.Partial, What, problem.Id, "end"));
        condition.RecordedDate = VisionDates.Full(problem.Recorded);
        return condition;
    }

    private static FhirDateTime? FhirDate(string? date) => date is null ? null : new FhirDateTime(date);
}
