namespace FhirFacade.Simulators.Faults;

/// <summary>Makes a native document malformed the way a broken supplier would: cut off part-way through.</summary>
internal static class PayloadCorruptor
{
    public static string Truncate(string document) => document.Length < 4 ? string.Empty : document[..(document.Length * 3 / 5)];
}
