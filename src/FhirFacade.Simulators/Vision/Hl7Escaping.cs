using System.Text;

namespace FhirFacade.Simulators.Vision;

/// <summary>HL7 v2 escape sequences for the default delimiters |^~\&amp; (HL7 v2.5 section 2.7).</summary>
internal static class Hl7Escaping
{
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '|' => @"\F\",
                '^' => @"\S\",
                '&' => @"\T\",
                '~' => @"\R\",
                '\\' => @"\E\",
                '\r' => @"\X0D\",
                '\n' => @"\X0A\",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    public static string Unescape(string text)
    {
        if (!text.Contains('\\', StringComparison.Ordinal))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\')
            {
                builder.Append(text[i]);
                continue;
            }

            var end = text.IndexOf('\\', i + 1);
            if (end < 0)
            {
                builder.Append(text, i, text.Length - i);
                break;
            }

            var sequence = text[(i + 1)..end];
            builder.Append(sequence switch
            {
                "F" => "|",
                "S" => "^",
                "T" => "&",
                "R" => "~",
                "E" => "\\",
                "X0D" => "\r",
                "X0A" => "\n",
                _ => string.Empty,
            });
            i = end;
        }

        return builder.ToString();
    }
}
