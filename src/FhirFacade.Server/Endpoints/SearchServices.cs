using FhirFacade.Core.Gateway;
using FhirFacade.Core.Identity;
using FhirFacade.Core.Paging;
using FhirFacade.Core.Suppliers;
using FhirFacade.Server.Bundles;
using FhirFacade.Server.Hosting;
using FhirFacade.Server.Http;
using FhirFacade.Server.Security;

namespace FhirFacade.Server.Endpoints;

/// <summary>The services a search handler uses, injected by the endpoint's parameter binding (<c>[AsParameters]</c>).</summary>
internal sealed record SearchServices(
    SupplierAdapterRegistry Adapters,
    PageTokenCodec PageTokens,
    ResourceIdCodec Ids,
    FhirGateway Gateway,
    ResourceVersions Versions,
    BaseUrl BaseUrl,
    SearchBundleBuilder Bundles,
    FhirResponseWriter Writer,
    RequestContexts Contexts);
