namespace FhirFacade.Core.Search;

/// <summary>Names of search and result parameters the facade knows.</summary>
public static class SearchParameterNames
{
    public const string Id = "_id";
    public const string Identifier = "identifier";
    public const string Family = "family";
    public const string Given = "given";
    public const string Birthdate = "birthdate";
    public const string Gender = "gender";
    public const string Patient = "patient";
    public const string PatientIdentifierChain = "patient.identifier";
    public const string ClinicalStatus = "clinical-status";
    public const string VerificationStatus = "verification-status";
    public const string Date = "date";
    public const string Status = "status";
    public const string Effective = "effective";
    public const string Category = "category";
    public const string OnsetDate = "onset-date";
    public const string Code = "code";

    public const string Count = "_count";
    public const string Summary = "_summary";
    public const string Elements = "_elements";
    public const string Include = "_include";

    /// <summary>Handled by the HTTP layer (format negotiation and paging), never by the search model.</summary>
    public const string Format = "_format";
    public const string Pretty = "_pretty";
    public const string Page = "_page";
}
