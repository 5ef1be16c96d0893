namespace FhirFacade.Suppliers.Vision.Hl7;

/// <summary>
/// The delimiters a message declares in MSH-1 (field) and MSH-2 (component, repetition, escape,
/// sub-component), HL7 v2.5 chapter 2.5.4. Segments always end with a carriage return.
/// </summary>
public sealed record Hl7Delimiters(char Field, char Component, char Repetition, char Escape, char SubComponent)
{
    /// <summary>The segment terminator.</summary>
    public const char SegmentTerminator = '\r';

    /// <summary>The defaults <c>|^~\&amp;</c>.</summary>
    public static Hl7Delimiters Default { get; } = new('|', '^', '~', '\\', '&');

    /// <summary>MSH-2 as written: component, repetition, escape, sub-component.</summary>
    public string EncodingCharacters => string.Concat(Component, Repetition, Escape, SubComponent);

    /// <summary>Reads the delimiters from the start of a message (<c>MSH|^~\&amp;|…</c>); <see langword="null"/> when it does not start with a valid MSH.</summary>
    public static Hl7Delimiters? FromHeader(string message)
    {
        // "MSH" + field separator + four encoding characters; the fifth (truncation, v2.7) is not used by v2.5.
        if (message.Length < 8 || !message.StartsWith("MSH", StringComparison.Ordinal))
        {
            return null;
        }

        var field = message[3];
        var declared = message.AsSpan(4, 4);
        if (IsUnusable(field) || declared.ContainsAny(SegmentTerminator, '\n') || declared.Contains(field))
        {
            return null;
        }

        var delimiters = new Hl7Delimiters(field, declared[0], declared[1], declared[2], declared[3]);
        return delimiters.AreDistinct() ? delimiters : null;
    }

    private static bool IsUnusable(char c) => char.IsLetterOrDigit(c) || char.IsWhiteSpace(c);

    private bool AreDistinct()
    {
        char[] all = [Field, Component, Repetition, Escape, SubComponent];
        return all.Distinct().Count() == all.Length && !all.Any(IsUnusable);
    }
}
