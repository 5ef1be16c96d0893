using FhirFacade.Audit;

namespace FhirFacade.Server.Auditing;

/// <summary>Registers the audit trail (store chosen by configuration) and the per-request audit.</summary>
public static class AuditingServiceCollectionExtensions
{
    public static IServiceCollection AddRequestAuditing(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddFhirFacadeAudit(configuration);
        services.AddSingleton<AuditOutcomeWriter>();
        return services;
    }

    /// <summary>Audits every request; goes right after the correlation id and before the exception handler.</summary>
    public static IApplicationBuilder UseRequestAuditing(this IApplicationBuilder app) => app.UseMiddleware<AuditMiddleware>();
}
