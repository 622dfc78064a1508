using System.Threading.Tasks;
using Xunit;

namespace Cymbio.Generators.Tests;

public sealed class SnapshotTests
{
    [Fact]
    public Task RepositoryManifest_EmitsConstantsEnvironmentsAndMetadata() =>
        Snapshot.VerifyAsync("RepositoryManifest", new[] { "namespace Consumer { internal static class Placeholder { } }" }, TestEnvironment.RepositoryManifest);

    [Fact]
    public Task ConsumerManifest_DefaultsNamespaceToAssemblyName() =>
        Snapshot.VerifyAsync("ConsumerManifest", new[] { "namespace Consumer { internal static class Placeholder { } }" }, """
            {
              "scopes": [
                { "name": "read:purchase-orders", "description": "Reads purchase orders <PO> & receipts" },
                { "name": "write:purchase-orders" }
              ],
              "grants": [ "read:orders", "read:purchase-orders" ]
            }
            """);

    [Fact]
    public Task InterfaceDefault_MethodOverride_SeveralAttributes_Overloads() =>
        Snapshot.VerifyAsync("Fulfillments", new[]
        {
            """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Cymbio;
            using Refit;

            namespace Sample.Supplier;

            public sealed record Fulfillment(long Id, string State);

            [CymbioScope(CymbioScopes.ReadOrders)]
            public interface IFulfillmentsApi
            {
                [Get("/v3/suppliers/{supplierId}/fulfillments")]
                Task<IReadOnlyList<Fulfillment>> ListAsync(long supplierId, [Query] string? filter = null);

                [Get("/v3/suppliers/{supplierId}/fulfillments/{id}")]
                Task<Fulfillment> GetAsync(long supplierId, long id);

                [Put("/v3/suppliers/{supplierId}/fulfillments/{id}/setStatus/accepted")]
                [CymbioScope(CymbioScopes.WriteFulfillments)]
                Task AcceptAsync(long supplierId, long id);

                [Put("/v3/suppliers/{supplierId}/fulfillments/{id}/setStatus/{status}")]
                [CymbioScope(CymbioScopes.WriteFulfillments)]
                [CymbioScope(CymbioScopes.ReadOrders, CymbioScopes.WriteOrders)]
                Task SetStatusAsync(long supplierId, long id, string status);

                [Put("/v3/suppliers/{supplierId}/fulfillments/{id}/setStatus/{status}")]
                [CymbioScope(CymbioScopes.WriteFulfillments)]
                Task SetStatusAsync(long supplierId, long id, string status, [Body] object body);

                [Post("/v3/suppliers/{supplierId}/fulfillments/shipments")]
                [CymbioScope(CymbioScopes.WriteFulfillments)]
                Task ShipAsync(long supplierId, [Body] object shipments);
            }
            """,
        });

    [Fact]
    public Task DerivedInterfaceWithoutAttribute_CoversInheritedMethods() =>
        Snapshot.VerifyAsync("Inheritance", new[]
        {
            """
            using System.Threading.Tasks;
            using Cymbio;
            using Refit;

            namespace Sample;

            [CymbioScope(CymbioScopes.ReadOrders)]
            public interface IOrdersApi
            {
                [Get("/v3/retailers/{retailerId}/orders")]
                Task<string> ListOrdersAsync(long retailerId);
            }

            public interface IInventoryApi
            {
                [Put("/v3/suppliers/{supplierId}/warehouses/{warehouseId}/inventory")]
                [CymbioScope(CymbioScopes.WriteInventory)]
                Task PushAsync(long supplierId, long warehouseId, [Body] object levels);
            }

            public interface IRetailerApi : IOrdersApi, IInventoryApi
            {
            }

            [CymbioScope(CymbioScopes.ReadChannels)]
            public interface IChannelsApi : IOrdersApi
            {
                [Get("/v3/channels")]
                Task<string> ListChannelsAsync();
            }
            """,
        });

    [Fact]
    public Task GenericNestedGlobalInternalAndPartialInterfaces() =>
        Snapshot.VerifyAsync("Shapes", new[]
        {
            """
            using System.Threading.Tasks;
            using Cymbio;
            using Refit;

            [CymbioScope(CymbioScopes.ReadVariants)]
            public interface IGlobalApi
            {
                [Get("/v3/variants/{id}")]
                Task<string> GetVariantAsync(long id);
            }

            namespace Sample.Shapes
            {
                [CymbioScope(CymbioScopes.ReadWarehouses)]
                public interface IRepository<TItem>
                {
                    [Get("/v3/suppliers/{supplierId}/warehouses")]
                    Task<TItem[]> ListAsync(long supplierId);

                    [Get("/v3/suppliers/{supplierId}/warehouses/{id}")]
                    Task<TItem> GetAsync<TKey>(long supplierId, TKey id);
                }

                public static class Outer
                {
                    public interface INestedApi
                    {
                        [Get("/v3/suppliers/{supplierId}")]
                        [CymbioScope(CymbioScopes.ReadSuppliers)]
                        Task<string> GetSupplierAsync(long supplierId);
                    }
                }

                [CymbioScope(CymbioScopes.ReadRetailers)]
                internal partial interface IInternalApi
                {
                    [Get("/v3/retailers/{retailerId}")]
                    Task<string> GetRetailerAsync(long retailerId);
                }
            }
            """,
            """
            using System.Threading.Tasks;
            using Cymbio;
            using Refit;

            namespace Sample.Shapes;

            internal partial interface IInternalApi
            {
                [Put("/v3/retailers/{retailerId}")]
                [CymbioScope(CymbioScopes.WriteRetailers)]
                Task UpdateRetailerAsync(long retailerId, [Body] object retailer);
            }
            """,
        });
}
