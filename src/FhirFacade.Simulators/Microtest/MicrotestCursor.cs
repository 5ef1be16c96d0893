using System.Globalization;
using System.Text;

namespace FhirFacade.Simulators.Microtest;

/// <summary>Opaque paging cursors: base64url of "list:nhs:offset".</summary>
internal static class MicrotestCursor
{
    public static string Encode(string list, string nhsNumber, int offset) =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{list}:{nhsNumber}:{offset}")))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryDecode(string cursor, string list, string nhsNumber, out int offset)
    {
        offset = 0;
        try
        {
            var padded = cursor.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - (padded.Length % 4)) % 4);
            var parts = Encoding.ASCII.GetString(Convert.FromBase64String(padded)).Split(':');
            return parts.Length == 3
                && parts[0] == list
                && parts[1] == nhsNumber
                && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out offset);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
