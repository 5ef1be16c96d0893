namespace FhirFacade.Server.Health;

/// <summary>
/// Where the process is in its life, as the readiness probe and the draining step see it: starting
/// until every hosted service (the server included) has started, serving, then draining from the moment
/// the host is asked to stop (SIGTERM). Draining never ends: a draining process only exits.
/// </summary>
internal sealed class FacadeLifecycle
{
    private volatile bool _started;
    private volatile bool _draining;

    /// <summary>Every hosted service has started; the server is listening.</summary>
    public bool IsStarted => _started;

    /// <summary>The host has been asked to stop: new requests are turned away.</summary>
    public bool IsDraining => _draining;

    public void MarkStarted() => _started = true;

    public void BeginDraining() => _draining = true;
}
