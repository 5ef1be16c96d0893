using FhirFacade.Core.Suppliers;
using FhirFacade.Core.Terminology;
using FhirFacade.Fhir.Model;
using FhirFacade.TestKit.Fhir;
using FhirFacade.TestKit.Server;
using FhirFacade.TestKit.Suppliers.Quill;
using FluentAssertions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FhirFacade.Suppliers.Tpp.Tests;

/// <summary>
/// Terminology maps are keyed by supplier id: a second supplier that registers its own <see cref="SnomedConceptMap"/>
/// (Quill, the test-only supplier) neither replaces TPP's CTV3 map nor is replaced by it, whichever registers last.
/// </summary>
[Trait("Category", "Unit")]
public sealed class TppServiceCollectionExtensionsTests
{
    /// <summary>CTV3 asthma, which TPP's map translates.</summary>
    private const string Ctv3Asthma = "H33..";

    public static TheoryData<bool> TppFirst => new() { true, false };

    [Theory]
    [MemberData(nameof(TppFirst))]
    public void AddTppSupplier_BesideAnotherSupplierWithItsOwnMap_EachSupplierGetsItsOwnMap(bool tppFirst)
    {
        var configuration = new ConfigurationBuilder().Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IFhirModel>(TestFhir.Model)
            .AddSingleton(TestResourceIds.Codec);
        if (tppFirst)
        {
            services.AddTppSupplier(configuration).AddQuillSupplier(new QuillStore());
        }
        else
        {
            services.AddQuillSupplier(new QuillStore()).AddTppSupplier(configuration);
        }

        using var provider = services.BuildServiceProvider();

        var tppMap = provider.GetRequiredKeyedService<SnomedConceptMap>(TppCodeSystems.SupplierId);
        var quillMap = provider.GetRequiredKeyedService<SnomedConceptMap>(QuillSupplierAdapter.SupplierKey);
        tppMap.Should().NotBeSameAs(quillMap);
        tppMap.Translate(Ctv3Asthma).Should().NotBeNull("TPP's map is the CTV3 map");
        tppMap.Translate("QL-ASTH").Should().BeNull();
        quillMap.Translate("QL-ASTH").Should().NotBeNull("Quill's map is Quill's");
        quillMap.Translate(Ctv3Asthma).Should().BeNull();
        provider.GetServices<ISupplierAdapter>().Select(a => a.SupplierId).Should().BeEquivalentTo([TppCodeSystems.SupplierId, QuillSupplierAdapter.SupplierKey]);
    }
}
