using FhirFacade.Fhir.Model;
using FhirFacade.Fhir.Validation;
using FhirFacade.Server.Http;

namespace FhirFacade.Server.Endpoints;

/// <summary>The services the <c>$validate</c> handler uses, injected by the endpoint's parameter binding (<c>[AsParameters]</c>), not pulled from <c>RequestServices</c>.</summary>
internal sealed record ValidateServices(IFhirModel Model, FhirKernel Kernel, FhirValidator Validator, FhirResponseWriter Writer);
