using System.Threading.Tasks;
using Refit;

namespace Cymbio.Client.Tests.Apis;

/// <summary>
/// The smoke and dependency-injection tests' interface: a read and a write against the scripted server, whose default
/// API answer (<c>{}</c>) a <see cref="string"/> result takes as it is (unlike <see cref="IFulfillmentsApi"/>'s list).
/// </summary>
[CymbioScope(CymbioScopes.ReadOrders)]
public interface ISmokeApi
{
    [Get("/v3/suppliers/{supplierId}/fulfillments")]
    Task<string> ListAsync(long supplierId);

    [Put("/v3/suppliers/{supplierId}/fulfillments/{id}/setStatus/accepted")]
    [CymbioScope(CymbioScopes.WriteFulfillments)]
    Task AcceptAsync(long supplierId, long id);
}
