using System.Globalization;
using FhirFacade.Core.Errors;
using FhirFacade.Core.Paging;
using FhirFacade.Core.Search;
using FhirFacade.Server.Http;

namespace FhirFacade.Server.Endpoints;

/// <summary>Follows a paging link (<c>_page</c>): the search it was issued for, its page size and offset, or 400 when it is not one of ours.</summary>
internal static class PagingLinks
{
    /// <summary>
    /// When <paramref name="parameters"/> hold a <c>_page</c> token issued for <paramref name="scope"/> (the searched type, or the
    /// operation's route), returns the token's query with its <c>_count</c> and sets <paramref name="offset"/>; otherwise returns
    /// the parameters unchanged with offset 0. A token that does not decode, or names another scope, is 400 with <paramref name="invalid"/>.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Resume(PageTokenCodec codec, IReadOnlyList<KeyValuePair<string, string>> parameters, string scope, string invalid, out int offset)
    {
        offset = 0;
        if (parameters.FirstOrDefault(p => p.Key == SearchParameterNames.Page) is not { Key: not null } page)
        {
            return parameters;
        }

        if (!codec.TryDecode(page.Value, out var token) || token.ResourceType != scope)
        {
            throw FacadeException.BadRequest(invalid, SearchParameterNames.Page);
        }

        offset = token.Offset;
        return [.. RequestParameters.Parse(token.Query), KeyValuePair.Create(SearchParameterNames.Count, token.Count.ToString(CultureInfo.InvariantCulture))];
    }
}
