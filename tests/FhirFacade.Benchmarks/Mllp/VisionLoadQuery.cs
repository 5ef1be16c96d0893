using System.Text;
using FhirFacade.Core.Suppliers;
using FhirFacade.Suppliers.Vision;
using FhirFacade.Suppliers.Vision.Hl7;
using FhirFacade.Suppliers.Vision.Mllp;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FhirFacade.Benchmarks.Mllp;

/// <summary>
/// The Vision record query exactly as the adapter sends it (<see cref="VisionClient.BuildQuery"/>: QBP^Q11 VRQ with
/// one QPD-4 record area, a fresh control id each time), framed by the adapter's <see cref="MllpFraming"/>, and the
/// acceptance check of its RSP^K11 read by the adapter's <see cref="Hl7Message"/>.
/// </summary>
internal sealed class VisionLoadQuery : IDisposable
{
    // VisionClient wants a pool; the load generator keeps its own connections, so this one is never used.
    private readonly MllpConnectionPool _pool;
    private readonly VisionClient _client;
    private readonly OrganisationEndpoint _organisation;
    private readonly string _nhsNumber;
    private readonly string _area;

    public VisionLoadQuery(string accessKey, string facility, string nhsNumber, string area)
    {
        var options = Options.Create(new VisionOptions { AccessKey = accessKey });
        _pool = new MllpConnectionPool(options, TimeProvider.System);
        _client = new VisionClient(_pool, options, TimeProvider.System, NullLogger<VisionClient>.Instance);
        _organisation = new OrganisationEndpoint { OdsCode = facility, Supplier = VisionCodeSystems.SupplierId };
        _nhsNumber = nhsNumber;
        _area = area;
    }

    /// <summary>The next framed query, ready to write to the connection.</summary>
    public byte[] Next() =>
        MllpFraming.Frame(Encoding.UTF8.GetBytes(_client.BuildQuery(_organisation, _nhsNumber, _area, _client.NextControlId())));

    /// <summary>True when the answer is an HL7 message whose MSA-1 is <c>AA</c> (application accept).</summary>
    public static bool IsAccepted(byte[]? answer) =>
        answer is not null
        && Hl7Message.TryParse(Encoding.UTF8.GetString(answer), out var message, out _)
        && message!.First("MSA")?.Value(1) == VisionCodeSystems.AckAccepted;

    public void Dispose() => _pool.Dispose();
}
