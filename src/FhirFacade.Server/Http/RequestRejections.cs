using System.Globalization;
using FhirFacade.Core.Errors;
using FhirFacade.Fhir.Issues;

namespace FhirFacade.Server.Http;

/// <summary>
/// The answers for a request the facade will not read in full: too large, too long, too slow, not a
/// form, or not readable at all. Each names the limit, never what the caller sent (which may be
/// clinical text, or characters no answer can carry).
/// </summary>
internal static class RequestRejections
{
    public static FacadeException BodyTooLarge(int limit) =>
        new(StatusCodes.Status413PayloadTooLarge, new Issue("HTTP413", IssueSeverity.Error, IssueType.TooLong, Invariant($"The request body is larger than the {limit} bytes the facade reads.")));

    public static FacadeException TargetTooLong(int limit) =>
        new(StatusCodes.Status414UriTooLong, new Issue("HTTP414", IssueSeverity.Error, IssueType.TooLong, Invariant($"The request URL is longer than {limit} bytes; send a long search as POST [base]/[type]/_search with a form body.")));

    public static FacadeException HeadersTooLarge(int limit) =>
        new(StatusCodes.Status431RequestHeaderFieldsTooLarge, new Issue("HTTP431", IssueSeverity.Error, IssueType.TooLong, Invariant($"The request headers are larger than {limit} bytes in total.")));

    public static FacadeException BodyTooSlow(TimeSpan limit) =>
        new(StatusCodes.Status408RequestTimeout, new Issue("HTTP408", IssueSeverity.Error, IssueType.Timeout, Invariant($"The request body did not arrive within {limit.TotalSeconds:0.###} s.")));

    public static FacadeException TooManyParameters(int limit) =>
        new(StatusCodes.Status400BadRequest, FacadeException.SpineIssue(SpineErrorCodes.BadRequest, IssueType.TooCostly, Invariant($"The request has more than {limit} parameters.")));

    public static FacadeException NameTooLong(int limit) =>
        new(StatusCodes.Status400BadRequest, FacadeException.SpineIssue(SpineErrorCodes.InvalidParameter, IssueType.TooLong, Invariant($"A parameter name is longer than {limit} characters.")));

    public static FacadeException ValueTooLong(string name, int limit) =>
        new(StatusCodes.Status400BadRequest, FacadeException.SpineIssue(SpineErrorCodes.InvalidParameter, IssueType.TooLong, Invariant($"The value of a parameter is longer than {limit} characters."), location: name));

    public static FacadeException NotUtf8() =>
        new(StatusCodes.Status400BadRequest, FacadeException.SpineIssue(SpineErrorCodes.BadRequest, IssueType.Invalid, "The form body is not UTF-8 text."));

    public static FacadeException NotAForm(string what) =>
        new(StatusCodes.Status415UnsupportedMediaType, new Issue("HTTP415", IssueSeverity.Error, IssueType.NotSupported, $"{what} needs a body of type {FhirMediaTypes.FormUrlEncoded} (UTF-8, not compressed)."));

    /// <summary>
    /// Kestrel could not read the request (<see cref="BadHttpRequestException"/>: malformed chunking,
    /// a body shorter than its Content-Length, a body arriving below the minimum data rate, a body
    /// over Kestrel's size limit). Its status stands; its message is not repeated.
    /// </summary>
    public static FacadeException Unreadable(BadHttpRequestException exception) => exception.StatusCode switch
    {
        StatusCodes.Status408RequestTimeout => new(StatusCodes.Status408RequestTimeout, new Issue("HTTP408", IssueSeverity.Error, IssueType.Timeout, "The request body arrived too slowly.")),
        StatusCodes.Status413PayloadTooLarge => new(StatusCodes.Status413PayloadTooLarge, new Issue("HTTP413", IssueSeverity.Error, IssueType.TooLong, "The request body is larger than the server accepts.")),
        >= 400 and < 500 => new(exception.StatusCode, FacadeException.SpineIssue(SpineErrorCodes.BadRequest, IssueType.Invalid, "The request could not be read: it is malformed or incomplete.")),
        _ => new(StatusCodes.Status400BadRequest, FacadeException.SpineIssue(SpineErrorCodes.BadRequest, IssueType.Invalid, "The request could not be read: it is malformed or incomplete.")),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
