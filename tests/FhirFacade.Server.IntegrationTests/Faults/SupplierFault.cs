namespace FhirFacade.Server.IntegrationTests.Faults;

/// <summary>The faults of issue #5's matrix, as a test row names them (injected by <see cref="SupplierFaultInjector"/>).</summary>
public enum SupplierFault
{
    /// <summary>The supplier answers every request about the patient with 503.</summary>
    ServerError,

    /// <summary>The supplier's port is closed (the whole simulator, until cleared).</summary>
    ConnectionRefused,

    /// <summary>The supplier answers with a native document cut off part-way through.</summary>
    MalformedPayload,

    /// <summary>The supplier answers, but long after the facade's per-supplier timeout.</summary>
    Latency,

    /// <summary>The supplier never answers.</summary>
    Hang,

    /// <summary>The supplier answers with another patient's record.</summary>
    WrongPatient,

    /// <summary>Microtest: every bearer token is rejected, even one fetched after the first 401.</summary>
    TokenRejected,

    /// <summary>Microtest: the API and the token endpoint both answer 401 (the client credentials are refused).</summary>
    TokenEndpointRefuses,
}
