using FhirFacade.Fhir.Conformance;
using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Resources;
using FhirFacade.TestKit.Fhir;

namespace FhirFacade.Fhir.Tests.Resources;

/// <summary><see cref="Resource.ToElementNode"/>: how a supplier mapper builds a UK Core resource with the typed model, and the exact JSON it gets.</summary>
[Trait("Category", "Unit")]
public sealed class ResourceTests
{
    private const string ExpectedPatient =
        """
        {
          "resourceType": "Patient",
          "id": "emis-9000000009",
          "meta": {
            "profile": [
              "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient"
            ]
          },
          "identifier": [
            {
              "extension": [
                {
                  "url": "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSNumberVerificationStatus",
                  "valueCodeableConcept": {
                    "coding": [
                      {
                        "system": "https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatusEngland",
                        "code": "01",
                        "display": "Number present and verified"
                      }
                    ]
                  }
                }
              ],
              "system": "https://fhir.nhs.uk/Id/nhs-number",
              "value": "9000000009"
            }
          ],
          "name": [
            {
              "use": "official",
              "family": "Smith",
              "given": [
                "Jane",
                "Ann"
              ],
              "prefix": [
                "Mrs"
              ]
            }
          ],
          "telecom": [
            {
              "system": "phone",
              "value": "01632 960587",
              "use": "home"
            }
          ],
          "gender": "female",
          "birthDate": "1980-01-02",
          "address": [
            {
              "use": "home",
              "line": [
                "1 Trevelyan Square",
                "Boar Lane"
              ],
              "city": "Leeds",
              "postalCode": "LS1 6AE"
            }
          ],
          "generalPractitioner": [
            {
              "type": "Organization",
              "identifier": {
                "system": "https://fhir.nhs.uk/Id/ods-organization-code",
                "value": "A81001"
              },
              "display": "Example Surgery"
            }
          ]
        }
        """;

    private const string ExpectedCondition =
        """
        {
          "resourceType": "Condition",
          "id": "c1",
          "code": {
            "coding": [
              {
                "system": "http://snomed.info/sct",
                "code": "195967001",
                "display": "Asthma"
              }
            ]
          },
          "subject": {
            "reference": "Patient/p1"
          },
          "onsetDateTime": "2019-03",
          "_recordedDate": {
            "extension": [
              {
                "url": "http://hl7.org/fhir/StructureDefinition/data-absent-reason",
                "valueCode": "unknown"
              }
            ]
          }
        }
        """;

    private const string ExpectedBundle =
        """
        {
          "resourceType": "Bundle",
          "type": "searchset",
          "total": 1,
          "link": [
            {
              "relation": "self",
              "url": "https://facade.example/fhir/Patient?identifier=x"
            }
          ],
          "entry": [
            {
              "fullUrl": "https://facade.example/fhir/Patient/p1",
              "resource": {
                "resourceType": "Patient",
                "id": "p1"
              },
              "search": {
                "mode": "match"
              }
            },
            {
              "resource": {
                "resourceType": "OperationOutcome",
                "issue": [
                  {
                    "severity": "warning",
                    "code": "timeout",
                    "details": {
                      "text": "TPP SystmOne did not answer in time."
                    },
                    "diagnostics": "FACADE-SUP-504"
                  }
                ]
              },
              "search": {
                "mode": "outcome"
              }
            }
          ]
        }
        """;

    [Fact]
    public void ToElementNode_MapperStylePatient_SerializesToExactJson()
    {
        var patient = new Patient
        {
            Id = "emis-9000000009",
            Meta = new Meta { Profile = { UkCoreProfiles.Patient } },
            Identifier =
            {
                new Identifier(UkCoreSystems.NhsNumber, "9000000009")
                {
                    Extension =
                    {
                        new Extension(
                            UkCoreExtensions.NhsNumberVerificationStatus,
                            new CodeableConcept(UkCoreSystems.NhsNumberVerificationStatusEngland, "01", "Number present and verified")),
                    },
                },
            },
            Name = { new HumanName { Use = "official", Family = "Smith", Given = { "Jane", "Ann" }, Prefix = { "Mrs" } } },
            Telecom = { new ContactPoint { System = "phone", Value = "01632 960587", Use = "home" } },
            Gender = "female",
            BirthDate = FhirDates.Date(new DateOnly(1980, 1, 2)),
            Address =
            {
                new Address { Use = "home", Line = { "1 Trevelyan Square", "Boar Lane" }, City = "Leeds", PostalCode = "LS1 6AE" },
            },
            GeneralPractitioner = { Reference.ToIdentifier("Organization", UkCoreSystems.OdsOrganizationCode, "A81001", "Example Surgery") },
        };

        var json = TestFhir.SerializeJson(patient.ToElementNode(TestFhir.Model), pretty: true);

        json.Should().Be(ExpectedPatient);
    }

    [Fact]
    public void ToElementNode_ChoiceAndPrimitiveExtension_WritesSuffixAndUnderscoreProperty()
    {
        var condition = new Condition
        {
            Id = "c1",
            Code = new CodeableConcept(FhirSystems.Snomed, "195967001", "Asthma"),
            Subject = Reference.To("Patient", "p1"),
            Onset = new FhirDateTime(FhirDates.YearMonth(2019, 3)),
            RecordedDateElement = new FhirDateTime
            {
                Extension = { new Extension(FhirSystems.DataAbsentReasonExtension, new FhirCode("unknown")) },
            },
        };

        var json = TestFhir.SerializeJson(condition.ToElementNode(TestFhir.Model), pretty: true);

        json.Should().Be(ExpectedCondition);
    }

    [Fact]
    public void ToElementNode_EmptyValuesAndStrings_AreLeftOut()
    {
        var patient = new Patient
        {
            Id = "p1",
            Name = { new HumanName(), new HumanName { Family = string.Empty, Given = { string.Empty } } },
            Text = new Narrative(),
            Active = null,
            Gender = string.Empty,
        };

        var json = TestFhir.SerializeJson(patient.ToElementNode(TestFhir.Model));

        json.Should().Be("""{"resourceType":"Patient","id":"p1"}""");
    }

    [Fact]
    public void ToElementNode_ChoiceOfDisallowedType_Throws()
    {
        var patient = new Patient { Deceased = new FhirString("yes") };

        var act = () => patient.ToElementNode(TestFhir.Model);

        act.Should().Throw<InvalidOperationException>().WithMessage("*Patient.deceased[x]*string*");
    }

    [Fact]
    public void ToElementNode_SearchSetBundle_NestsResourcesWithSearchMode()
    {
        var bundle = Bundle.SearchSet(total: 1);
        bundle.AddLink(BundleCodes.LinkSelf, "https://facade.example/fhir/Patient?identifier=x");
        bundle.AddSearchMatch(new Patient { Id = "p1" }, "https://facade.example/fhir/Patient/p1");
        bundle.AddSearchOutcome(OperationOutcome.FromIssues([new Issue("FACADE-SUP-504", IssueSeverity.Warning, IssueType.Timeout, "TPP SystmOne did not answer in time.")]));

        var node = bundle.ToElementNode(TestFhir.Model);

        TestFhir.SerializeJson(node, pretty: true).Should().Be(ExpectedBundle);
        node.Descendants().Where(n => n.IsResource).Select(n => n.Location).Should().Equal("Bundle.entry[0].resource", "Bundle.entry[1].resource");
    }

    [Fact]
    public void ToElementNode_BundleWithElementNodeResource_WritesCopyOfTheTree()
    {
        var patientNode = new Patient { Id = "p1", Gender = "male" }.ToElementNode(TestFhir.Model);
        var bundle = Bundle.SearchSet(total: 1);
        bundle.AddSearchMatch(new ElementNodeResource(patientNode), "https://facade.example/fhir/Patient/p1");

        var node = bundle.ToElementNode(TestFhir.Model);

        TestFhir.SerializeJson(node).Should().Be(
            "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"total\":1,\"entry\":[{\"fullUrl\":\"https://facade.example/fhir/Patient/p1\","
            + "\"resource\":{\"resourceType\":\"Patient\",\"id\":\"p1\",\"gender\":\"male\"},\"search\":{\"mode\":\"match\"}}]}");
        patientNode.Children.Should().HaveCount(2, "the wrapped tree is copied, not moved");
        node.Descendants().Single(n => n.Name == "gender").Location.Should().Be("Bundle.entry[0].resource.gender");
    }

    [Fact]
    public void ToElementNode_UcumQuantity_WritesValueUnitSystemAndCode()
    {
        var medication = new Medication
        {
            Id = "m1",
            Amount = new Ratio { Numerator = Quantity.Ucum(1.50m, "mg"), Denominator = new Quantity(1, "tablet") },
        };

        var json = TestFhir.SerializeJson(medication.ToElementNode(TestFhir.Model));

        json.Should().Be(
            "{\"resourceType\":\"Medication\",\"id\":\"m1\",\"amount\":{\"numerator\":{\"value\":1.50,\"unit\":\"mg\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"mg\"},"
            + "\"denominator\":{\"value\":1,\"unit\":\"tablet\"}}}");
    }

    [Fact]
    public void ToElementNode_ContentReferenceElements_UseTheReferencedBackboneType()
    {
        var searchParam = new CapabilityStatement.SearchParamComponent { Name = "identifier", Type = "token" };
        var capability = new CapabilityStatement
        {
            Status = "active",
            Rest =
            {
                new CapabilityStatement.RestComponent
                {
                    Mode = "server",
                    Resource =
                    {
                        new CapabilityStatement.ResourceComponent
                        {
                            Type = "Patient",
                            Interaction = { new CapabilityStatement.ResourceInteractionComponent { Code = "read" } },
                            SearchParam = { searchParam },
                        },
                    },
                    SearchParam = { new CapabilityStatement.SearchParamComponent { Name = "_id", Type = "token" } },
                },
            },
        };

        var node = capability.ToElementNode(TestFhir.Model);

        var restSearchParam = node.Child("rest")!.Child("searchParam")!;
        restSearchParam.Type!.Name.Should().Be("CapabilityStatement.rest.resource.searchParam");
        restSearchParam.Child("name")!.Definition!.Path.Should().Be("CapabilityStatement.rest.resource.searchParam.name");
        TestFhir.SerializeJson(node).Should().Be(
            "{\"resourceType\":\"CapabilityStatement\",\"status\":\"active\",\"rest\":[{\"mode\":\"server\",\"resource\":[{\"type\":\"Patient\","
            + "\"interaction\":[{\"code\":\"read\"}],\"searchParam\":[{\"name\":\"identifier\",\"type\":\"token\"}]}],"
            + "\"searchParam\":[{\"name\":\"_id\",\"type\":\"token\"}]}]}");
    }
}
