using System.Globalization;

namespace FhirFacade.Core.Audit;

/// <summary>
/// Walks a stored audit chain in sequence order and reports the first break: a gap in the
/// sequence (missing rows), a row whose hash does not match its content (altered), a row that does
/// not link to its predecessor (reordered), or a chain head that disagrees with the last row.
/// </summary>
public static class AuditChainVerifier
{
    /// <summary>Verifies the chain a store holds.</summary>
    public static async Task<AuditChainVerification> VerifyAsync(IAuditChainReader reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var head = await reader.ReadHeadAsync(cancellationToken);
        return await VerifyAsync(reader.ReadChainAsync(cancellationToken), head, cancellationToken);
    }

    /// <summary>Verifies rows given in ascending sequence order, optionally against the recorded head.</summary>
    public static async Task<AuditChainVerification> VerifyAsync(
        IAsyncEnumerable<AuditChainRow> rows,
        AuditChainHead? head,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        long count = 0;
        var previousHash = AuditChain.GenesisHash;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            var failure = Check(row, count + 1, previousHash);
            if (failure is not null)
            {
                return new AuditChainVerification(count, previousHash, failure);
            }

            previousHash = row.Hash;
            count++;
        }

        var headFailure = head is null ? null : CheckHead(head, count, previousHash);
        return new AuditChainVerification(count, previousHash, headFailure);
    }

    private static AuditChainBreak? Check(AuditChainRow row, long expected, string previousHash)
    {
        if (row.Sequence > expected)
        {
            var last = row.Sequence - 1;
            var range = last == expected ? Format(expected) : $"{Format(expected)}..{Format(last)}";
            return new AuditChainBreak(expected, AuditChainBreakKind.MissingRow, $"Row(s) {range} are missing: the next stored row is {Format(row.Sequence)}.");
        }

        if (row.Sequence < expected)
        {
            return new AuditChainBreak(row.Sequence, AuditChainBreakKind.Reordered, $"Row {Format(row.Sequence)} appears after row {Format(expected - 1)}.");
        }

        if (row.Record is null)
        {
            return new AuditChainBreak(row.Sequence, AuditChainBreakKind.AlteredRow, $"Row {Format(row.Sequence)} cannot be read back: its stored content was altered.");
        }

        if (!string.Equals(AuditChain.ComputeHash(row.PreviousHash, row.Record), row.Hash, StringComparison.Ordinal))
        {
            return new AuditChainBreak(row.Sequence, AuditChainBreakKind.AlteredRow, $"Row {Format(row.Sequence)} was altered: its stored hash does not match its content.");
        }

        if (!string.Equals(row.PreviousHash, previousHash, StringComparison.Ordinal))
        {
            return new AuditChainBreak(
                row.Sequence,
                AuditChainBreakKind.Reordered,
                $"Row {Format(row.Sequence)} does not link to row {Format(row.Sequence - 1)}: rows were reordered (or row {Format(row.Sequence - 1)} was rewritten with a recomputed hash).");
        }

        return null;
    }

    private static AuditChainBreak? CheckHead(AuditChainHead head, long count, string lastHash)
    {
        if (head.Sequence > count)
        {
            return new AuditChainBreak(count + 1, AuditChainBreakKind.MissingRow, $"The chain head is at row {Format(head.Sequence)} but the last stored row is {Format(count)}: rows were deleted from the end.");
        }

        if (head.Sequence < count)
        {
            return new AuditChainBreak(head.Sequence + 1, AuditChainBreakKind.HeadMismatch, $"The chain head is at row {Format(head.Sequence)} but rows up to {Format(count)} exist.");
        }

        if (!string.Equals(head.Hash, lastHash, StringComparison.Ordinal))
        {
            return new AuditChainBreak(count, AuditChainBreakKind.AlteredRow, $"Row {Format(count)} does not match the chain head's hash: it was rewritten.");
        }

        return null;
    }

    private static string Format(long sequence) => sequence.ToString(CultureInfo.InvariantCulture);
}
