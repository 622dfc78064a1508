using System.Threading.Tasks;
using Refit;

namespace Cymbio.Client.Tests.Apis;

/// <summary>A partial interface: the default is declared in this file, more methods in IChannelsApi.Part2.cs.</summary>
[Cymbio.CymbioScope(Cymbio.CymbioScopes.ReadChannels)]
public partial interface IChannelsApi
{
    [Get("/v3/channels")]
    Task<Resource> ListChannelsAsync();
}
