namespace FhirFacade.Suppliers.Emis.Native;

/// <summary>A date with precision <c>year</c> | <c>month</c> | <c>day</c>; <see cref="Text"/> is <c>yyyy</c>, <c>yyyy-MM</c> or <c>yyyy-MM-dd</c>.</summary>
public sealed record EmisPartialDate(string? Precision, string Text);
