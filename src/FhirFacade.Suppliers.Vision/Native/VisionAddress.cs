namespace FhirFacade.Suppliers.Vision.Native;

/// <summary>PID-11 (XAD): two lines, town, county, postcode, country, type.</summary>
internal sealed record VisionAddress(string Line1, string Line2, string Town, string County, string Postcode, string Country, string Type);
