using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using FhirFacade.Core.Suppliers;
using Microsoft.Extensions.Options;

namespace FhirFacade.Core.Location;

/// <summary>The organisation directory read from configuration at start-up.</summary>
internal sealed class ConfiguredOrganisationDirectory : IOrganisationDirectory
{
    private readonly FrozenDictionary<string, OrganisationEndpoint> _byOds;

    public ConfiguredOrganisationDirectory(IOptions<OrganisationDirectoryOptions> options)
    {
        All = [.. options.Value.Organisations.OrderBy(o => o.OdsCode, StringComparer.Ordinal)];
        _byOds = All.ToFrozenDictionary(o => o.OdsCode, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<OrganisationEndpoint> All { get; }

    public bool TryGet(string odsCode, [NotNullWhen(true)] out OrganisationEndpoint? organisation) =>
        _byOds.TryGetValue(odsCode, out organisation);
}
