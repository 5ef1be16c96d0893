using System.Text;
using FhirFacade.Core.Errors;
using FhirFacade.Server.Http;

namespace FhirFacade.Server.Errors;

/// <summary>
/// The OperationOutcome of last resort: a 500 written from fixed text when the normal path to an
/// answer has itself failed (the exception handler threw, or an exception got past it). It uses
/// neither the element model nor the serializers, only the correlation id, which
/// <see cref="CorrelationIdMiddleware"/> has already restricted to characters that need no escaping
/// in JSON or XML.
/// </summary>
internal static class FallbackOutcome
{
    public const int Status = StatusCodes.Status500InternalServerError;

    public static byte[] Body(FhirFormat format, string correlationId)
    {
        var text = $"An unexpected error occurred. Correlation id: {correlationId}.";
        var display = SpineErrorCodes.Display(SpineErrorCodes.InternalServerError);
        return Encoding.UTF8.GetBytes(format == FhirFormat.Xml
            ? $"""<OperationOutcome xmlns="http://hl7.org/fhir"><issue><severity value="error"/><code value="exception"/><details><coding><system value="{SpineErrorCodes.System}"/><code value="{SpineErrorCodes.InternalServerError}"/><display value="{display}"/></coding><text value="{text}"/></details></issue></OperationOutcome>"""
            : $$$"""{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"exception","details":{"coding":[{"system":"{{{SpineErrorCodes.System}}}","code":"{{{SpineErrorCodes.InternalServerError}}}","display":"{{{display}}}"}],"text":"{{{text}}}"}}]}""");
    }
}
