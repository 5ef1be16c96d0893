namespace FhirFacade.Suppliers.Vision.Hl7;

/// <summary>
/// An HL7 v2 message: its declared delimiters and its segments in order.
/// Public, with its segments, delimiters and <see cref="Hl7SegmentBuilder"/>, as the Vision adapter's HL7 v2 codec: the benchmarks' MLLP load (tests/FhirFacade.Benchmarks/Mllp) writes and reads its messages with it.
/// </summary>
public sealed class Hl7Message
{
    private Hl7Message(Hl7Delimiters delimiters, IReadOnlyList<Hl7Segment> segments)
    {
        Delimiters = delimiters;
        Segments = segments;
    }

    public Hl7Delimiters Delimiters { get; }

    public IReadOnlyList<Hl7Segment> Segments { get; }

    /// <summary>The message header.</summary>
    public Hl7Segment Header => Segments[0];

    /// <summary>The first segment named <paramref name="name"/>, or <see langword="null"/>.</summary>
    public Hl7Segment? First(string name) => Segments.FirstOrDefault(s => s.Name == name);

    /// <summary>
    /// Parses a message with the delimiters its MSH declares. Segments end with CR (a trailing LF is tolerated).
    /// Returns <see langword="false"/> with a reason — never the content — when the text is not a message:
    /// no MSH first, a segment with no valid id, or a last segment with no terminator (a cut-off message).
    /// </summary>
    public static bool TryParse(string text, out Hl7Message? message, out string? error)
    {
        message = null;
        var delimiters = Hl7Delimiters.FromHeader(text);
        if (delimiters is null)
        {
            error = "the message does not start with a valid MSH segment";
            return false;
        }

        if (!text.EndsWith(Hl7Delimiters.SegmentTerminator) && !text.EndsWith("\r\n", StringComparison.Ordinal))
        {
            error = "the last segment is not terminated (the message is cut off)";
            return false;
        }

        var segments = new List<Hl7Segment>();
        foreach (var line in text.Split([Hl7Delimiters.SegmentTerminator, '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = Hl7Segment.Parse(line, delimiters);
            if (segment is null)
            {
                error = $"segment {segments.Count + 1} has no valid segment id";
                return false;
            }

            segments.Add(segment);
        }

        error = null;
        message = new Hl7Message(delimiters, segments);
        return true;
    }

    /// <summary>Encodes segments as a message: each segment followed by CR.</summary>
    public static string Encode(IEnumerable<Hl7SegmentBuilder> segments, Hl7Delimiters delimiters) =>
        string.Concat(segments.Select(s => s.Encode(delimiters) + Hl7Delimiters.SegmentTerminator));
}
