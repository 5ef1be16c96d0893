namespace FhirFacade.Suppliers.Tpp.Native;

/// <summary>The patient of a record; only the ids and markers unless demographics were requested and shared.</summary>
internal sealed record TppPatient
{
    /// <summary>The SystmOne internal patient row id.</summary>
    public long? RowId { get; init; }

    public string? NhsNumber { get; init; }

    /// <summary>The patient dissented from sharing.</summary>
    public bool Dissent { get; init; }

    /// <summary>The S-flag.</summary>
    public bool Sensitive { get; init; }

    public string? Title { get; init; }

    public string? Forenames { get; init; }

    public string? MiddleNames { get; init; }

    public string? Surname { get; init; }

    public IReadOnlyList<string>? PreviousSurnames { get; init; }

    /// <summary><c>M</c>, <c>F</c> or <c>U</c>.</summary>
    public string? Gender { get; init; }

    public string? DateOfBirth { get; init; }

    public string? DateOfDeath { get; init; }

    public TppAddress? Address { get; init; }

    public string? Telephone { get; init; }

    public string? Mobile { get; init; }

    public string? Email { get; init; }

    public TppRegistration? Registration { get; init; }
}
