using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FhirFacade.Suppliers.Vision;
using FhirFacade.Suppliers.Vision.Hl7;
using FhirFacade.Suppliers.Vision.Mllp;

namespace FhirFacade.Benchmarks.Mllp;

/// <summary>
/// The Vision record query the adapter sends (docs/suppliers/vision.md: QBP^Q11 VRQ with one QPD-4 record area, a fresh
/// control id each time), written with the adapter's HL7 encoder (<see cref="Hl7SegmentBuilder"/>, <see cref="Hl7Message"/>)
/// and interface values (<see cref="VisionCodeSystems"/>), framed by its <see cref="MllpFraming"/>; and the acceptance
/// check of its RSP^K11, read by the adapter's <see cref="Hl7Message"/>. The three segments are assembled here, as the
/// adapter's client does (it is internal to the adapter: a project's internals are visible to its own tests only).
/// </summary>
public sealed class VisionLoadQuery(string accessKey, string facility, string nhsNumber, string area)
{
    // A random prefix per load makes control ids unique across runs; the counter within one (MSH-10, at most 20 characters).
    private readonly string _controlIdPrefix = "FB" + Convert.ToHexString(RandomNumberGenerator.GetBytes(3));
    private long _sequence;

    /// <summary>The next framed query, ready to write to the connection.</summary>
    public byte[] Next() => MllpFraming.Frame(Encoding.UTF8.GetBytes(Build(NextControlId())));

    /// <summary>True when the answer is an HL7 message whose MSA-1 is <c>AA</c> (application accept).</summary>
    public static bool IsAccepted(byte[]? answer) =>
        answer is not null
        && Hl7Message.TryParse(Encoding.UTF8.GetString(answer), out var message, out _)
        && message!.First("MSA")?.Value(1) == VisionCodeSystems.AckAccepted;

    private string NextControlId() =>
        _controlIdPrefix + Interlocked.Increment(ref _sequence).ToString("D12", CultureInfo.InvariantCulture);

    private string Build(string controlId)
    {
        var header = new Hl7SegmentBuilder("MSH")
            .Field(3, VisionCodeSystems.SendingApplication)
            .Field(4, VisionCodeSystems.SendingFacility)
            .Field(5, VisionCodeSystems.ReceivingApplication)
            .Field(6, facility)
            .Field(7, TimeProvider.System.GetUtcNow().UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "+0000")
            .Field(8, accessKey)
            .Field(9, VisionCodeSystems.QueryMessageType)
            .Field(10, controlId)
            .Field(11, VisionCodeSystems.ProcessingId)
            .Field(12, VisionCodeSystems.Hl7Version);
        var query = new Hl7SegmentBuilder("QPD")
            .Field(1, VisionCodeSystems.RecordQuery)
            .Field(2, "Q-" + controlId)
            .Field(3, nhsNumber, null, null, VisionCodeSystems.NhsAuthority, VisionCodeSystems.NhsIdentifierType)
            .Field(4, area);
        return Hl7Message.Encode([header, query, new Hl7SegmentBuilder("RCP").Field(1, "I")], Hl7Delimiters.Default);
    }
}
