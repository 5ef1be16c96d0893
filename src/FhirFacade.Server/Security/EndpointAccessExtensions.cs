namespace FhirFacade.Server.Security;

/// <summary>Declares an endpoint's <see cref="EndpointAccess"/> where it is mapped.</summary>
public static class EndpointAccessExtensions
{
    /// <summary>Adds <paramref name="access"/> to the endpoint's metadata; the last one added is the one enforced.</summary>
    public static TBuilder WithAccess<TBuilder>(this TBuilder builder, EndpointAccess access)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(access);
        return builder.WithMetadata(access);
    }
}
