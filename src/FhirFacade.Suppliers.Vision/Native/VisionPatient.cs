namespace FhirFacade.Suppliers.Vision.Native;

/// <summary>PID, PD1 and ZSH of an RSP^K11.</summary>
internal sealed record VisionPatient
{
    /// <summary>PID-3's NHS number; empty only in a name-search match that names none (<see cref="VisionRecordReader.ReadMatch"/>).</summary>
    public required string NhsNumber { get; init; }

    public string? LocalId { get; init; }

    public IReadOnlyList<VisionName> Names { get; init; } = [];

    public string BirthDate { get; init; } = string.Empty;

    public string Sex { get; init; } = string.Empty;

    public VisionAddress? Address { get; init; }

    public IReadOnlyList<VisionTelecom> Telecoms { get; init; } = [];

    public string DeathDate { get; init; } = string.Empty;

    public bool DeathIndicator { get; init; }

    public VisionPractice? Practice { get; init; }

    public VisionClinician? UsualGp { get; init; }

    /// <summary>PD1-12 = Y or ZSH-2 = Y: the S-flag.</summary>
    public bool Sensitive { get; init; }

    /// <summary>ZSH-1 = Y: the patient dissents from sharing.</summary>
    public bool Dissent { get; init; }

    /// <summary>ZSH-3: <c>GMS</c> (registered) or <c>TemporaryResident</c>.</summary>
    public string RegistrationType { get; init; } = string.Empty;

    public string RegistrationDate { get; init; } = string.Empty;
}
