namespace FhirFacade.Server.Security;

/// <summary>Carries the authenticated <see cref="FacadeCaller"/> on the request.</summary>
public static class CallerHttpContextExtensions
{
    private static readonly object Key = new();

    /// <summary>The caller of this request, or <see langword="null"/> for open endpoints.</summary>
    public static FacadeCaller? GetCaller(this HttpContext context) =>
        context.Items.TryGetValue(Key, out var caller) ? caller as FacadeCaller : null;

    internal static void SetCaller(this HttpContext context, FacadeCaller caller) => context.Items[Key] = caller;
}
