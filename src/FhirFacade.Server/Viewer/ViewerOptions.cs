namespace FhirFacade.Server.Viewer;

/// <summary>
/// The reference SMART viewer and the landing page (section <c>Facade:Viewer</c>). The viewer is on
/// in the embedded default (appsettings.json) and off unless configured; the landing page at
/// <c>/</c> is always served and links the viewer only when it is on.
/// </summary>
public sealed class ViewerOptions
{
    public const string SectionName = "Facade:Viewer";

    /// <summary>Serve the viewer at <c>/viewer/</c> (default off; on in appsettings.json).</summary>
    public bool Enabled { get; set; }
}
