namespace FhirFacade.Server.Security;

/// <summary>Why a bearer token was refused; the text goes into RFC 6750's <c>error_description</c>.</summary>
public enum TokenRejection
{
    Missing,
    Malformed,
    Expired,
    NotYetValid,
    WrongIssuer,
    WrongAudience,
    AlgorithmNotAllowed,
    UnknownKey,
    BadSignature,
    MissingClaims,
}
