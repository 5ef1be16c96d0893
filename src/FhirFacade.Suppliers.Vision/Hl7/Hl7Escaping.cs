using System.Globalization;
using System.Text;

namespace FhirFacade.Suppliers.Vision.Hl7;

/// <summary>
/// HL7 v2 escape sequences (v2.5 chapter 2.7): <c>\F\ \S\ \T\ \R\ \E\</c> for the declared delimiters and
/// <c>\Xhh…\</c> for bytes (read as UTF-8, so CR is <c>\X0D\</c> and LF <c>\X0A\</c>). Formatting sequences
/// (<c>\H\ \N\</c>) carry no text and are dropped, <c>\.br\</c> is a line break; any other sequence, and an
/// escape character with no closing one, is kept as written so that no text is lost.
/// </summary>
internal static class Hl7Escaping
{
    /// <summary>Escapes every delimiter and CR/LF in <paramref name="text"/>.</summary>
    public static string Escape(string? text, Hl7Delimiters delimiters)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            var code = c == delimiters.Field ? "F"
                : c == delimiters.Component ? "S"
                : c == delimiters.SubComponent ? "T"
                : c == delimiters.Repetition ? "R"
                : c == delimiters.Escape ? "E"
                : c == '\r' ? "X0D"
                : c == '\n' ? "X0A"
                : null;
            if (code is null)
            {
                builder.Append(c);
            }
            else
            {
                builder.Append(delimiters.Escape).Append(code).Append(delimiters.Escape);
            }
        }

        return builder.ToString();
    }

    /// <summary>Resolves the escape sequences of one component or sub-component.</summary>
    public static string Unescape(string text, Hl7Delimiters delimiters)
    {
        var escape = delimiters.Escape;
        if (!text.Contains(escape, StringComparison.Ordinal))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var end = text[i] == escape ? text.IndexOf(escape, i + 1) : -1;
            if (end < 0)
            {
                builder.Append(text[i]);
                continue;
            }

            var sequence = text[(i + 1)..end];
            if (Resolve(sequence, delimiters) is { } resolved)
            {
                builder.Append(resolved);
            }
            else
            {
                builder.Append(text, i, end - i + 1);
            }

            i = end;
        }

        return builder.ToString();
    }

    private static string? Resolve(string sequence, Hl7Delimiters delimiters) => sequence switch
    {
        "F" => delimiters.Field.ToString(),
        "S" => delimiters.Component.ToString(),
        "T" => delimiters.SubComponent.ToString(),
        "R" => delimiters.Repetition.ToString(),
        "E" => delimiters.Escape.ToString(),
        "H" or "N" => string.Empty,
        ".br" => "\n",
        _ when sequence.Length > 1 && sequence[0] == 'X' => Hex(sequence.AsSpan(1)),
        _ => null,
    };

    private static string? Hex(ReadOnlySpan<char> digits)
    {
        if (digits.Length % 2 != 0)
        {
            return null;
        }

        var bytes = new byte[digits.Length / 2];
        for (var b = 0; b < bytes.Length; b++)
        {
            if (!byte.TryParse(digits.Slice(b * 2, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out bytes[b]))
            {
                return null;
            }
        }

        return Encoding.UTF8.GetString(bytes);
    }
}
