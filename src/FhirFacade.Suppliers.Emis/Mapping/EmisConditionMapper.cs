namespace FhirFacade.Suppliers.Emis.Mapping;

/// <summary>EMIS <c>Problem</c> → UK Core Condition (problem-list-item).</summary>
internal static class EmisConditionMapper
{
    public static Condition? Map(EmisProblem problem, EmisMappingContext context)
    {
        var code = EmisCodings.ToConcept(problem.Code, context, "problem", problem.Id);
        if (code is null || problem.Id.Length == 0)
        {
            context.Unmappable("problem", "no code or id", problem.Id);
            return null;
        }

        var clinicalStatus = UkCoreMapping.ProblemClinicalStatus(problem.Status, "active", "past", "resolved");
        if (clinicalStatus is null)
        {
            context.Unmappable("problem", "unknown status", problem.Id);
            return null;
        }

        var condition = UkCoreMapping.ProblemListItem(context, context.EventNativeId(problem.Id), clinicalStatus, code, problem.Note);
        condition.Onset = problem.Onset is null ? null : new FhirDateTime(problem.Onset.Text);
        condition.Abatement = problem.End is null ? null : new FhirDateTime(problem.End.Text);
        condition.RecordedDate = problem.RecordedDate;
        condition.Recorder = context.PractitionerReference(problem.RecordedBy);
        return condition;
    }

}
