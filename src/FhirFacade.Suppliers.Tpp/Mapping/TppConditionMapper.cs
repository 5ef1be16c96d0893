namespace FhirFacade.Suppliers.Tpp.Mapping;

/// <summary>A TPP problem row → UK Core Condition (problem-list-item), CTV3 coded with its SNOMED CT map.</summary>
internal static class TppConditionMapper
{
    public static Condition? Map(TppProblem problem, TppMappingContext context)
    {
        if (problem.RowId is not { } rowId)
        {
            context.Unmappable("problem", "no row id");
            return null;
        }

        var clinicalStatus = UkCoreMapping.ProblemClinicalStatus(problem.Status, "Active", "Past", "Resolved");
        if (clinicalStatus is null)
        {
            context.Unmappable("problem", "unknown status", rowId);
            return null;
        }

        var code = TppCodings.FromCtv3(problem.Ctv3, problem.Snomed, context, "problem", rowId);
        if (code is null)
        {
            context.Unmappable("problem", "no code or term", rowId);
            return null;
        }

        var onset = TppCodings.PartialDate(problem.Onset, "problem onset date", context);
        var end = TppCodings.PartialDate(problem.End, "problem end date", context);
        var condition = UkCoreMapping.ProblemListItem(context, context.RowNativeId(rowId), clinicalStatus, code, problem.Notes);
        condition.Onset = onset is null ? null : new FhirDateTime(onset);
        condition.Abatement = end is null ? null : new FhirDateTime(end);
        condition.RecordedDate = TppCodings.FullDate(problem.RecordedDate, "problem recorded date", context);
        condition.Recorder = context.PractitionerReference(problem.RecordedByStaffRowId);
        return condition;
    }

}
