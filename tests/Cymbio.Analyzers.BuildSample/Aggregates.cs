using System.Threading.Tasks;
using Cymbio;
using Cymbio.Api;
using Cymbio.Api.Suppliers;

namespace Cymbio.Analyzers.BuildSample;

// BuildSampleTests asserts the warnings of this file by line and column: keep the lines where they are.
public static class Aggregates
{
    public static async Task ThroughTheClientAsync()
    {
        using var cymbio = new CymbioClient(new CymbioClientOptions { SupplierId = 88, Grants = { CymbioScopes.ReadOrders } });
        await cymbio.Supplier.Fulfillments.ListAsync();
        await cymbio.Supplier.Fulfillments.AcceptAsync(929, new AcceptFulfillmentRequest());
        var supplier = cymbio.Supplier;
        var inventory = supplier.Inventory;
        await inventory.SetLevelsAsync(5, [new InventoryLevel(3, Sku: "A1")]);
    }
}

// Injected (AddSupplier), the aggregate has no traceable client: the enclosing grants decide.
[CymbioGrants(CymbioScopes.ReadOrders)]
public sealed class InjectedSupplier(CymbioSupplierClient supplier)
{
    public Task ListAsync() => supplier.Fulfillments.ListAsync();

    public Task ShipAsync() => supplier.Fulfillments.ShipAsync(929, new ShipFulfillmentRequest("1Z"));
}
