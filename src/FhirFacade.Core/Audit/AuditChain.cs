using System.Security.Cryptography;
using System.Text;

namespace FhirFacade.Core.Audit;

/// <summary>
/// The hash chain: <c>hash(n) = hex(SHA-256(utf8(hash(n-1)) || 0x0A || canonical(record n)))</c>,
/// lowercase hex, with <see cref="GenesisHash"/> before the first row. The sequence number is not
/// hashed: moving a row breaks the link to its neighbour instead, which lets verification tell a
/// reordering (row intact, link broken) from an alteration (row's own hash wrong).
/// </summary>
public static class AuditChain
{
    /// <summary>The previous hash of sequence 1: 64 zeros.</summary>
    public static readonly string GenesisHash = new('0', 64);

    /// <summary>Computes the hash of <paramref name="record"/> chained after <paramref name="previousHash"/>.</summary>
    public static string ComputeHash(string previousHash, AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(previousHash);
        var canonical = AuditCanonicalForm.Serialize(record);
        var input = new byte[Encoding.UTF8.GetByteCount(previousHash) + 1 + canonical.Length];
        var written = Encoding.UTF8.GetBytes(previousHash, input);
        input[written] = (byte)'\n';
        canonical.CopyTo(input, written + 1);
        return Convert.ToHexStringLower(SHA256.HashData(input));
    }

    /// <summary>Chains <paramref name="records"/> after the given head, returning the new entries in order.</summary>
    public static IReadOnlyList<AuditEntry> Append(AuditChainHead head, IReadOnlyList<AuditRecord> records)
    {
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(records);
        var entries = new AuditEntry[records.Count];
        var sequence = head.Sequence;
        var previous = head.Hash;
        for (var i = 0; i < records.Count; i++)
        {
            var hash = ComputeHash(previous, records[i]);
            entries[i] = new AuditEntry(++sequence, records[i], previous, hash);
            previous = hash;
        }

        return entries;
    }

    /// <summary>The head of an empty chain.</summary>
    public static AuditChainHead EmptyHead { get; } = new(0, GenesisHash);
}
