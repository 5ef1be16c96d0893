using System.Collections.Immutable;
using FhirFacade.Core.Location;
using FhirFacade.Core.Search;
using FhirFacade.Core.Suppliers;

namespace FhirFacade.Core.Gateway.Steps;

/// <summary>The holders a search asks, in the order they are asked, and the organisations that could not be asked.</summary>
/// <param name="Holders">Holders whose adapter can search the type, ordered by ODS code, then supplier id (ordinal).</param>
/// <param name="Failures">Organisations the locator could not ask (their issues are the step's issues).</param>
internal sealed record LocatedHolders(ImmutableArray<RecordHolder> Holders, ImmutableArray<SupplierFailure> Failures);

/// <summary>
/// Step 1 of a search, locate: who holds the patient's record. By NHS number the locator asks (or remembers); a facade
/// Patient id names one organisation's record; a demographic Patient search asks every organisation. Only holders whose
/// adapter can search the type are kept, in a deterministic order (ODS code, then supplier id).
/// </summary>
internal sealed class LocateStep(SupplierAdapterRegistry adapters, IOrganisationDirectory directory, IRecordLocator locator)
{
    public async Task<StepResult<LocatedHolders>> RunAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        var location = await LocateAsync(request, cancellationToken);
        var holders = location.Holders
            .Where(h => h.Adapter.Capabilities.Any(c => c.ResourceType == request.ResourceType && c.Search))
            .OrderBy(h => h.Organisation.OdsCode, StringComparer.Ordinal)
            .ThenBy(h => h.Adapter.SupplierId, StringComparer.Ordinal)
            .ToImmutableArray();
        return new(new LocatedHolders(holders, [.. location.Failures]), [.. location.Issues]);
    }

    private async Task<RecordLocation> LocateAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        if (request.Patient?.NhsNumber is { } nhsNumber)
        {
            return await locator.LocateAsync(nhsNumber, cancellationToken);
        }

        if (request.Patient?.PatientId is { } patientId)
        {
            // A facade Patient id names one organisation's record of the patient.
            if (adapters.TryGet(patientId.Supplier, out var adapter)
                && directory.TryGet(patientId.Organisation, out var organisation)
                && string.Equals(organisation.Supplier, adapter.SupplierId, StringComparison.OrdinalIgnoreCase))
            {
                return new RecordLocation([new RecordHolder(organisation, adapter, new PatientSelector(null, patientId.NativeId))], [], []);
            }

            return new RecordLocation([], [], []);
        }

        // A demographic Patient search (family + birthdate) asks every organisation.
        var holders = directory.All
            .Select(o => (Organisation: o, Adapter: adapters.TryGet(o.Supplier, out var a) ? a : null))
            .Where(c => c.Adapter is not null)
            .Select(c => new RecordHolder(c.Organisation, c.Adapter!, PatientSelector.Demographic))
            .ToList();
        return new RecordLocation(holders, [], []);
    }
}
