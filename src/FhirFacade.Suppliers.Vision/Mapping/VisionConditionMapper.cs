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

        var clinicalStatus = problem.Status switch
        {
            "A" => "active",
            "I" => "inactive",
            "R" => "resolved",
            _ => null,
        };
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
        condition.Onset = Date(problem.Onset, "onset", problem.Id, context);
        condition.Abatement = Date(problem.End, "end", problem.Id, context);
        condition.RecordedDate = VisionDates.Full(problem.Recorded);
        return condition;
    }

    private static FhirDateTime? Date(string text, string field, string itemId, VisionMappingContext context)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (VisionDates.Partial(text) is { } date)
        {
            return new FhirDateTime(date);
        }

        context.Degraded(What, itemId, $"its {field} date is not a valid date and was left out");
        return null;
    }

}
