using FhirFacade.Server.Http;
using Microsoft.AspNetCore.Http;

namespace FhirFacade.Server.Tests.Http;

/// <summary>
/// The query parsed once and kept on the request: read where ASP.NET's own query collection used to be read
/// (<c>_format</c>, <c>_pretty</c>, <c>mode</c>, <c>profile</c>), it must give what that collection gave for every form
/// of a query string, so that reading it there changed nothing.
/// </summary>
[Trait("Category", "Unit")]
public sealed class RequestQueryTests
{
    /// <summary>The forms a parameter can take in a query string: encodings, repeats, case, missing values.</summary>
    public static TheoryData<string, string> QueryForms() => new()
    {
        { "?_format=xml", "_format" },
        { "?_format=application%2Ffhir%2Bxml", "_format" },
        { "?_format=application/fhir+xml", "_format" },
        { "?_format=application/fhir%20xml", "_format" },
        { "?_FORMAT=xml", "_format" },
        { "?_format=json&_format=xml", "_format" },
        { "?_format=json&_Format=xml&x=1", "_format" },
        { "?_format=", "_format" },
        { "?_format", "_format" },
        { "?_format=a%3Db&c", "_format" },
        { "?x=1", "_format" },
        { "?_pretty=true", "_pretty" },
        { "?_pretty=TRUE&_pretty=false", "_pretty" },
        { "?mode=terse", "mode" },
        { "?profile=https%3A%2F%2Ffhir.hl7.org.uk%2FStructureDefinition%2FUKCore-Patient", "profile" },
        { "?profile=a&&profile=b", "profile" },
        { "?%5Fformat=xml", "_format" },
    };

    [Theory]
    [MemberData(nameof(QueryForms))]
    public void Value_EveryQueryForm_IsWhatAspNetCoresQueryCollectionGives(string queryString, string name)
    {
        var context = new DefaultHttpContext();
        context.Request.QueryString = new QueryString(queryString);

        var value = RequestQuery.Of(context).Value(name);

        value.Should().Be(context.Request.Query[name].ToString());
    }

    [Fact]
    public void Of_CalledAgain_IsTheStoredParseNotANewOne()
    {
        var context = new DefaultHttpContext();
        context.Request.QueryString = new QueryString("?identifier=a&_count=2");

        var first = RequestQuery.Of(context);
        context.Request.QueryString = new QueryString("?identifier=b");
        var second = RequestQuery.Of(context);

        second.Should().BeSameAs(first);
        second.Parameters.Should().Equal(KeyValuePair.Create("identifier", "a"), KeyValuePair.Create("_count", "2"));
    }
}
