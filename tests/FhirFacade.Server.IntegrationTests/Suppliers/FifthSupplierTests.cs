using System.Net;
using FhirFacade.Core.Location;
using FhirFacade.Core.Suppliers;
using FhirFacade.Server.IntegrationTests.Infrastructure;
using FhirFacade.TestKit.Server;
using FhirFacade.TestKit.Suppliers.Quill;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using T = FhirFacade.Core.Search.FhirResourceTypes;

namespace FhirFacade.Server.IntegrationTests.Suppliers;

/// <summary>
/// A fifth supplier plugs in with one registration and one directory entry (docs/adding-a-supplier.md): Quill, the
/// test-only supplier, added to the facade beside the four real ones, is located, read and searched through the
/// facade like them.
/// </summary>
[Trait("Category", "Integration")]
public sealed class FifthSupplierTests(FifthSupplierTests.QuillFacadeServerFactory factory) : IClassFixture<FifthSupplierTests.QuillFacadeServerFactory>
{
    [Fact]
    public async Task Read_PatientHeldByTheFifthSupplier_ReturnsItsMappedPatient()
    {
        var id = TestResourceIds.Encode(T.Patient, QuillSupplierAdapter.SupplierKey, QuillStore.PracticeOds, QuillDemoRecords.Asked);

        var read = await factory.CreateClient().FhirGetAsync("/fhir/Patient/" + id);

        read.Status.Should().Be(HttpStatusCode.OK);
        read.Body!["id"]!.GetValue<string>().Should().Be(id);
        read.Body["identifier"]![0]!["value"]!.GetValue<string>().Should().Be(QuillDemoRecords.Asked);
        read.Body["name"]![0]!["family"]!.GetValue<string>().Should().Be("Ashworth");
        read.Body["meta"]!["source"]!.GetValue<string>().Should().Be(ResourceSource.For(QuillSupplierAdapter.SupplierKey, QuillStore.PracticeOds));
        read.Header("ETag").Should().Be("W/\"7\"", "the record's native version is the resource's version");
    }

    [Fact]
    public async Task Search_ConditionsOfAPatientTheFifthSupplierHolds_IncludeItsConditionsBesideTheOtherSuppliers()
    {
        var search = await factory.CreateClient().FhirGetAsync("/fhir/Condition?patient.identifier=" + FhirHttp.Nhs + QuillDemoRecords.Asked);

        search.Status.Should().Be(HttpStatusCode.OK);
        var fromQuill = search.Entries().Where(e => e["meta"]!["source"]!.GetValue<string>() == ResourceSource.For(QuillSupplierAdapter.SupplierKey, QuillStore.PracticeOds)).ToList();
        fromQuill.Select(c => c["code"]!["text"]!.GetValue<string>()).Should().BeEquivalentTo(["Asthma", "Essential hypertension"]);
    }

    /// <summary>The facade with Quill registered (the one call a host makes) and one Quill practice in its directory.</summary>
    public sealed class QuillFacadeServerFactory : FacadeServerFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services
                .AddQuillSupplier(new QuillStore())
                .PostConfigure<OrganisationDirectoryOptions>(options => options.Organisations.Add(new OrganisationEndpoint
                {
                    OdsCode = QuillStore.PracticeOds,
                    Name = "Quill Test Surgery",
                    Supplier = QuillSupplierAdapter.SupplierKey,
                    Endpoint = new Uri("http://127.0.0.1/quill"),
                })));
        }
    }
}
