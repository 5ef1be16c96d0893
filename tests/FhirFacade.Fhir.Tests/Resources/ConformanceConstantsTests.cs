using System.Reflection;
using FhirFacade.Fhir.Conformance;
using FhirFacade.TestKit.Fhir;

namespace FhirFacade.Fhir.Tests.Resources;

/// <summary>Every profile, extension and code system constant is a canonical the loaded packages define.</summary>
[Trait("Category", "Conformance")]
public sealed class ConformanceConstantsTests
{
    /// <summary>Systems the packages do not define as resources, with the reason.</summary>
    private static readonly Dictionary<string, string> NotInPackages = new(StringComparer.Ordinal)
    {
        [FhirSystems.Snomed] = "external terminology",
        [FhirSystems.Dmd] = "external terminology",
        [FhirSystems.ReadV2] = "external terminology, from docs/domain.md",
        [FhirSystems.Ctv3] = "external terminology",
        [FhirSystems.Ucum] = "external terminology",
        [FhirSystems.Rfc3986] = "identifier system for URIs",
        [FhirSystems.Dicom] = "external terminology",
        [UkCoreSystems.NhsNumber] = "identifier system",
        [UkCoreSystems.OdsOrganizationCode] = "identifier system",
        [UkCoreSystems.OdsSiteCode] = "identifier system",
        [UkCoreSystems.SdsUserId] = "identifier system",
        [UkCoreSystems.SdsRoleProfileId] = "identifier system",
        [UkCoreSystems.GmcNumber] = "identifier system, from docs/domain.md",
        [UkCoreSystems.NmcNumber] = "identifier system",
        [UkCoreSystems.SpineErrorOrWarningCode] = "NHS Spine code system, from docs/domain.md",
    };

    public static TheoryData<string, string> Canonicals()
    {
        var data = new TheoryData<string, string>();
        foreach (var type in new[] { typeof(UkCoreProfiles), typeof(UkCoreExtensions), typeof(UkCoreSystems), typeof(FhirSystems) })
        {
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral))
            {
                var value = (string)field.GetRawConstantValue()!;
                if (value.Contains("://", StringComparison.Ordinal) && !NotInPackages.ContainsKey(value))
                {
                    data.Add($"{type.Name}.{field.Name}", value);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Canonicals))]
    public void Constant_CanonicalUrl_IsDefinedByTheLoadedPackages(string constant, string url)
    {
        var resource = TestFhir.Packages.ResolveCanonical(url);

        resource.Should().NotBeNull($"{constant} = {url} should be a canonical in hl7.fhir.r4.core or fhir.r4.ukcore.stu2");
    }

    [Fact]
    public void ByResourceType_EveryProfile_ConstrainsItsResourceType()
    {
        var types = UkCoreProfiles.ByResourceType.ToDictionary(
            p => p.Key,
            p => TestFhir.Packages.ResolveCanonical(p.Value)!.Value.GetProperty("type").GetString());

        types.Should().HaveCount(7).And.AllSatisfy(p => p.Value.Should().Be(p.Key));
    }
}
