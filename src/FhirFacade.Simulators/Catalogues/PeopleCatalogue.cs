namespace FhirFacade.Simulators.Catalogues;

/// <summary>Names and places for generated demographics (UK addresses with valid-format postcodes).</summary>
internal static class PeopleCatalogue
{
    public static IReadOnlyList<string> FemaleGivenNames { get; } =
        ["Olivia", "Amelia", "Isla", "Ava", "Emily", "Sophie", "Grace", "Lily", "Ruby", "Ella", "Margaret", "Susan", "Patricia", "Janet", "Christine", "Aisha", "Priya", "Zainab", "Niamh", "Eilidh", "Catherine", "Helen", "Joan", "Dorothy"];

    public static IReadOnlyList<string> MaleGivenNames { get; } =
        ["Oliver", "George", "Harry", "Jack", "Noah", "Charlie", "Thomas", "Oscar", "William", "James", "David", "John", "Robert", "Michael", "Peter", "Mohammed", "Arjun", "Kwame", "Callum", "Rhys", "Stephen", "Alan", "Brian", "Kenneth"];

    public static IReadOnlyList<string> FamilyNames { get; } =
        ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke", "Khan", "Patel", "Begum", "Hughes", "Edwards", "Lewis", "Harrison", "Morris", "O'Brien", "Nowak"];

    public static IReadOnlyList<string> Streets { get; } =
        ["High Street", "Station Road", "Church Lane", "Park Avenue", "Victoria Road", "Green Lane", "Manor Road", "Mill Lane", "Queen Street", "The Crescent", "Windsor Close", "Elm Grove", "Chapel Street", "Meadow Way"];

    /// <summary>Town, county and postcode district (outward code).</summary>
    public static IReadOnlyList<(string Town, string County, string District)> Towns { get; } =
    [
        ("Stockton-on-Tees", "County Durham", "TS18"),
        ("Middlesbrough", "North Yorkshire", "TS5"),
        ("Harrogate", "North Yorkshire", "HG1"),
        ("Skipton", "North Yorkshire", "BD23"),
        ("Northallerton", "North Yorkshire", "DL6"),
        ("Lincoln", "Lincolnshire", "LN2"),
        ("Boston", "Lincolnshire", "PE21"),
        ("Plymouth", "Devon", "PL1"),
        ("Leeds", "West Yorkshire", "LS6"),
        ("York", "North Yorkshire", "YO10"),
    ];

    /// <summary>Letters allowed in the final two characters of a UK postcode's inward code.</summary>
    public const string InwardLetters = "ABDEFGHJLNPQRSTUWXYZ";
}
