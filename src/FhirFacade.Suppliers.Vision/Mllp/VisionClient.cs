using System.Globalization;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using FhirFacade.Suppliers.Vision.Hl7;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FhirFacade.Suppliers.Vision.Mllp;

/// <summary>
/// The client of the Vision HL7 v2.5 interface (docs/suppliers/vision.md): a QBP^Q11 per query over a pooled MLLP
/// connection, the RSP^K11 checked (MSA-2 must echo this query's control id, QAK-1 its tag) and read into a
/// <see cref="VisionRecord"/>. "Not held" (<c>AE</c> with QAK-2 <c>NF</c> / ERR 204) is <see langword="null"/>; every other
/// <c>AE</c>/<c>AR</c> is a <see cref="SupplierException"/> and is never retried (the interface said no). The only retry is a
/// query whose pooled connection turned out closed before any answer byte arrived: it is sent once more on a
/// fresh connection, which is safe because a query changes nothing.
/// </summary>
internal sealed class VisionClient(MllpConnectionPool pool, IOptions<VisionOptions> options, TimeProvider timeProvider, ILogger<VisionClient> logger)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // A random prefix per client makes control ids unique across restarts; the counter within one.
    private readonly string _controlIdPrefix = "FF" + Convert.ToHexString(RandomNumberGenerator.GetBytes(3));
    private long _sequence;

    /// <summary>
    /// The record of the patient <paramref name="nhsNumber"/>: the record areas of the full record query;
    /// <see langword="null"/> <paramref name="area"/> asks the exists query (PID, PD1, ZSH only). A record whose PID-3
    /// names no NHS number is malformed.
    /// </summary>
    public Task<VisionRecord?> GetRecordAsync(OrganisationEndpoint organisation, string nhsNumber, string? area, CancellationToken cancellationToken) =>
        GetRecordAsync(organisation, nhsNumber, area, VisionRecordReader.Read, cancellationToken);

    /// <summary>
    /// The exists query for one match of a name search: as <see cref="GetRecordAsync(OrganisationEndpoint, string, string?, CancellationToken)"/>,
    /// except that a record whose PID-3 names no NHS number comes back with an empty one, for the search to leave out
    /// with a warning (<see cref="VisionRecordReader.ReadMatch"/>).
    /// </summary>
    public Task<VisionRecord?> GetMatchAsync(OrganisationEndpoint organisation, string nhsNumber, CancellationToken cancellationToken) =>
        GetRecordAsync(organisation, nhsNumber, null, VisionRecordReader.ReadMatch, cancellationToken);

    private async Task<VisionRecord?> GetRecordAsync(OrganisationEndpoint organisation, string nhsNumber, string? area, Func<Hl7Message, VisionRecord> read, CancellationToken cancellationToken)
    {
        var message = await QueryAsync(organisation, controlId => BuildQuery(organisation, nhsNumber, area, controlId), cancellationToken);
        if (message is null)
        {
            return null;
        }

        try
        {
            return read(message);
        }
        catch (SupplierException exception)
        {
            Log.MalformedAnswer(logger, organisation.OdsCode, exception.Message);
            throw;
        }
    }

    /// <summary>
    /// The demographic query (VDQ): the NHS numbers (PID-3) of the patients at the organisation whose family name starts
    /// with <paramref name="family"/> (born on <paramref name="birthDate"/>, <c>yyyyMMdd</c>, when given); truncated when QAK-6
    /// counts matches left out.
    /// </summary>
    public async Task<VisionPatientMatches> SearchPatientsAsync(OrganisationEndpoint organisation, string family, string? birthDate, CancellationToken cancellationToken)
    {
        var message = await QueryAsync(organisation, controlId => BuildDemographicQuery(organisation, family, birthDate, controlId), cancellationToken);
        if (message is null)
        {
            return VisionPatientMatches.None;
        }

        var nhsNumbers = message.Segments
            .Where(s => s.Name == "PID")
            .Select(s => s.Repetitions(3).FirstOrDefault(r => r.Component(4) == VisionCodeSystems.NhsAuthority)?.Component(1))
            .OfType<string>()
            .Where(n => n.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var remaining = message.First("QAK")?.Value(6) ?? string.Empty;
        var truncated = int.TryParse(remaining, NumberStyles.None, CultureInfo.InvariantCulture, out var left) && left > 0;
        return new VisionPatientMatches(nhsNumbers, truncated);
    }

    /// <summary>The QBP^Q11 text of a demographic query (VDQ; QPD-3 family name, QPD-4 birth date).</summary>
    public string BuildDemographicQuery(OrganisationEndpoint organisation, string family, string? birthDate, string controlId)
    {
        var qpd = new Hl7SegmentBuilder("QPD")
            .Field(1, VisionCodeSystems.DemographicQuery)
            .Field(2, QueryTag(controlId))
            .Field(3, family);
        if (birthDate is not null)
        {
            qpd.Field(4, birthDate);
        }

        return Hl7Message.Encode([Header(organisation, controlId), qpd, new Hl7SegmentBuilder("RCP").Field(1, "I")], Hl7Delimiters.Default);
    }

    /// <summary>A new message control id (MSH-10, at most 20 characters).</summary>
    public string NextControlId() =>
        _controlIdPrefix + Interlocked.Increment(ref _sequence).ToString("D12", CultureInfo.InvariantCulture);

    /// <summary>The QBP^Q11 text for one query.</summary>
    public string BuildQuery(OrganisationEndpoint organisation, string nhsNumber, string? area, string controlId)
    {
        var qpd = new Hl7SegmentBuilder("QPD")
            .Field(1, area is null ? VisionCodeSystems.ExistsQuery : VisionCodeSystems.RecordQuery)
            .Field(2, QueryTag(controlId))
            .Field(3, nhsNumber, null, null, VisionCodeSystems.NhsAuthority, VisionCodeSystems.NhsIdentifierType);
        if (area is not null)
        {
            qpd.Field(4, area);
        }

        return Hl7Message.Encode([Header(organisation, controlId), qpd, new Hl7SegmentBuilder("RCP").Field(1, "I")], Hl7Delimiters.Default);
    }

    private static string QueryTag(string controlId) => "Q-" + controlId;

    private Hl7SegmentBuilder Header(OrganisationEndpoint organisation, string controlId)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "+0000";
        return new Hl7SegmentBuilder("MSH")
            .Field(3, VisionCodeSystems.SendingApplication)
            .Field(4, VisionCodeSystems.SendingFacility)
            .Field(5, VisionCodeSystems.ReceivingApplication)
            .Field(6, organisation.OdsCode)
            .Field(7, now)
            .Field(8, AccessKey(organisation))
            .Field(9, VisionCodeSystems.QueryMessageType)
            .Field(10, controlId)
            .Field(11, VisionCodeSystems.ProcessingId)
            .Field(12, VisionCodeSystems.Hl7Version);
    }

    private string AccessKey(OrganisationEndpoint organisation) =>
        organisation.Credentials.GetValueOrDefault(VisionCodeSystems.AccessKeyCredential) ?? options.Value.AccessKey ?? string.Empty;

    private static (string Host, int Port) EndpointOf(OrganisationEndpoint organisation)
    {
        if (organisation.Endpoint is { IsAbsoluteUri: true } uri && VisionCodeSystems.EndpointSchemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase) && uri.Port > 0 && uri.Host.Length > 0)
        {
            return (uri.Host, uri.Port);
        }

        throw new SupplierException(SupplierFailureKind.Unavailable, "The organisation has no Vision MLLP endpoint (mllp://host:port).");
    }

    private async Task<Hl7Message?> QueryAsync(OrganisationEndpoint organisation, Func<string, string> build, CancellationToken cancellationToken)
    {
        var (host, port) = EndpointOf(organisation);
        var controlId = NextControlId();
        var framed = MllpFraming.Frame(StrictUtf8.GetBytes(build(controlId)));
        using var attempt = new CancellationTokenSource(options.Value.AttemptTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, attempt.Token);
        try
        {
            return await ExchangeAsync(host, port, framed, answer => Interpret(organisation, answer, controlId), linked.Token);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SupplierException(SupplierFailureKind.Timeout, "Vision did not answer within the attempt timeout.", exception);
        }
        catch (SocketException exception)
        {
            throw new SupplierException(SupplierFailureKind.Unavailable, "Vision could not be reached.", exception);
        }
        catch (IOException exception)
        {
            throw new SupplierException(SupplierFailureKind.Unavailable, "The Vision connection failed.", exception);
        }
        catch (MllpException exception)
        {
            Log.MalformedAnswer(logger, organisation.OdsCode, exception.Message);
            throw exception.Error == MllpError.Truncated
                ? new SupplierException(SupplierFailureKind.Unavailable, "The Vision connection closed part-way through an answer.", exception)
                : new SupplierException(SupplierFailureKind.Malformed, "Vision sent bytes that are not a valid MLLP frame.", exception);
        }
    }

    /// <summary>
    /// One exchange over a pooled connection. The connection goes back to the pool only when the answer was read and
    /// understood (an AE/AR NAK included); on any failure it is closed, since a late answer would put it out of step.
    /// </summary>
    private async Task<T> ExchangeAsync<T>(string host, int port, byte[] framed, Func<byte[], T> interpret, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var lease = await pool.AcquireAsync(host, port, fresh: attempt > 0, cancellationToken);
            var reusable = false;
            try
            {
                var answer = await lease.Connection.ExchangeAsync(framed, cancellationToken)
                    ?? throw new IOException("The Vision connection closed before answering.");
                try
                {
                    var result = interpret(answer);
                    reusable = true;
                    return result;
                }
                catch (SupplierException exception) when (exception.Kind != SupplierFailureKind.Malformed)
                {
                    reusable = true;
                    throw;
                }
            }
            catch (Exception exception) when (attempt == 0 && lease.Reused && !lease.Connection.ReceivedAnswerBytes
                && (exception is IOException or SocketException) && !cancellationToken.IsCancellationRequested)
            {
                Log.RetryingOnFreshConnection(logger, host + ":" + port.ToString(CultureInfo.InvariantCulture));
            }
            finally
            {
                pool.Return(lease, reusable);
            }
        }
    }

    private Hl7Message? Interpret(OrganisationEndpoint organisation, byte[] answer, string controlId)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(answer);
        }
        catch (DecoderFallbackException exception)
        {
            throw Malformed(organisation, "the answer is not UTF-8 text", exception);
        }

        if (!Hl7Message.TryParse(text, out var message, out var error))
        {
            throw Malformed(organisation, error!);
        }

        var header = message!.Header;
        if (header.Value(9, 1) != VisionCodeSystems.ResponseMessageType || header.Value(9, 2) != VisionCodeSystems.ResponseTrigger)
        {
            throw Malformed(organisation, "the answer is not an RSP^K11");
        }

        var msa = message.First("MSA") ?? throw Malformed(organisation, "the answer has no MSA segment");
        if (msa.Value(2) != controlId)
        {
            throw Malformed(organisation, "MSA-2 does not echo the query's control id");
        }

        var acknowledgement = msa.Value(1);
        var qak = message.First("QAK");
        var errorCode = message.First("ERR")?.Value(3) ?? string.Empty;
        switch (acknowledgement)
        {
            case VisionCodeSystems.AckAccepted:
                if (qak is null || qak.Value(1) != QueryTag(controlId))
                {
                    throw Malformed(organisation, "QAK-1 does not echo the query tag");
                }

                return message;
            case VisionCodeSystems.AckError when qak?.Value(2) == VisionCodeSystems.QueryNotFound || errorCode == VisionCodeSystems.ErrorUnknownKey:
                return null;
            case VisionCodeSystems.AckError:
                Log.NegativeAcknowledgement(logger, organisation.OdsCode, acknowledgement, errorCode);
                throw new SupplierException(SupplierFailureKind.Unavailable, $"Vision answered AE (application error {errorCode}).");
            case VisionCodeSystems.AckRejected:
                Log.NegativeAcknowledgement(logger, organisation.OdsCode, acknowledgement, errorCode);
                var security = message.First("ERR")?.Value(8).Contains(VisionCodeSystems.SecurityCheckMarker, StringComparison.Ordinal) == true;
                throw new SupplierException(
                    security ? SupplierFailureKind.Unauthorized : SupplierFailureKind.Unavailable,
                    security ? "Vision rejected the access key (AR)." : $"Vision rejected the query (AR, error {errorCode}).");
            default:
                throw Malformed(organisation, "MSA-1 is not AA, AE or AR");
        }
    }

    private SupplierException Malformed(OrganisationEndpoint organisation, string reason, Exception? inner = null)
    {
        Log.MalformedAnswer(logger, organisation.OdsCode, reason);
        return new SupplierException(SupplierFailureKind.Malformed, "Vision sent an answer the facade could not read: " + reason + ".", inner);
    }
}
