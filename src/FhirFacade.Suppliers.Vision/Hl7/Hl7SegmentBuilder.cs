namespace FhirFacade.Suppliers.Vision.Hl7;

/// <summary>
/// Writes one segment: values are given unescaped and escaped on <see cref="Encode"/>. A field is a list of
/// repetitions, a repetition a list of components, a component a list of sub-components; a <see langword="null"/>
/// or empty value is "not present", <see cref="Null"/> writes the explicit null <c>""</c>.
/// Public as the writing half of the HL7 v2 codec (<see cref="Hl7Message"/>).
/// </summary>
public sealed class Hl7SegmentBuilder(string name)
{
    private readonly SortedDictionary<int, IReadOnlyList<IReadOnlyList<IReadOnlyList<string?>>>?> _fields = [];

    public string Name { get; } = name;

    /// <summary>Sets a field of one repetition from its components (each a single sub-component).</summary>
    public Hl7SegmentBuilder Field(int field, params string?[] components) =>
        Structured(field, [[.. components.Select(c => (IReadOnlyList<string?>)[c])]]);

    /// <summary>Sets a repeating field, each repetition given by its components.</summary>
    public Hl7SegmentBuilder Repeating(int field, IEnumerable<string?[]> repetitions) =>
        Structured(field, [.. repetitions.Select(r => (IReadOnlyList<IReadOnlyList<string?>>)[.. r.Select(c => (IReadOnlyList<string?>)[c])])]);

    /// <summary>Sets a field in full: repetitions → components → sub-components.</summary>
    public Hl7SegmentBuilder Structured(int field, IReadOnlyList<IReadOnlyList<IReadOnlyList<string?>>> repetitions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(field, Name == "MSH" ? 3 : 1);
        _fields[field] = repetitions;
        return this;
    }

    /// <summary>Writes the explicit null <c>""</c> in a field.</summary>
    public Hl7SegmentBuilder Null(int field)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(field, Name == "MSH" ? 3 : 1);
        _fields[field] = null;
        return this;
    }

    /// <summary>The segment text, without its terminator.</summary>
    public string Encode(Hl7Delimiters delimiters)
    {
        var last = _fields.Count == 0 ? 0 : _fields.Keys.Max();
        var first = Name == "MSH" ? 3 : 1;
        var parts = new List<string> { Name };
        if (Name == "MSH")
        {
            parts.Add(delimiters.EncodingCharacters);
        }

        for (var field = first; field <= last; field++)
        {
            parts.Add(!_fields.TryGetValue(field, out var value) ? string.Empty : value is null ? Hl7Segment.NullValue : EncodeField(value, delimiters));
        }

        return string.Join(delimiters.Field, parts);
    }

    private static string EncodeField(IReadOnlyList<IReadOnlyList<IReadOnlyList<string?>>> repetitions, Hl7Delimiters delimiters) =>
        TrimEnd(string.Join(delimiters.Repetition, repetitions.Select(r =>
            TrimEnd(string.Join(delimiters.Component, r.Select(c =>
                TrimEnd(string.Join(delimiters.SubComponent, c.Select(s => Hl7Escaping.Escape(s, delimiters))), delimiters.SubComponent))), delimiters.Component))), delimiters.Repetition);

    // Trailing empty components/sub-components/repetitions are not written (HL7 v2.5 2.5.3).
    private static string TrimEnd(string text, char separator) => text.TrimEnd(separator);
}
