namespace FhirFacade.Simulators.Vision;

/// <summary>One parsed HL7 v2 segment; <see cref="Field"/> uses HL7 numbering (MSH-1 is the field separator).</summary>
internal sealed class Hl7Segment
{
    private readonly string[] _fields;

    private Hl7Segment(string[] fields)
    {
        _fields = fields;
    }

    public string Name => _fields[0];

    public static Hl7Segment Parse(string line)
    {
        var fields = line.Split('|');
        if (fields[0] == "MSH")
        {
            var shifted = new string[fields.Length + 1];
            shifted[0] = "MSH";
            shifted[1] = "|";
            Array.Copy(fields, 1, shifted, 2, fields.Length - 1);
            return new Hl7Segment(shifted);
        }

        return new Hl7Segment(fields);
    }

    /// <summary>The raw (still escaped) field, or empty.</summary>
    public string Field(int index) => index < _fields.Length ? _fields[index] : string.Empty;

    /// <summary>A component (1-based) of the first repetition of a field, unescaped.</summary>
    public string Component(int field, int component)
    {
        var first = Field(field).Split('~')[0];
        var parts = first.Split('^');
        return component <= parts.Length ? Hl7Escaping.Unescape(parts[component - 1]) : string.Empty;
    }

    public IReadOnlyList<string> Repetitions(int field) =>
        Field(field).Length == 0 ? [] : Field(field).Split('~');
}
