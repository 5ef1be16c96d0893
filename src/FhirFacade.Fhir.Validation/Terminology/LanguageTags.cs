using System.Text.RegularExpressions;

namespace FhirFacade.Fhir.Validation.Terminology;

/// <summary>
/// BCP-47 language tags (<see href="https://www.rfc-editor.org/rfc/rfc5646"/>), the code system
/// <c>urn:ietf:bcp:47</c> behind <c>http://hl7.org/fhir/ValueSet/all-languages</c>. Checks that a tag
/// is <em>well-formed</em> (RFC 5646 §2.1 ABNF, §2.2.9), case-insensitively, grandfathered tags
/// included. It does not check subtags against the IANA Language Subtag Registry: the FHIR packages
/// the project loads do not hold it, so a well-formed tag such as <c>qq-ZZ</c> is accepted.
/// </summary>
public static partial class LanguageTags
{
    /// <summary>The value set of every BCP-47 tag.</summary>
    public const string AllLanguagesValueSet = "http://hl7.org/fhir/ValueSet/all-languages";

    /// <summary><see langword="true"/> when <paramref name="tag"/> is a well-formed BCP-47 language tag.</summary>
    public static bool IsWellFormed(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        return tag.Length is > 0 and <= 256 && LanguageTag().IsMatch(tag);
    }

    // RFC 5646 §2.1: langtag / privateuse / grandfathered (irregular and regular).
    [GeneratedRegex(
        """
        ^(?:
          (?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4}|[a-z]{5,8})   # language (with up to three extlang)
          (?:-[a-z]{4})?                                        # script
          (?:-(?:[a-z]{2}|[0-9]{3}))?                           # region
          (?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*              # variants
          (?:-[0-9a-wy-z](?:-[a-z0-9]{2,8})+)*                  # extensions
          (?:-x(?:-[a-z0-9]{1,8})+)?                            # private use
        | x(?:-[a-z0-9]{1,8})+                                  # private use only
        | en-GB-oed|i-ami|i-bnn|i-default|i-enochian|i-hak|i-klingon|i-lux|i-mingo|i-navajo|i-pwn|i-tao|i-tay|i-tsu
        | sgn-BE-FR|sgn-BE-NL|sgn-CH-DE
        | art-lojban|cel-gaulish|no-bok|no-nyn|zh-guoyu|zh-hakka|zh-min|zh-min-nan|zh-xiang
        )$
        """,
        RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex LanguageTag();
}
