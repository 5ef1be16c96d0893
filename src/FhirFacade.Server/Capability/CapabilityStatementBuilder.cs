using FhirFacade.Core.Search;
using FhirFacade.Core.Suppliers;
using FhirFacade.Fhir.Conformance;
using FhirFacade.Fhir.Resources;
using FhirFacade.Server.Auditing;
using FhirFacade.Server.Endpoints;
using FhirFacade.Server.Http;

namespace FhirFacade.Server.Capability;

/// <summary>
/// Generates the CapabilityStatement from what is registered: the resource types some adapter serves,
/// read for all, search-type for those searchable, their search parameters with definitions (and the
/// <c>patient.identifier</c> chain), the UK Core profiles as <c>supportedProfile</c>, AuditEvent's search,
/// <c>$validate</c>, the Patient compartment, and the formats (<see href="https://hl7.org/fhir/R4/capabilitystatement.html"/>).
/// </summary>
public sealed class CapabilityStatementBuilder(SupplierAdapterRegistry adapters, TimeProvider timeProvider, CrossOriginPolicy crossOrigin)
{
    /// <summary>
    /// The versioning every served clinical type declares: each resource carries <c>meta.versionId</c> (and a read its
    /// <c>ETag</c>), and a given id and versionId always stand for the same content
    /// (docs/adr/0014-http-versions-and-conditional-reads.md); there is no vread or history.
    /// </summary>
    public const string Versioned = "versioned";

    private readonly string _date = FhirDates.DateTime(timeProvider.GetUtcNow());

    /// <summary>Builds the statement for a base URL, advertising the SMART authorize and token endpoints in <c>rest.security</c>.</summary>
    public CapabilityStatement Build(string baseUrl, string authorizeUrl, string tokenUrl)
    {
        var rest = new CapabilityStatement.RestComponent
        {
            Mode = "server",
            Documentation = "Read-only FHIR R4 facade over GP clinical systems: every read is delegated live to the supplier holding the record and mapped to UK Core STU2 2.0.2. Writes answer 405.",
            Security = CapabilitySecurity.Component(authorizeUrl, tokenUrl, crossOrigin.Enabled),
        };
        foreach (var type in adapters.ResourceTypes())
        {
            rest.Resource.Add(Resource(type));
        }

        rest.Resource.Add(AuditEventResource());

        // Patient/{id}/{type}: the clinical types' search (and Patient's own) confined to one patient.
        rest.Compartment.Add(PatientCompartment.Definition);

        rest.Operation.Add(ValidateOperation());

        return new CapabilityStatement
        {
            Url = baseUrl + "/metadata",
            Name = "FhirFacadeCapabilityStatement",
            Title = "FhirFacade GP record facade",
            Status = "active",
            Experimental = false,
            Date = _date,
            Publisher = "FhirFacade",
            Description = "The interactions, resource types, search parameters and UK Core profiles this facade supports.",
            Kind = "instance",
            Software = new CapabilityStatement.SoftwareComponent { Name = "FhirFacade" },
            Implementation = new CapabilityStatement.ImplementationComponent { Description = "FhirFacade", Url = baseUrl },
            FhirVersion = "4.0.1",
            Format = ["application/fhir+json", "application/fhir+xml", "json", "xml"],
            Rest = [rest],
        };
    }

    // $validate checks a caller's resource against R4 core and UK Core; any resource type, not only those served.
    private static CapabilityStatement.OperationComponent ValidateOperation() => new()
    {
        Name = ValidateEndpoints.OperationName,
        Definition = ValidateEndpoints.OperationDefinition,
        Documentation = "Validates a resource (or a Parameters with resource, profile and mode create|update) against its type, its meta.profile and an optional profile; answers an OperationOutcome.",
    };

    // Patient/$everything: the whole record, every holder, as a paged searchset (docs/api.md).
    private static CapabilityStatement.OperationComponent EverythingOperation() => new()
    {
        Name = EverythingEndpoints.OperationName,
        Definition = EverythingEndpoints.OperationDefinition,
        Documentation = "The patient's whole record from every organisation holding it (Patient, AllergyIntolerance, Condition, MedicationStatement and their Medications) as one paged searchset with an OperationOutcome entry; Patient/{id}/$everything, or Patient/$everything?identifier=https://fhir.nhs.uk/Id/nhs-number|{nhs}. Parameters: _type, _since (the date the practice recorded an entry), _count, _summary, _elements.",
    };

    private CapabilityStatement.ResourceComponent Resource(string type)
    {
        var searchable = adapters.Serves(type, search: true);
        var component = new CapabilityStatement.ResourceComponent
        {
            Type = type,
            Profile = "http://hl7.org/fhir/StructureDefinition/" + type,
            Versioning = Versioned,
            ReadHistory = false,
        };
        if (UkCoreProfiles.ByResourceType.TryGetValue(type, out var profile))
        {
            component.SupportedProfile.Add(profile);
        }

        component.Interaction.Add(new CapabilityStatement.ResourceInteractionComponent { Code = "read" });
        component.Operation.Add(ValidateOperation());
        if (type == FhirResourceTypes.Patient)
        {
            component.Operation.Add(EverythingOperation());
        }

        if (!searchable)
        {
            return component;
        }

        component.Interaction.Add(new CapabilityStatement.ResourceInteractionComponent { Code = "search-type" });
        if (type == FhirResourceTypes.MedicationStatement)
        {
            component.SearchInclude.Add(FhirResourceTypes.MedicationStatementMedicationInclude);
        }

        foreach (var parameter in SearchParameterCatalog.For(type).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            component.SearchParam.Add(new CapabilityStatement.SearchParamComponent
            {
                Name = parameter.Name,
                Definition = parameter.Definition,
                Type = parameter.Type.ToString().ToLowerInvariant(),
                Documentation = parameter.Documentation,
            });
            if (parameter.Name == SearchParameterNames.Patient && parameter.Type == SearchParameterType.Reference)
            {
                component.SearchParam.Add(PatientIdentifierChain(parameter.Definition));
            }
        }

        return component;
    }

    /// <summary>
    /// The one chain served, <c>patient.identifier</c>, declared as a search parameter of its own name beside
    /// <c>patient</c>: R4's CapabilityStatement has no element for chains (the SearchParameter's <c>chain</c> says
    /// which are allowed, and core <c>clinical-patient</c> allows any), and a client reading the statement should find
    /// the one way it can name a patient by NHS number.
    /// </summary>
    private static CapabilityStatement.SearchParamComponent PatientIdentifierChain(string? definition) => new()
    {
        Name = SearchParameterNames.PatientIdentifierChain,
        Definition = definition,
        Type = "reference",
        Documentation = "Chain on patient: the patient's NHS number, as patient.identifier=" + UkCoreSystems.NhsNumber + "|{nhs}. The only chain served.",
    };

    // The audit trail: searchable by auditors (an explicit user/ or system/AuditEvent.rs scope), never read by id.
    private static CapabilityStatement.ResourceComponent AuditEventResource()
    {
        var component = new CapabilityStatement.ResourceComponent
        {
            Type = AuditEventEndpoints.ResourceType,
            Profile = "http://hl7.org/fhir/StructureDefinition/" + AuditEventEndpoints.ResourceType,
            Versioning = "no-version",
            ReadHistory = false,
            Documentation = "The facade's audit trail, one AuditEvent per request, newest first; searchable only with an explicit user/AuditEvent.rs or system/AuditEvent.rs scope (a wildcard scope does not grant it). Paged with next and previous links; Bundle.total counts every match.",
        };
        component.Interaction.Add(new CapabilityStatement.ResourceInteractionComponent { Code = "search-type" });
        component.Operation.Add(ValidateOperation());
        foreach (var parameter in AuditEventEndpoints.SearchParameters)
        {
            component.SearchParam.Add(new CapabilityStatement.SearchParamComponent
            {
                Name = parameter.Name,
                Definition = parameter.Definition,
                Type = parameter.Type,
                Documentation = parameter.Documentation,
            });
        }

        return component;
    }
}
