using System.Globalization;

namespace FhirFacade.Cli.Commands.Bench;

/// <summary>A Vision record query (QBP^Q11, docs/suppliers/vision.md) and the acceptance check of its RSP^K11.</summary>
internal sealed record VisionQuery(string AccessKey, string Facility, string NhsNumber, string Areas)
{
    private const string Timestamp = "20261122120000";

    /// <summary>The query with control id <c>B{n}</c>; segments end with a carriage return.</summary>
    public string Message(int n)
    {
        var controlId = string.Create(CultureInfo.InvariantCulture, $"B{n}");
        return $"MSH|^~\\&|FHIRFACADE|FACADE|VISION|{Facility}|{Timestamp}|{AccessKey}|QBP^Q11^QBP_Q11|{controlId}|P|2.5\r"
            + $"QPD|VRQ^Vision Record Query^L|Q-{controlId}|{NhsNumber}^^^NHS^NH|{Areas}\r"
            + "RCP|I\r";
    }

    /// <summary>True when the response's MSA-1 is <c>AA</c> (application accept).</summary>
    public static bool IsAccepted(string response)
    {
        ArgumentNullException.ThrowIfNull(response);
        foreach (var segment in response.Split('\r', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment.StartsWith("MSA|", StringComparison.Ordinal))
            {
                return segment.StartsWith("MSA|AA|", StringComparison.Ordinal);
            }
        }

        return false;
    }
}
