namespace FhirFacade.Suppliers.Vision.Hl7;

/// <summary>
/// One parsed segment. Fields are numbered as in the HL7 tables (PID-3 is <c>Field 3</c>); for MSH, MSH-1 is the
/// field separator and MSH-2 the encoding characters, as the standard numbers them. An empty field is "not
/// present"; a field written <c>""</c> is the HL7 explicit null (<see cref="IsNull"/>), whose value reads as empty.
/// </summary>
public sealed class Hl7Segment
{
    /// <summary>The HL7 explicit null, <c>""</c>.</summary>
    public const string NullValue = "\"\"";

    private readonly string[] _fields;

    private Hl7Segment(string name, string[] fields, Hl7Delimiters delimiters)
    {
        Name = name;
        _fields = fields;
        Delimiters = delimiters;
    }

    /// <summary>The segment id (<c>PID</c>).</summary>
    public string Name { get; }

    public Hl7Delimiters Delimiters { get; }

    /// <summary>The number of the last field written.</summary>
    public int FieldCount => _fields.Length - 1;

    /// <summary>Parses one segment (without its terminator); <see langword="null"/> when it has no valid segment id.</summary>
    public static Hl7Segment? Parse(string line, Hl7Delimiters delimiters)
    {
        if (line.Length < 3 || !line.Take(3).All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c)) || (line.Length > 3 && line[3] != delimiters.Field))
        {
            return null;
        }

        var name = line[..3];
        var parts = line.Split(delimiters.Field);
        if (name == "MSH")
        {
            // MSH-1 is the separator itself, so the parts after "MSH" start at MSH-2.
            string[] fields = [name, delimiters.Field.ToString(), .. parts.Skip(1)];
            return new Hl7Segment(name, fields, delimiters);
        }

        return new Hl7Segment(name, parts, delimiters);
    }

    /// <summary>Field <paramref name="field"/> as written (escaped); empty when absent.</summary>
    public string RawField(int field)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(field, 1);
        return field < _fields.Length ? _fields[field] : string.Empty;
    }

    /// <summary><see langword="true"/> when the field holds something (the explicit null counts).</summary>
    public bool IsPresent(int field) => RawField(field).Length > 0;

    /// <summary><see langword="true"/> when the field is the explicit null <c>""</c>.</summary>
    public bool IsNull(int field) => RawField(field) == NullValue;

    /// <summary>The repetitions of a field (none when absent or null). MSH-1 and MSH-2 are single values, never split.</summary>
    public IReadOnlyList<Hl7Repetition> Repetitions(int field)
    {
        var raw = RawField(field);
        if (raw.Length == 0 || raw == NullValue)
        {
            return [];
        }

        if (Name == "MSH" && field <= 2)
        {
            return [new Hl7Repetition(Hl7Escaping.Escape(raw, Delimiters), Delimiters)];
        }

        return [.. raw.Split(Delimiters.Repetition).Select(r => new Hl7Repetition(r, Delimiters))];
    }

    /// <summary>The first repetition of a field, or <see langword="null"/> when it is absent or null.</summary>
    public Hl7Repetition? FirstRepetition(int field) => Repetitions(field) is { Count: > 0 } repetitions ? repetitions[0] : null;

    /// <summary>Component <paramref name="component"/> of the first repetition of <paramref name="field"/>, unescaped; empty when absent.</summary>
    public string Value(int field, int component = 1, int subComponent = 1) =>
        Repetitions(field) is { Count: > 0 } repetitions ? repetitions[0].Component(component, subComponent) : string.Empty;
}
