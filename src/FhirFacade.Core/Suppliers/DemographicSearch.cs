using FhirFacade.Fhir.Issues;

namespace FhirFacade.Core.Suppliers;

/// <summary>
/// The second half of every adapter's Patient search by family name (+ birth date): the supplier's native search has
/// named the matching patients; fetch each one's record at once, leave out without a word those the adapter may not
/// list (not held at this organisation, sensitive, dissented — so a name search cannot reveal them), map the rest, and
/// warn when the native search said it found more than it returned.
/// </summary>
public static class DemographicSearch
{
    /// <summary>
    /// The matches for the patients <paramref name="nhsNumbers"/> named, in that order, with each mapped record's issues
    /// (including those of a record that could not be mapped) followed by <paramref name="truncation"/> if there is one.
    /// </summary>
    /// <param name="nhsNumbers">The patients the native search found.</param>
    /// <param name="fetchAsync">One patient's record at this organisation; <see langword="null"/> when there is none.</param>
    /// <param name="isListed">Whether a fetched record may appear in a search answer at all.</param>
    /// <param name="map">The record as a match (<see langword="null"/> when it could not be mapped) and the issues mapping it raised.</param>
    /// <param name="truncation">The supplier's own warning that it found more patients than it returned, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the fetches.</param>
    public static async Task<SupplierSearchResult> CollectAsync<TRecord>(
        IReadOnlyList<string> nhsNumbers,
        Func<string, CancellationToken, Task<TRecord?>> fetchAsync,
        Func<TRecord, bool> isListed,
        Func<TRecord, (SupplierResource? Match, IReadOnlyList<Issue> Issues)> map,
        Issue? truncation,
        CancellationToken cancellationToken)
        where TRecord : class
    {
        ArgumentNullException.ThrowIfNull(nhsNumbers);
        ArgumentNullException.ThrowIfNull(fetchAsync);
        ArgumentNullException.ThrowIfNull(isListed);
        ArgumentNullException.ThrowIfNull(map);

        var records = await Task.WhenAll(nhsNumbers.Select(n => fetchAsync(n, cancellationToken)));
        var matches = new List<SupplierResource>();
        var issues = new List<Issue>();
        foreach (var record in records)
        {
            if (record is null || !isListed(record))
            {
                continue;
            }

            var (match, mappingIssues) = map(record);
            if (match is not null)
            {
                matches.Add(match);
            }

            issues.AddRange(mappingIssues);
        }

        if (truncation is not null)
        {
            issues.Add(truncation);
        }

        return new SupplierSearchResult(matches, [], issues);
    }
}
