using FhirFacade.Core.Suppliers;
using FhirFacade.Simulators.Hosting;
using FhirFacade.TestKit.Suppliers;

namespace FhirFacade.Suppliers.Tpp.Tests;

/// <summary>The adapter contract (<see cref="SupplierAdapterContractTests"/>) for TPP SystmOne, over the real TPP simulator at B82005.</summary>
[Trait("Category", "Integration")]
public sealed class TppSupplierAdapterContractTests(TppSimulatorFixture fixture) : SupplierAdapterContractTests, IClassFixture<TppSimulatorFixture>
{
    protected override ISupplierAdapter Adapter => fixture.Adapter;

    protected override ISupplierSimulator Simulator => fixture.Simulator;

    protected override OrganisationEndpoint Organisation => fixture.Moorland;

    protected override string Asked => "9990000026";

    /// <summary>Benjamin Hartley: migraine and influenza, whose CTV3 codes (and EMIS's local migraine code) have no SNOMED CT map.</summary>
    protected override string WithUnmappedCode => "9990000026";

    /// <summary>Eleanor Whitfield: at TPP, held by the community service RY801 only.</summary>
    protected override string HeldElsewhere => "9990000050";
}
