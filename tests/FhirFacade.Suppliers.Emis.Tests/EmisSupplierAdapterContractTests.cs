using FhirFacade.Core.Suppliers;
using FhirFacade.Simulators.Hosting;
using FhirFacade.TestKit.Suppliers;

namespace FhirFacade.Suppliers.Emis.Tests;

/// <summary>The adapter contract (<see cref="SupplierAdapterContractTests"/>) for EMIS Web, over the real EMIS simulator at A81001.</summary>
[Trait("Category", "Integration")]
public sealed class EmisSupplierAdapterContractTests(EmisAdapterFixture fixture) : SupplierAdapterContractTests, IClassFixture<EmisAdapterFixture>
{
    protected override ISupplierAdapter Adapter => fixture.Adapter;

    protected override ISupplierSimulator Simulator => fixture.Simulator;

    protected override OrganisationEndpoint Organisation => fixture.Organisation;

    protected override string Asked => "9990000018";

    /// <summary>Benjamin Hartley: migraine and influenza, whose CTV3 codes (and EMIS's local migraine code) have no SNOMED CT map.</summary>
    protected override string WithUnmappedCode => "9990000026";

    /// <summary>Eleanor Whitfield: at EMIS, held by A81002 only.</summary>
    protected override string HeldElsewhere => "9990000050";
}
