namespace FhirFacade.Server.Security;

/// <summary>The result of checking a bearer token: the caller, or why it was refused.</summary>
public sealed record TokenValidationOutcome(FacadeCaller? Caller, TokenRejection? Rejection)
{
    public bool IsValid => Caller is not null;

    public static TokenValidationOutcome Accepted(FacadeCaller caller) => new(caller, null);

    public static TokenValidationOutcome Rejected(TokenRejection rejection) => new(null, rejection);

    /// <summary>A short reason for the <c>error_description</c>; says nothing about keys or internals.</summary>
    public static string Describe(TokenRejection rejection) => rejection switch
    {
        TokenRejection.Missing => "No bearer token was given.",
        TokenRejection.Malformed => "The access token is malformed.",
        TokenRejection.Expired => "The access token has expired.",
        TokenRejection.NotYetValid => "The access token is not yet valid.",
        TokenRejection.WrongIssuer => "The access token was not issued by an accepted issuer.",
        TokenRejection.WrongAudience => "The access token is not meant for this server.",
        TokenRejection.AlgorithmNotAllowed => "The access token's signature algorithm is not accepted.",
        TokenRejection.UnknownKey => "The access token is signed with an unknown key.",
        TokenRejection.BadSignature => "The access token's signature is not valid.",
        TokenRejection.MissingClaims => "The access token lacks required claims.",
        _ => "The access token is not valid.",
    };
}
