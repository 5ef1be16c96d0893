using FhirFacade.Core.Suppliers;
using FhirFacade.Fhir.Model;
using FhirFacade.Simulators.Hosting;
using FhirFacade.TestKit.Fhir;
using FhirFacade.TestKit.Server;
using FhirFacade.TestKit.Suppliers;
using FhirFacade.TestKit.Suppliers.Quill;
using Microsoft.Extensions.DependencyInjection;

namespace FhirFacade.Core.Tests.Suppliers;

/// <summary>
/// The adapter contract (<see cref="SupplierAdapterContractTests"/>) for Quill, the test-only supplier built on
/// <see cref="SupplierAdapterBase{TRecord, TContext}"/> (docs/adding-a-supplier.md): the same rows as the four real
/// adapters, over an in-memory store with the simulators' fault controller in front of it.
/// </summary>
[Trait("Category", "Unit")]
[Collection(QuillContractCollection.Name)]
public sealed class QuillSupplierAdapterContractTests : SupplierAdapterContractTests, IDisposable
{
    private readonly QuillStore _store = new();
    private readonly ServiceProvider _services;

    public QuillSupplierAdapterContractTests()
    {
        _services = new ServiceCollection()
            .AddSingleton<IFhirModel>(TestFhir.Model)
            .AddSingleton(TestResourceIds.Codec)
            .AddQuillSupplier(_store)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Adapter = _services.GetRequiredService<ISupplierAdapter>();
    }

    protected override ISupplierAdapter Adapter { get; }

    protected override ISupplierSimulator Simulator => _store;

    protected override OrganisationEndpoint Organisation { get; } = new() { OdsCode = QuillStore.PracticeOds, Name = "Quill Test Surgery", Supplier = QuillSupplierAdapter.SupplierKey, Endpoint = new Uri("http://127.0.0.1/quill") };

    protected override string Asked => QuillDemoRecords.Asked;

    protected override string HeldElsewhere => QuillDemoRecords.HeldElsewhere;

    /// <summary>A problem coded <c>QL-INFLU</c>, whose only SNOMED CT target in Quill's map is narrower.</summary>
    protected override string WithUnmappedCode => QuillDemoRecords.WithUnmappedCode;

    public void Dispose() => _services.Dispose();
}

/// <summary>
/// The contract's deadline rows time a cancelled call against <see cref="SupplierAdapterContractTests.Deadline"/> plus a
/// margin. The four real adapters run them in their own test assemblies; here they share one with Core's other tests,
/// whose parallel load could starve the thread pool that runs the cancellation, so Quill's contract runs on its own.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class QuillContractCollection
{
    public const string Name = "Quill adapter contract";
}
