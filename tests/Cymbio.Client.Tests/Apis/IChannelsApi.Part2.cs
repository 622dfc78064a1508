using System.Threading.Tasks;
using Refit;

namespace Cymbio.Client.Tests.Apis;

/// <summary>The second part of <see cref="IChannelsApi"/>: no attribute on this part.</summary>
public partial interface IChannelsApi
{
    [Get("/v3/channels/{id}")]
    Task<Resource> GetChannelAsync(long id);

    [Get("/v3/channels/{id}/retailers")]
    [Cymbio.CymbioScope(Cymbio.CymbioScopes.ReadChannels, Cymbio.CymbioScopes.ReadRetailers)]
    Task<Resource> ListChannelRetailersAsync(long id);
}
