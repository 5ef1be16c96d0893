namespace FhirFacade.Fhir.Serialization.Xml;

/// <summary>
/// The characters XML 1.0 can carry (<see href="https://www.w3.org/TR/xml/#charsets"/>: TAB, LF, CR,
/// U+0020–U+D7FF, U+E000–U+FFFD and whole surrogate pairs), which are also the characters a FHIR
/// string may hold (<see href="https://hl7.org/fhir/R4/datatypes.html#string"/>: no code points below
/// 32 except TAB, CR and LF). Everything else — other control characters, unpaired surrogates,
/// U+FFFE and U+FFFF — cannot be written in FHIR XML at all.
/// </summary>
public static class XmlCharacters
{
    /// <summary>What <see cref="Replace"/> writes in place of each character that cannot be carried.</summary>
    public const char Replacement = '\uFFFD';

    /// <summary>The index of the first character XML 1.0 cannot carry, or -1.</summary>
    public static int IndexOfInvalid(ReadOnlySpan<char> text)
    {
        var offset = 0;
        while (true)
        {
            // Almost all text lies in U+0020..U+D7FF: one vectorised scan skips it.
            var found = text[offset..].IndexOfAnyExceptInRange('\u0020', '\uD7FF');
            if (found < 0)
            {
                return -1;
            }

            var i = offset + found;
            var c = text[i];
            if (c is '\t' or '\n' or '\r' or (>= '\uE000' and <= '\uFFFD'))
            {
                offset = i + 1;
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                offset = i + 2;
            }
            else
            {
                return i;
            }
        }
    }

    /// <summary>
    /// <paramref name="text"/> with each character XML 1.0 cannot carry (each unpaired surrogate
    /// code unit) replaced by U+FFFD; the same instance when there is none.
    /// </summary>
    public static string Replace(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = IndexOfInvalid(text);
        if (first < 0)
        {
            return text;
        }

        return string.Create(text.Length, (text, first), static (span, state) =>
        {
            var (source, at) = state;
            source.AsSpan().CopyTo(span);
            while (at >= 0)
            {
                span[at] = Replacement;
                var next = IndexOfInvalid(span[(at + 1)..]);
                at = next < 0 ? -1 : at + 1 + next;
            }
        });
    }
}
