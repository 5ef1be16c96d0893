using FhirFacade.Core.Suppliers;

namespace FhirFacade.Core.Location;

/// <summary>An organisation holding a record for a patient, with the adapter that reaches it and the patient as that system knows them.</summary>
public sealed record RecordHolder(OrganisationEndpoint Organisation, ISupplierAdapter Adapter, PatientSelector Patient);
