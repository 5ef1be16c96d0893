using FhirFacade.Core.Suppliers;
using FhirFacade.Simulators.Faults;
using FhirFacade.Simulators.Hosting;
using FhirFacade.TestKit.Suppliers;

namespace FhirFacade.Suppliers.Vision.Tests;

/// <summary>The adapter contract (<see cref="SupplierAdapterContractTests"/>) for INPS Vision, over the real Vision simulator (HL7 v2 over MLLP) at C83001.</summary>
[Trait("Category", "Integration")]
public sealed class VisionSupplierAdapterContractTests(VisionAdapterFixture fixture) : SupplierAdapterContractTests, IClassFixture<VisionAdapterFixture>
{
    protected override ISupplierAdapter Adapter => fixture.Adapter;

    protected override ISupplierSimulator Simulator => fixture.Simulator;

    protected override OrganisationEndpoint Organisation => fixture.Oakfield;

    protected override string Asked => "9990000034";

    /// <summary>Alice Thornton: osteoarthritis, whose Read v2 code N05.. maps only to a narrower SNOMED CT concept.</summary>
    protected override string WithUnmappedCode => "9990000018";

    /// <summary>Eleanor Whitfield: at Vision, held by C83002 only.</summary>
    protected override string HeldElsewhere => "9990000050";

    /// <summary>An HL7 NAK (AR, ERR 207) is the interface refusing to work: unavailable, never retried.</summary>
    protected override SupplierFailureKind? SupplierOnlyFailure(FaultKind kind) => kind == FaultKind.Hl7Nak ? SupplierFailureKind.Unavailable : null;
}
