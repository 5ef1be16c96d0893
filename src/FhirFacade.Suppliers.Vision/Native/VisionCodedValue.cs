namespace FhirFacade.Suppliers.Vision.Native;

/// <summary>A CWE coded value: code, text and native coding system (<c>READ2</c>, <c>SCT</c>, <c>DMD</c>, an HL7 table).</summary>
internal sealed record VisionCodedValue(string Code, string Text, string System)
{
    public bool IsEmpty => Code.Length == 0 && Text.Length == 0;
}
