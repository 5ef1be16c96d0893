using FhirFacade.Core.Location;
using FhirFacade.Core.Sharing;
using FhirFacade.Server.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace FhirFacade.Server.IntegrationTests.Security;

/// <summary>
/// The facade with configured sharing rules (docs/sharing.md) over the real simulators:
/// Moorland (B82005, TPP) shares nothing; Riverside (A81001, EMIS) shares only demographics and
/// medications; Hillview (A81002, EMIS) shares only with Y90001, the development clients' organisation.
/// Castle Street (B82010) and Northshire (RY801) keep the defaults: their refusals come from SystmOne itself.
/// Record locations are cached for ten minutes, so a fault applied after a first request
/// fails any later supplier call for that patient — and so proves when the facade did not call.
/// </summary>
public sealed class SharingFacadeServerFactory : FacadeServerFactory
{
    public const string SharesNothing = "B82005";
    public const string SomeAreas = "A81001";
    public const string ListedRequestersOnly = "A81002";
    public const string ListedRequester = "Y90001";

    protected override Dictionary<string, string?> Settings => new()
    {
        ["Facade:Gateway:LocationCacheTtl"] = "00:10:00",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.PostConfigure<OrganisationDirectoryOptions>(options =>
        {
            Sharing(options, SharesNothing).Enabled = false;
            Sharing(options, SomeAreas).Areas = [RecordAreas.Demographics, RecordAreas.Medications];
            Sharing(options, ListedRequestersOnly).RequestingOrganisations = [ListedRequester];
        }));
    }

    private static OrganisationSharingOptions Sharing(OrganisationDirectoryOptions options, string odsCode) =>
        options.Organisations.Single(o => o.OdsCode == odsCode).Sharing;
}
