using FhirFacade.Core.Suppliers;
using FhirFacade.Simulators.Faults;
using FhirFacade.Simulators.Hosting;
using FhirFacade.TestKit.Suppliers;

namespace FhirFacade.Suppliers.Microtest.Tests;

/// <summary>The adapter contract (<see cref="SupplierAdapterContractTests"/>) for Microtest Evolution, over the real Evolution simulator at L83100 (five items a page).</summary>
[Trait("Category", "Integration")]
public sealed class MicrotestSupplierAdapterContractTests(MicrotestAdapterFixture fixture) : SupplierAdapterContractTests, IClassFixture<MicrotestAdapterFixture>
{
    protected override ISupplierAdapter Adapter => fixture.Adapter;

    protected override ISupplierSimulator Simulator => fixture.Simulator;

    protected override OrganisationEndpoint Organisation => fixture.Organisation;

    /// <summary>Daniel Okonkwo: long lists, so every list search follows several pages.</summary>
    protected override string Asked => "9990000042";

    /// <summary>Alice Thornton: osteoarthritis, whose Read v2 code N05.. maps only to a narrower SNOMED CT concept.</summary>
    protected override string WithUnmappedCode => "9990000018";

    /// <summary>Alice Thornton: held at EMIS only.</summary>
    protected override string HeldElsewhere => "9990000018";

    /// <summary>A token rejected again after one renewal is a refusal of the facade's credentials.</summary>
    protected override SupplierFailureKind? SupplierOnlyFailure(FaultKind kind) => kind == FaultKind.TokenRejected ? SupplierFailureKind.Unauthorized : null;
}
