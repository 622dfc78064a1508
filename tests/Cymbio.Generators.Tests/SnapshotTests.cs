using System;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace Cymbio.Generators.Tests;

public sealed class SnapshotTests
{
    [Fact]
    public Task RepositoryManifest_EmitsConstantsEnvironmentsAndMetadata() =>
        Snapshot.VerifyAsync("RepositoryManifest", new[] { "namespace Consumer { internal static class Placeholder { } }" }, TestInputs.RepositoryManifest);

    [Fact]
    public Task ConsumerManifest_DefaultsNamespaceToAssemblyName_AndShadowsNothing() =>
        Snapshot.VerifyAsync("ConsumerManifest", new[]
        {
            """
            using System.Threading.Tasks;
            using Cymbio;
            using Refit;

            namespace TestProject;

            // Inside the project's namespace, CymbioScopes is the project's generated class: it must also name the
            // SDK's scopes, or this would not compile.
            [CymbioScope(CymbioScopes.ReadOrders)]
            public interface IOrdersApi
            {
                [Get("/v3/orders")]
                Task<string> ListAsync();
            }
            """,
        }, """
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

    [Fact]
    public Task CollidingNames_AreMadeUnique_AndCompile() =>
        Snapshot.VerifyAsync("Collisions", new[]
        {
            """
            using System.Threading.Tasks;
            using Cymbio;
            using Refit;

            namespace Sample.Collisions;

            // IRepo<T> and IRepo_1 would share a file name; Outer.IApi and IOuterApi a class name;
            // IApi and Iapi differ only in case, which file names do not tell apart.
            [CymbioScope(CymbioScopes.ReadOrders)]
            public interface IRepo<T> { [Get("/repo")] Task<T> GetAsync(); }

            [CymbioScope(CymbioScopes.ReadOrders)]
            public interface IRepo_1 { [Get("/repo1")] Task<string> GetAsync(); }

            public static class Outer
            {
                [CymbioScope(CymbioScopes.ReadSuppliers)]
                public interface IApi { [Get("/outer")] Task<string> GetAsync(); }
            }

            [CymbioScope(CymbioScopes.ReadRetailers)]
            public interface IOuterApi { [Get("/outer-api")] Task<string> GetAsync(); }

            [CymbioScope(CymbioScopes.ReadChannels)]
            public interface IApi { [Get("/api")] Task<string> GetAsync(); }

            [CymbioScope(CymbioScopes.ReadChannels)]
            public interface Iapi { [Get("/lower")] Task<string> GetAsync(); }

            // Numbered overload members must not swallow a method that is literally named like one.
            public interface IMembersApi
            {
                [Get("/a")] [CymbioScope(CymbioScopes.ReadOrders)] Task<string> GetAsync();
                [Get("/a/{id}")] [CymbioScope(CymbioScopes.ReadVariants)] Task<string> GetAsync(long id);
                [Get("/b")] [CymbioScope(CymbioScopes.ReadInventory)] Task<string> GetAsync_1();
                [Get("/c")] [CymbioScope(CymbioScopes.ReadWarehouses)] Task<string> Operations();
                [Get("/d")] [CymbioScope(CymbioScopes.ReadWarehouses)] Task<string> MembersApiScopes();
                [Get("/e")] [CymbioScope(CymbioScopes.ReadWarehouses)] Task<string> @event();
                [Get("/f")] [CymbioScope(CymbioScopes.ReadWarehouses)] Task<string> GetType(long id);
            }

            // A file-local interface cannot be named from another file: no table.
            [CymbioScope(CymbioScopes.ReadOrders)]
            file interface IFileLocalApi { [Get("/file")] Task<string> GetAsync(); }
            """,
        });

    [Fact]
    public Task ConstantsFromTheProjectsOwnManifest_AreResolvedByName() =>
        Snapshot.VerifyAsync(
            "OwnManifestConstants",
            new[]
            {
                """
                using System.Threading.Tasks;
                using Cymbio;
                using Refit;

                namespace Contoso;

                // Contoso.Purchasing.CymbioScopes is generated from this project's scopes.json, so while generators
                // run the compiler cannot bind it yet; the generator resolves it by name against the manifest.
                [CymbioScope(Cymbio.CymbioScopes.ReadOrders, Contoso.Purchasing.CymbioScopes.ReadPurchaseOrders)]
                public interface IPurchaseOrdersApi
                {
                    [Get("/v3/purchase-orders")]
                    Task<string> ListAsync();

                    [Post("/v3/purchase-orders")]
                    [CymbioScope(new[] { Contoso.Purchasing.CymbioScopes.WritePurchaseOrders, "write:orders" })]
                    Task CreateAsync();

                    // A constant whose value depends on generated code: referenced by name in the generated table.
                    [Put("/v3/purchase-orders/{id}")]
                    [CymbioScope(scopes: PurchasingScopes.Update)]
                    Task UpdateAsync(long id);
                }

                internal static class PurchasingScopes
                {
                    public const string Update = Contoso.Purchasing.CymbioScopes.WritePurchaseOrders;
                }
                """,
            },
            """
            {
              "namespace": "Contoso.Purchasing",
              "scopes": [
                { "name": "read:purchase-orders", "description": "Reads purchase orders" },
                { "name": "write:purchase-orders", "description": "Creates purchase orders" }
              ]
            }
            """);

    /// <summary>
    /// Samples/Aggregates.cs: a supplier aggregate over two interfaces whose properties collide (scope default and
    /// override, several scopes, <c>[CymbioNoScope]</c>, an undeclared method, a method without the account id, a fixed
    /// body, defaults, a generic method, an inherited method), <c>AccountParameter</c>, <c>CymbioAccount.None</c>, an
    /// aggregate nested in a class, and a public aggregate over an internal interface.
    /// </summary>
    [Fact]
    public Task AggregateClients() =>
        Snapshot.VerifyAsync("Aggregates", new[] { File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", "Aggregates.cs")) });
}
