using System.Collections.Immutable;
using FhirFacade.Core.Location;
using FhirFacade.Core.Search;
using FhirFacade.Core.Suppliers;

namespace FhirFacade.Core.Gateway.Steps;

/// <summary>One holder and what its supplier answered (a value, or a failure with its issue).</summary>
internal sealed record HolderAnswer(RecordHolder Holder, SupplierCallResult<SupplierSearchResult> Call);

/// <summary>
/// Step 3 of a search, fan out: asks every holder at once, each call under its own timeout inside the request's budget
/// (<see cref="SupplierCallRunner"/>). The answers come back in the holders' order, whatever order they arrived in.
/// </summary>
internal sealed class FanOutStep(SupplierCallRunner runner)
{
    public async Task<ImmutableArray<HolderAnswer>> RunAsync(ImmutableArray<RecordHolder> holders, SearchRequest request, CancellationToken cancellationToken)
    {
        var calls = await Task.WhenAll(holders.Select(h => runner.RunAsync(
            h.Adapter,
            h.Organisation,
            "search " + request.ResourceType,
            ct => h.Adapter.SearchAsync(h.Organisation, new SupplierQuery(request, h.Patient), ct),
            cancellationToken)));
        return [.. holders.Select((holder, i) => new HolderAnswer(holder, calls[i]))];
    }
}
