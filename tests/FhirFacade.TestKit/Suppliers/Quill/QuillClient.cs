using FhirFacade.Core.Suppliers;

namespace FhirFacade.TestKit.Suppliers.Quill;

/// <summary>Quill's native client: asks the store and turns what a call as a whole failed with into a <see cref="SupplierException"/>.</summary>
public sealed class QuillClient(QuillStore store)
{
    /// <summary>The record of <paramref name="nhsNumber"/> Quill holds; <see langword="null"/> when it answers "not found".</summary>
    public async Task<QuillRecord?> GetRecordAsync(string nhsNumber, CancellationToken cancellationToken)
    {
        var answer = await store.GetRecordAsync(nhsNumber, cancellationToken);
        return answer switch
        {
            { Status: QuillAnswer.NoConnection } => throw new SupplierException(SupplierFailureKind.Unavailable, "Quill refused the connection."),
            { Status: 404 } => null,
            { Status: 401 or 403 } => throw new SupplierException(SupplierFailureKind.Unauthorized, "Quill refused the facade's credentials."),
            { Status: not 200 } => throw new SupplierException(SupplierFailureKind.Unavailable, "Quill answered with an error status."),
            { Garbled: true } or { Record: null } => throw new SupplierException(SupplierFailureKind.Malformed, "Quill sent an answer that could not be read."),
            _ => answer.Record,
        };
    }
}
