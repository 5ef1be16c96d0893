using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Model;
using FhirFacade.Fhir.Validation.Schema;

namespace FhirFacade.Fhir.Validation.Validators;

/// <summary>
/// A resource inside a resource (<c>contained</c>, <c>Bundle.entry.resource</c>, <c>Parameters.parameter.resource</c>),
/// and the root resource itself: validated against its core type's StructureDefinition and against
/// each profile in its <c>meta.profile</c> that resolves (one that does not is a warning).
/// </summary>
internal sealed class ResourceTarget : IElementValidator
{
    public static readonly ResourceTarget Instance = new();

    private const string MetaElement = "meta";
    private const string ProfileElement = "profile";

    /// <summary>Validates <paramref name="resource"/> against its type, its <c>meta.profile</c> and <paramref name="extraProfile"/>.</summary>
    public static void ValidateResource(ElementNode resource, ValidationContext context, string? extraProfile)
    {
        if (context.Depth >= ValidationContext.MaxDepth)
        {
            context.Error(ValidationCodes.TooDeep, IssueType.TooCostly, "resources are nested too deeply to validate", resource);
            return;
        }

        context.Depth++;
        try
        {
            var profiles = CollectProfiles(resource, context, extraProfile);
            var coversType = false;
            foreach (var profile in profiles)
            {
                coversType |= profile.Type == resource.InstanceType;
            }

            if (!coversType)
            {
                var core = context.Schemas.ForType(resource.InstanceType);
                if (core is null)
                {
                    context.Error(ValidationCodes.UnknownType, IssueType.NotSupported, $"'{resource.InstanceType}' is not a known resource type", resource);
                }
                else
                {
                    core.Validate(resource, context);
                }
            }

            foreach (var profile in profiles)
            {
                if (profile.Type != resource.InstanceType)
                {
                    context.Error(ValidationCodes.Profile, IssueType.Structure, $"profile {profile.Canonical} is for {profile.Type}, not {resource.InstanceType}", resource);
                    continue;
                }

                profile.Validate(resource, context);
            }
        }
        finally
        {
            context.Depth--;
        }
    }

    public void Validate(ElementNode node, ValidationContext context) => ValidateResource(node, context, null);

    private static List<ElementSchema> CollectProfiles(ElementNode resource, ValidationContext context, string? extraProfile)
    {
        var profiles = new List<ElementSchema>(2);
        if (extraProfile is not null)
        {
            Add(extraProfile, resource, context, profiles);
        }

        var meta = resource.Child(MetaElement);
        if (meta is not null)
        {
            foreach (var profile in meta.ChildrenNamed(ProfileElement))
            {
                if (profile.Text is { } canonical)
                {
                    Add(canonical, profile, context, profiles);
                }
            }
        }

        return profiles;
    }

    private static void Add(string canonical, ElementNode at, ValidationContext context, List<ElementSchema> profiles)
    {
        var schema = context.Schemas.ForCanonical(canonical);
        if (schema is null)
        {
            context.Warning(ValidationCodes.UnknownProfile, IssueType.NotFound, $"profile {canonical} cannot be resolved; the resource was not checked against it", at);
        }
        else if (!profiles.Contains(schema))
        {
            profiles.Add(schema);
        }
    }
}
