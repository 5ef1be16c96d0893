using System.Globalization;

namespace FhirFacade.Fhir.FhirPath.Values;

/// <summary>
/// A FHIRPath <c>System.Quantity</c>: a decimal value with a UCUM unit (<c>'mg'</c>) or a calendar
/// duration keyword (<c>year</c>, <c>month</c>, <c>week</c>, <c>day</c>, <c>hour</c>, <c>minute</c>,
/// <c>second</c>, <c>millisecond</c>) (<see href="http://hl7.org/fhirpath/N1/#quantity"/>).
/// </summary>
/// <param name="Value">The numeric value, with its written precision.</param>
/// <param name="Unit">The UCUM unit code or calendar keyword (singular); <c>1</c> for a unitless quantity.</param>
public sealed record FhirPathQuantity(decimal Value, string Unit)
{
    /// <summary>The FHIRPath literal form: <c>1.5 'mg'</c> or <c>2 days</c>' canonical form <c>2 'day'</c>.</summary>
    public override string ToString() =>
        Ucum.IsCalendarUnit(Unit)
            ? $"{Value.ToString(CultureInfo.InvariantCulture)} {Unit}"
            : $"{Value.ToString(CultureInfo.InvariantCulture)} '{Unit}'";
}
