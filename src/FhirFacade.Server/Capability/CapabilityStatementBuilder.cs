using FhirFacade.Core.Search;
using FhirFacade.Core.Suppliers;
using FhirFacade.Fhir.Conformance;
using FhirFacade.Fhir.Resources;
using FhirFacade.Server.Endpoints;
using FhirFacade.Server.Http;

namespace FhirFacade.Server.Capability;

/// <summary>
/// Generates the CapabilityStatement from what is registered: the resource types some adapter serves,
/// read for all, search-type for those searchable, their search parameters with definitions, the UK
/// Core profiles as <c>supportedProfile</c>, and the formats (<see href="https://hl7.org/fhir/R4/capabilitystatement.html"/>).
/// </summary>
public sealed class CapabilityStatementBuilder(SupplierAdapterRegistry adapters, TimeProvider timeProvider, CrossOriginPolicy crossOrigin)
{
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

    private CapabilityStatement.ResourceComponent Resource(string type)
    {
        var searchable = adapters.Serves(type, search: true);
        var component = new CapabilityStatement.ResourceComponent
        {
            Type = type,
            Profile = "http://hl7.org/fhir/StructureDefinition/" + type,
            Versioning = "versioned",
            ReadHistory = false,
        };
        if (UkCoreProfiles.ByResourceType.TryGetValue(type, out var profile))
        {
            component.SupportedProfile.Add(profile);
        }

        component.Interaction.Add(new CapabilityStatement.ResourceInteractionComponent { Code = "read" });
        component.Operation.Add(ValidateOperation());
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
        }

        return component;
    }
}
