using System.Globalization;
using FhirFacade.Suppliers.Vision.Hl7;
using FhirFacade.Suppliers.Vision.Native;

namespace FhirFacade.Suppliers.Vision.Tests;

/// <summary>Hand-written RSP^K11 answers (docs/suppliers/vision.md) for unit tests and the scripted MLLP server.</summary>
internal static class VisionMessages
{
    public const string Nhs = "9990000034";

    public const string Pid =
        "PID|1||9990000034^^^NHS^NH~V0000034^^^VISION^PI||Ellwood^Catherine^Jane^^Ms^^L~Smith^Catherine^Jane^^^^M||19810123|F|||22 Minster Yard^Upper Town^Lincoln^Lincolnshire^LN2 1PX^GBR^H||01522 000111^PRN^PH~07700 900333^PRN^CP~^NET^Internet^c.ellwood@example.com|||||||||||||||||N";

    public const string Pd1 = "PD1|||Oakfield Surgery^^^^^^^^^C83001|555000300011^Lindqvist^Peter^^^Dr^^^SDS~4456780^Lindqvist^Peter^^^Dr^^^GMC||||||||N";

    public const string Zsh = "ZSH|N|N|GMS|19960401";

    public static readonly string[] Items =
    [
        "PRB|AD|19960401|H33..^Asthma^READ2|P35000|||19960401|||||||A^Active||1990||1^Major",
        "NTE|1||Peak flow 350\\F\\400 L/min; triggers: cats \\T\\ dogs \\S\\ pollen \\R\\ exercise \\E\\ cold air",
        "PRB|AD|20241104|H01..^Acute sinusitis^READ2|P35002|||20241104||202411|||||R^Resolved||20241104||2^Minor",
        "PRB|AD|20200101|ZZZZ.^Something local^READ2|P35009|||20200101|||||||I^Inactive||2019||2^Minor",
        "PRB|AD|20200101|E2B..^Depression^READ2|P35010|||20200101|||||||A^Active||20200101||1^Major",
        "ZCF|Y",
        "AL1|1|FA^Food allergy^HL70127|256349002^Peanut^SCT|SV^Severe^HL70128|39579001^Anaphylaxis^SCT|1986",
        "ZAL|A||19960401|A35003|555000300011^Lindqvist^Peter^^^Dr^^^SDS",
        "NTE|1||Carries adrenaline auto-injectors \\F\\ 2 devices \\T\\ action plan",
        "AL1|2|DA^Drug allergy^HL70127|373270004^Penicillin^SCT|MI^Mild^HL70128|271807003^Rash^SCT|200503",
        "ZAL|R|20150101|20050301|A35005|555000300011^Lindqvist^Peter^^^Dr^^^SDS",
        "ORC|OK|M35004|||IP||||20251201|||555000300011^Lindqvist^Peter^^^Dr^^^SDS||||",
        "RXE|^^^20251201^|10394411000001109^Citalopram 20mg tablets (Arrow Generics Ltd)^DMD|||||^One tablet once a day|||28|^tablet|6|||M35004||2|20260110|||R^Repeat",
        "RXD|1|10394411000001109^Citalopram 20mg tablets^DMD|20251201|28|^tablet||M35004",
        "RXD|2|10394411000001109^Citalopram 20mg tablets^DMD|20260110|28|^tablet||M35004",
        "ORC|OK|M35006|||DC||||20240101|||555000300011^Lindqvist^Peter^^^Dr^^^SDS||||^Side effects",
        "RXE|^^^20240101^20240301|39720311000001101^Amoxicillin 500mg capsules^DMD|||||^One three times a day|||21|^capsule||||M35006||1|20240101|||A^Acute",
        "ORC|OK|M35007|||IP||||20260230|||555000300011^Lindqvist^Peter^^^Dr^^^SDS||||",
        "RXE|^^^20260230^|ABC^Mystery tonic^DMD|||||^As directed|||1|^bottle||||M35007||0||||A^Acute",
        "ORC|OK|M35008|||IP||||20250101|||555000300011^Lindqvist^Peter^^^Dr^^^SDS||||",
        "RXE|^^^20250101^|321000001101^Secret cream^DMD|||||^Apply||||^tube||||M35008||0||||A^Acute",
        "ZCF|Y",
    ];

    public const string NoKnownAllergies = "AL1|1|MA^Miscellaneous allergy^HL70127|716186003^No known allergy^SCT";

    public const string NoKnownAllergiesDetails = "ZAL|A||20200101|A40001|555000300011^Lindqvist^Peter^^^Dr^^^SDS";

    /// <summary>An accepted answer to the query with control id <paramref name="controlId"/>.</summary>
    public static string Accepted(string controlId, IEnumerable<string>? items = null, string pid = Pid, string pd1 = Pd1, string zsh = Zsh) =>
        string.Join('\r', new[]
        {
            "MSH|^~\\&|VISION|C83001|FHIRFACADE|FACADE|20261122084921+0000||RSP^K11^RSP_K11|R" + controlId + "|P|2.5",
            "MSA|AA|" + controlId,
            "QAK|Q-" + controlId + "|OK|VRQ^Vision Record Query^L|1",
            "QPD|VRQ^Vision Record Query^L|Q-" + controlId + "|9990000034^^^NHS^NH|",
            pid,
            pd1,
            zsh,
        }.Concat(items ?? Items)) + "\r";

    /// <summary>An accepted answer to the demographic query (VDQ) with control id <paramref name="controlId"/>: one PID per match, none left out.</summary>
    public static string Demographic(string controlId, IReadOnlyList<string> pids)
    {
        var count = pids.Count.ToString(CultureInfo.InvariantCulture);
        return string.Join('\r', new[]
        {
            "MSH|^~\\&|VISION|C83001|FHIRFACADE|FACADE|20261122084921+0000||RSP^K11^RSP_K11|R" + controlId + "|P|2.5",
            "MSA|AA|" + controlId,
            "QAK|Q-" + controlId + "|" + (pids.Count == 0 ? "NF" : "OK") + "|VDQ^Vision Demographic Query^L|" + count + "|" + count + "|0",
            "QPD|VDQ^Vision Demographic Query^L|Q-" + controlId + "|Ell|",
        }.Concat(pids)) + "\r";
    }

    /// <summary>A negative acknowledgement.</summary>
    public static string Negative(string controlId, string acknowledgement, string errorCode, string userMessage, bool notFound = false) =>
        "MSH|^~\\&|VISION|C83001|FHIRFACADE|FACADE|20261122084921+0000||RSP^K11^RSP_K11|R" + controlId + "|P|2.5\r" +
        "MSA|" + acknowledgement + "|" + controlId + "\r" +
        "QAK|Q-" + controlId + "|" + (notFound ? "NF" : "AE") + "||0\r" +
        "ERR|||" + errorCode + "^Error^HL70357|E||||" + userMessage + "\r";

    /// <summary>Parses and reads an accepted answer.</summary>
    public static VisionRecord Record(string text)
    {
        Hl7Message.TryParse(text, out var message, out var error).Should().BeTrue(error);
        return VisionRecordReader.Read(message!);
    }
}
