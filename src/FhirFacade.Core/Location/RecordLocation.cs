using FhirFacade.Fhir.Issues;

namespace FhirFacade.Core.Location;

/// <summary>The holders found for a patient, plus issues for organisations that could not be asked.</summary>
public sealed record RecordLocation(IReadOnlyList<RecordHolder> Holders, IReadOnlyList<Issue> Issues, IReadOnlyList<SupplierFailure> Failures);
