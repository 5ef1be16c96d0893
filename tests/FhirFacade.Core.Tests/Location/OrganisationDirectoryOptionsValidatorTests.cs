using System.Text;
using FhirFacade.Core.Location;
using FhirFacade.Core.Sharing;
using Microsoft.Extensions.Configuration;

namespace FhirFacade.Core.Tests.Location;

[Trait("Category", "Unit")]
public sealed class OrganisationDirectoryOptionsValidatorTests
{
    [Fact]
    public void Validate_WithoutSharingSections_SucceedsAndSharesEverything()
    {
        var options = Bind("""{"Facade":{"Organisations":[{"OdsCode":"A1","Supplier":"emis","Endpoint":"http://127.0.0.1:1/"}]}}""");

        var result = CreateSut().Validate(null, options);

        result.Succeeded.Should().BeTrue();
        var sharing = options.Organisations.Single().Sharing;
        sharing.Enabled.Should().BeTrue();
        sharing.Areas.Should().BeNull();
        sharing.RequestingOrganisations.Should().BeNull();
    }

    [Fact]
    public void Validate_WithSharingRules_BindsThemAndSucceeds()
    {
        var options = Bind("""
            {"Facade":{"Organisations":[{"OdsCode":"A1","Supplier":"emis","Endpoint":"http://127.0.0.1:1/",
              "Sharing":{"Enabled":true,"Areas":["demographics","medications"],"RequestingOrganisations":["Y90001","Y90002"]}}]}}
            """);

        var result = CreateSut().Validate(null, options);

        result.Succeeded.Should().BeTrue();
        var sharing = options.Organisations.Single().Sharing;
        sharing.Areas.Should().Equal(RecordAreas.Demographics, RecordAreas.Medications);
        sharing.RequestingOrganisations.Should().Equal("Y90001", "Y90002");
    }

    [Fact]
    public void Validate_WithSharingOff_BindsEnabledFalse()
    {
        var options = Bind("""{"Facade":{"Organisations":[{"OdsCode":"A1","Supplier":"emis","Endpoint":"http://127.0.0.1:1/","Sharing":{"Enabled":false}}]}}""");

        var result = CreateSut().Validate(null, options);

        result.Succeeded.Should().BeTrue();
        options.Organisations.Single().Sharing.Enabled.Should().BeFalse();
    }

    [Fact]
    public void Validate_WithEmptyAreaList_ReadsAsEveryArea()
    {
        // Configuration cannot carry an empty list: "Areas": [] binds as absent, which shares every area.
        var options = Bind("""{"Facade":{"Organisations":[{"OdsCode":"A1","Supplier":"emis","Endpoint":"http://127.0.0.1:1/","Sharing":{"Areas":[]}}]}}""");

        var result = CreateSut().Validate(null, options);

        result.Succeeded.Should().BeTrue();
        options.Organisations.Single().Sharing.Areas.Should().BeNullOrEmpty();
    }

    public static TheoryData<string, string> InvalidSharing() => new()
    {
        { """{"Areas":["demographics","immunisations"]}""", "'immunisations', which is not a record area (use demographics, medications, allergies, problems)" },
        { """{"Areas":["medication"]}""", "'medication', which is not a record area" },
        { """{"RequestingOrganisations":["Y90001"," "]}""", "Sharing:RequestingOrganisations holds a blank or padded ODS code" },
        { """{"RequestingOrganisations":[" Y90001"]}""", "Sharing:RequestingOrganisations holds a blank or padded ODS code" },
    };

    [Theory]
    [MemberData(nameof(InvalidSharing))]
    public void Validate_WithInvalidSharing_FailsNamingOrganisationAndProblem(string sharing, string expected)
    {
        var options = Bind($$$"""{"Facade":{"Organisations":[{"OdsCode":"A1","Supplier":"emis","Endpoint":"http://127.0.0.1:1/","Sharing":{{{sharing}}}}]}}""");

        var result = CreateSut().Validate(null, options);

        result.Failed.Should().BeTrue();
        result.FailureMessage.Should().Contain("organisation 'A1'").And.Contain(expected);
    }

    private static OrganisationDirectoryOptions Bind(string json)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        var configuration = new ConfigurationBuilder().AddJsonStream(stream).Build();
        var options = new OrganisationDirectoryOptions();
        configuration.GetSection(OrganisationDirectoryOptions.SectionName).Bind(options);
        return options;
    }

    private static OrganisationDirectoryOptionsValidator CreateSut() => new();
}
