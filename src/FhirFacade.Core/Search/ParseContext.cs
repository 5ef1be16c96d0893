using System.Diagnostics.CodeAnalysis;
using FhirFacade.Core.Errors;
using FhirFacade.Core.Identity;
using FhirFacade.Fhir.Issues;

namespace FhirFacade.Core.Search;

/// <summary>The state of one <see cref="SearchRequestParser.Parse"/> call.</summary>
internal sealed class ParseContext(string resourceType, ResourceIdCodec? ids = null)
{
    public string ResourceType { get; } = resourceType;

    /// <summary>Decodes a facade Patient id the search names; <see langword="false"/> for one the facade did not issue.</summary>
    public bool TryDecodePatientId(string text, [NotNullWhen(true)] out FacadeResourceId? id)
    {
        id = null;
        return ids is not null && ids.TryDecode(FhirResourceTypes.Patient, text, out id);
    }

    /// <summary>Decodes a facade id of the searched type; <see langword="false"/> for one the facade did not issue for it.</summary>
    public bool TryDecodeId(string text) => ids is not null && ids.TryDecode(ResourceType, text, out _);

    public List<SearchCriterion> Criteria { get; } = [];

    public List<string> Unknown { get; } = [];

    public List<string> Elements { get; } = [];

    public List<string> Includes { get; } = [];

    public List<Issue> Information { get; } = [];

    public List<Issue> BadRequestIssues { get; } = [];

    public List<Issue> UnprocessableIssues { get; } = [];

    public PatientReferenceValue? Patient { get; private set; }

    /// <summary>Set when the search names an id the facade never issued: valid, but nothing can match.</summary>
    public bool NotFoundId { get; set; }

    /// <summary>
    /// Set when an <c>_id</c> criterion names no id the facade issued for the searched type: nothing can match, but
    /// unlike <see cref="NotFoundId"/> it does not stand in for the patient a clinical search must name.
    /// </summary>
    public bool IdMatchesNothing { get; set; }

    public int Count { get; set; } = SearchRequest.DefaultCount;

    public SummaryMode Summary { get; set; }

    public void SetPatient(PatientReferenceValue patient)
    {
        if (Patient is not null && Patient != patient)
        {
            BadRequest(SpineErrorCodes.InvalidParameter, IssueType.Invalid, "The search names more than one patient; name exactly one.");
            return;
        }

        Patient = patient;
    }

    public void BadRequest(string spineCode, IssueType type, string message) =>
        BadRequestIssues.Add(FacadeException.SpineIssue(spineCode, type, message));

    public void Unprocessable(string message) =>
        UnprocessableIssues.Add(FacadeException.SpineIssue(SpineErrorCodes.InvalidParameter, IssueType.NotSupported, message));
}
