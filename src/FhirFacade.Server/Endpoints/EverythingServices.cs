using FhirFacade.Core.Gateway;
using FhirFacade.Core.Identity;
using FhirFacade.Core.Paging;
using FhirFacade.Fhir.Model;
using FhirFacade.Server.Hosting;
using FhirFacade.Server.Http;
using FhirFacade.Server.Security;
using FhirFacade.Server.Subsetting;

namespace FhirFacade.Server.Endpoints;

/// <summary>The services the <c>$everything</c> handler uses, injected by the endpoint's parameter binding (<c>[AsParameters]</c>).</summary>
internal sealed record EverythingServices(
    PageTokenCodec PageTokens,
    ResourceIdCodec Ids,
    FhirGateway Gateway,
    ResourceVersions Versions,
    BaseUrl BaseUrl,
    IFhirModel Model,
    ElementSubsetter Subsetter,
    FhirResponseWriter Writer,
    RequestContexts Contexts);
