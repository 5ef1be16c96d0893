using FhirFacade.Core.Suppliers;

namespace FhirFacade.Core.Tests.Suppliers;

[Trait("Category", "Unit")]
public sealed class UnnamedRecordTests
{
    public static TheoryData<string?> NoPatient => new() { null, "", "   " };

    [Theory]
    [MemberData(nameof(NoPatient))]
    public void ThrowIfNamesNoPatient_RecordNamesNoNhsNumber_ThrowsMalformedNamingOnlyTheSupplier(string? recordNhsNumber)
    {
        var check = () => UnnamedRecord.ThrowIfNamesNoPatient("EMIS", recordNhsNumber);

        var thrown = check.Should().Throw<SupplierException>().Which;
        thrown.Kind.Should().Be(SupplierFailureKind.Malformed);
        thrown.Message.Should().Be("EMIS sent a record that names no patient.");
    }

    [Fact]
    public void ThrowIfNamesNoPatient_RecordNamesAnNhsNumber_DoesNotThrow()
    {
        var check = () => UnnamedRecord.ThrowIfNamesNoPatient("EMIS", "9990000018");

        check.Should().NotThrow();
    }
}
