using System;
using System.Collections.Generic;
using System.Linq;
using Cymbio.Client.Tests.Apis;
using Xunit;

namespace Cymbio.Client.Tests;

public sealed class CymbioScopeRegistryTests
{
    private static ScopeSet Scopes(params string[] scopes) => ScopeSet.Create(scopes);

    private static ScopeSet Lookup(Type interfaceType, string methodName, string? httpMethod, string? routeTemplate)
    {
        Assert.True(
            CymbioScopeRegistry.TryGetOperation(interfaceType, methodName, httpMethod, routeTemplate, out var operation),
            $"No operation for {interfaceType.Name}.{methodName} ({httpMethod} {routeTemplate}).");
        Assert.Equal(methodName, operation.MethodName);
        return operation.Scopes;
    }

    // ---- Interface-level default, method-level override, several attributes ----

    [Fact]
    public void InterfaceLevelAttribute_IsTheDefault()
    {
        Assert.True(CymbioScopeRegistry.IsRegistered(typeof(IFulfillmentsApi)));
        Assert.Equal(
            Scopes(CymbioScopes.ReadOrders),
            Lookup(typeof(IFulfillmentsApi), nameof(IFulfillmentsApi.ListAsync), "GET", "/v3/suppliers/{supplierId}/fulfillments"));
    }

    [Fact]
    public void MethodLevelAttribute_ReplacesTheDefault()
    {
        var scopes = Lookup(typeof(IFulfillmentsApi), nameof(IFulfillmentsApi.AcceptAsync), "PUT", "/v3/suppliers/{supplierId}/fulfillments/{id}/setStatus/accepted");

        Assert.Equal(Scopes(CymbioScopes.WriteFulfillments), scopes);
        Assert.False(scopes.Contains(CymbioScopes.ReadOrders));
    }

    [Fact]
    public void SeveralAttributes_AreAllRequired()
    {
        var scopes = Lookup(typeof(IFulfillmentsApi), nameof(IFulfillmentsApi.ShipAsync), "POST", "/v3/suppliers/{supplierId}/fulfillments/{id}/shipments");

        Assert.Equal(Scopes(CymbioScopes.ReadOrders, CymbioScopes.WriteFulfillments, CymbioScopes.WriteOrders), scopes);
        Assert.Equal("read:orders write:fulfillments write:orders", scopes.ToString());
    }

    [Fact]
    public void MethodLevelAttributesOnly_EveryMethodHasItsOwn()
    {
        Assert.Equal(Scopes(CymbioScopes.ReadSuppliers), Lookup(typeof(ISuppliersApi), nameof(ISuppliersApi.GetSupplierAsync), "GET", "/v3/suppliers/{id}"));
        Assert.Equal(Scopes(CymbioScopes.WriteSuppliers), Lookup(typeof(ISuppliersApi), nameof(ISuppliersApi.CreateSupplierAsync), "POST", "/v3/suppliers"));
        Assert.Equal(Scopes(CymbioScopes.ReadSuppliers), SuppliersApiScopes.GetSupplierAsync);
        Assert.Equal(Scopes(CymbioScopes.WriteSuppliers), SuppliersApiScopes.CreateSupplierAsync);
    }

    // ---- The whole table ----

    [Fact]
    public void GetOperations_ListsEveryOperationInDeclarationOrder()
    {
        var operations = CymbioScopeRegistry.GetOperations(typeof(IFulfillmentsApi));

        Assert.Equal(
            new[]
            {
                "ListAsync GET /v3/suppliers/{supplierId}/fulfillments read:orders",
                "GetAsync GET /v3/suppliers/{supplierId}/fulfillments/{id} read:orders",
                "GetAsync GET /v3/fulfillments/{id}?expand=supplier read:orders read:suppliers",
                "AcceptAsync PUT /v3/suppliers/{supplierId}/fulfillments/{id}/setStatus/accepted write:fulfillments",
                "ShipAsync POST /v3/suppliers/{supplierId}/fulfillments/{id}/shipments read:orders write:fulfillments write:orders",
                "UpdateAsync PUT /v3/fulfillments/{id} write:fulfillments",
                "UpdateAsync PATCH /v3/fulfillments/{id} write:fulfillments write:orders",
                "CancelAsync DELETE /v3/fulfillments/{id} write:fulfillments",
            },
            operations.Select(o => $"{o.MethodName} {o.HttpMethod} {o.RouteTemplate} {o.Scopes}"));
    }

    [Fact]
    public void GeneratedView_EqualsWhatTheRegistryReturns()
    {
        Assert.Equal(FulfillmentsApiScopes.Operations, CymbioScopeRegistry.GetOperations(typeof(IFulfillmentsApi)));

        var list = Lookup(typeof(IFulfillmentsApi), nameof(IFulfillmentsApi.ListAsync), "GET", "/v3/suppliers/{supplierId}/fulfillments");
        Assert.Equal(FulfillmentsApiScopes.ListAsync, list);
        Assert.Same(FulfillmentsApiScopes.ListAsync, list);

        Assert.Equal(FulfillmentsApiScopes.AcceptAsync, Lookup(typeof(IFulfillmentsApi), "AcceptAsync", "PUT", "/v3/suppliers/{supplierId}/fulfillments/{id}/setStatus/accepted"));
        Assert.Equal(FulfillmentsApiScopes.ShipAsync, Lookup(typeof(IFulfillmentsApi), "ShipAsync", "POST", "/v3/suppliers/{supplierId}/fulfillments/{id}/shipments"));
        Assert.Equal(FulfillmentsApiScopes.CancelAsync, Lookup(typeof(IFulfillmentsApi), "CancelAsync", "DELETE", "/v3/fulfillments/{id}"));

        // Overloads with different scopes get numbered members, in declaration order.
        Assert.Equal(FulfillmentsApiScopes.GetAsync_1, Lookup(typeof(IFulfillmentsApi), "GetAsync", "GET", "/v3/suppliers/{supplierId}/fulfillments/{id}"));
        Assert.Equal(FulfillmentsApiScopes.GetAsync_2, Lookup(typeof(IFulfillmentsApi), "GetAsync", "GET", "/v3/fulfillments/{id}?expand=supplier"));
        Assert.Equal(FulfillmentsApiScopes.UpdateAsync_1, Lookup(typeof(IFulfillmentsApi), "UpdateAsync", "PUT", "/v3/fulfillments/{id}"));
        Assert.Equal(FulfillmentsApiScopes.UpdateAsync_2, Lookup(typeof(IFulfillmentsApi), "UpdateAsync", "PATCH", "/v3/fulfillments/{id}"));
    }

    [Fact]
    public void GeneratedView_EveryOperationOfEveryTableResolvesToItself()
    {
        var tables = new (Type Interface, IReadOnlyList<CymbioOperation> Operations)[]
        {
            (typeof(IFulfillmentsApi), FulfillmentsApiScopes.Operations),
            (typeof(IBase), BaseScopes.Operations),
            (typeof(IDerived), DerivedScopes.Operations),
            (typeof(IGrandchild), GrandchildScopes.Operations),
            (typeof(IDerivedWithOwnScope), DerivedWithOwnScopeScopes.Operations),
            (typeof(IRepo<>), RepoOfTScopes.Operations),
            (typeof(IResourceRepo), ResourceRepoScopes.Operations),
            (typeof(Outer.IApi), OuterApiScopes.Operations),
            (typeof(IInternalWarehousesApi), InternalWarehousesApiScopes.Operations),
            (typeof(ISuppliersApi), SuppliersApiScopes.Operations),
            (typeof(IChannelsApi), ChannelsApiScopes.Operations),
            (typeof(ISameScopeOverloadsApi), SameScopeOverloadsApiScopes.Operations),
        };

        foreach (var (type, operations) in tables)
        {
            Assert.NotEmpty(operations);
            Assert.Equal(operations, CymbioScopeRegistry.GetOperations(type));
            foreach (var operation in operations)
            {
                Assert.NotNull(operation.HttpMethod);
                Assert.NotNull(operation.RouteTemplate);
                Assert.True(CymbioScopeRegistry.TryGetOperation(type, operation.MethodName, operation.HttpMethod, operation.RouteTemplate, out var found));
                Assert.Equal(operation, found);
            }
        }
    }

    // ---- Overloads ----

    [Fact]
    public void Overloads_ToldApartByRouteTemplate()
    {
        Assert.Equal(Scopes(CymbioScopes.ReadOrders), Lookup(typeof(IFulfillmentsApi), "GetAsync", "GET", "/v3/suppliers/{supplierId}/fulfillments/{id}"));
        Assert.Equal(Scopes(CymbioScopes.ReadOrders, CymbioScopes.ReadSuppliers), Lookup(typeof(IFulfillmentsApi), "GetAsync", "GET", "/v3/fulfillments/{id}?expand=supplier"));
    }

    [Fact]
    public void Overloads_RouteTemplateIsMatchedExactly()
    {
        // Without its query part the template names neither overload: the registry fails closed and requires both.
        Assert.Equal(
            Scopes(CymbioScopes.ReadOrders, CymbioScopes.ReadSuppliers),
            Lookup(typeof(IFulfillmentsApi), "GetAsync", "GET", "/v3/fulfillments/{id}"));
    }

    [Fact]
    public void Overloads_ToldApartByHttpMethod()
    {
        Assert.Equal(Scopes(CymbioScopes.WriteFulfillments), Lookup(typeof(IFulfillmentsApi), "UpdateAsync", "PUT", "/v3/fulfillments/{id}"));
        Assert.Equal(Scopes(CymbioScopes.WriteFulfillments, CymbioScopes.WriteOrders), Lookup(typeof(IFulfillmentsApi), "UpdateAsync", "PATCH", "/v3/fulfillments/{id}"));

        // The HTTP method alone is enough, and it is compared case-insensitively.
        Assert.Equal(Scopes(CymbioScopes.WriteFulfillments), Lookup(typeof(IFulfillmentsApi), "UpdateAsync", "put", null));
        Assert.Equal(Scopes(CymbioScopes.WriteFulfillments, CymbioScopes.WriteOrders), Lookup(typeof(IFulfillmentsApi), "UpdateAsync", "Patch", null));
    }

    [Fact]
    public void Overloads_NothingToTellThemApart_RequiresEveryOverloadsScopes()
    {
        var union = Scopes(CymbioScopes.ReadOrders, CymbioScopes.ReadSuppliers);

        Assert.Equal(union, Lookup(typeof(IFulfillmentsApi), "GetAsync", null, null));
        Assert.Equal(union, Lookup(typeof(IFulfillmentsApi), "GetAsync", "GET", null));
        Assert.Equal(union, Lookup(typeof(IFulfillmentsApi), "GetAsync", "DELETE", null));
        Assert.Equal(union, Lookup(typeof(IFulfillmentsApi), "GetAsync", "GET", "/somewhere/else"));
    }

    [Fact]
    public void Overloads_IdenticalNameVerbAndRoute_ResolveToTheUnion()
    {
        var operations = CymbioScopeRegistry.GetOperations(typeof(IAmbiguousApi));
        Assert.Equal(2, operations.Count);
        Assert.Equal(Scopes(CymbioScopes.ReadVariants), AmbiguousApiScopes.FindAsync_1);
        Assert.Equal(Scopes(CymbioScopes.ReadInventory), AmbiguousApiScopes.FindAsync_2);

        Assert.True(CymbioScopeRegistry.TryGetOperation(typeof(IAmbiguousApi), "FindAsync", "GET", "/v3/variants/{id}", out var operation));
        Assert.Equal(Scopes(CymbioScopes.ReadInventory, CymbioScopes.ReadVariants), operation.Scopes);
        Assert.Equal("GET", operation.HttpMethod);
        Assert.Equal("/v3/variants/{id}", operation.RouteTemplate);
    }

    [Fact]
    public void Overloads_IdenticalNameVerbRouteAndScopes_ResolveToTheirScopes()
    {
        Assert.Equal(Scopes(CymbioScopes.ReadOrders), SameScopeOverloadsApiScopes.FindAsync);
        Assert.Equal(2, SameScopeOverloadsApiScopes.Operations.Count);

        Assert.True(CymbioScopeRegistry.TryGetOperation(typeof(ISameScopeOverloadsApi), "FindAsync", "GET", "/v3/orders/{id}", out var operation));
        Assert.Equal(Scopes(CymbioScopes.ReadOrders), operation.Scopes);
        Assert.Same(SameScopeOverloadsApiScopes.Operations[0], operation);
    }

    // Regression: the overloads of GetAsync differ in scopes, so their members are GetAsync_1 and GetAsync_2, and a
    // method literally named GetAsync_1() once lost its own member to the overload (it then required read:orders).
    [Fact]
    public void MethodNamedLikeANumberedOverloadMember_KeepsItsOwnScopes()
    {
        Assert.Equal(Scopes(CymbioScopes.ReadOrders), Lookup(typeof(ICollidingMemberNamesApi), "GetAsync", "GET", "/v3/orders/{id}"));
        Assert.Equal(Scopes(CymbioScopes.ReadOrders, CymbioScopes.ReadRetailers), Lookup(typeof(ICollidingMemberNamesApi), "GetAsync", "GET", "/v3/orders/by-number/{number}"));
        Assert.Equal(Scopes(CymbioScopes.ReadInventory), Lookup(typeof(ICollidingMemberNamesApi), "GetAsync_1", "GET", "/v3/inventory"));
    }

    // ---- Inheritance ----

    [Fact]
    public void InheritedMethods_AppearInTheDerivedInterfacesTable()
    {
        Assert.True(CymbioScopeRegistry.IsRegistered(typeof(IDerived)));
        Assert.Equal(
            new[] { "GetVariantAsync", "CreateVariantAsync" },
            CymbioScopeRegistry.GetOperations(typeof(IDerived)).Select(o => o.MethodName));

        Assert.Equal(Scopes(CymbioScopes.ReadVariants), Lookup(typeof(IDerived), nameof(IBase.GetVariantAsync), "GET", "/v3/variants/{id}"));
        Assert.Equal(Scopes(CymbioScopes.WriteVariants), Lookup(typeof(IDerived), nameof(IBase.CreateVariantAsync), "POST", "/v3/variants"));
        Assert.Equal(Scopes(CymbioScopes.ReadVariants), DerivedScopes.GetVariantAsync);
        Assert.Equal(Scopes(CymbioScopes.WriteVariants), DerivedScopes.CreateVariantAsync);
        Assert.Equal(BaseScopes.Operations, DerivedScopes.Operations);
    }

    [Fact]
    public void InheritedMethods_TwoLevelsDown()
    {
        Assert.Equal(Scopes(CymbioScopes.ReadVariants), Lookup(typeof(IGrandchild), nameof(IBase.GetVariantAsync), "GET", "/v3/variants/{id}"));
        Assert.Equal(Scopes(CymbioScopes.WriteVariants), Lookup(typeof(IGrandchild), nameof(IBase.CreateVariantAsync), "POST", "/v3/variants"));
        Assert.Equal(BaseScopes.Operations, GrandchildScopes.Operations);
    }

    [Fact]
    public void InheritedMethods_KeepTheDeclaringInterfacesDefault()
    {
        Assert.Equal(Scopes(CymbioScopes.ReadWarehouses), Lookup(typeof(IDerivedWithOwnScope), nameof(IDerivedWithOwnScope.ListWarehousesAsync), "GET", "/v3/warehouses"));
        Assert.Equal(Scopes(CymbioScopes.ReadVariants), Lookup(typeof(IDerivedWithOwnScope), nameof(IBase.GetVariantAsync), "GET", "/v3/variants/{id}"));
        Assert.Equal(Scopes(CymbioScopes.WriteVariants), Lookup(typeof(IDerivedWithOwnScope), nameof(IBase.CreateVariantAsync), "POST", "/v3/variants"));
        Assert.Equal(3, CymbioScopeRegistry.GetOperations(typeof(IDerivedWithOwnScope)).Count);
    }

    [Fact]
    public void BaseInterface_HasOnlyItsOwnMethods()
    {
        Assert.Equal(
            new[] { "GetVariantAsync", "CreateVariantAsync" },
            CymbioScopeRegistry.GetOperations(typeof(IBase)).Select(o => o.MethodName));
        Assert.False(CymbioScopeRegistry.TryGetOperation(typeof(IBase), nameof(IDerivedWithOwnScope.ListWarehousesAsync), "GET", "/v3/warehouses", out _));
    }

    // ---- Generic, nested, internal, partial ----

    [Fact]
    public void GenericInterface_IsFoundThroughAConstructedType()
    {
        Assert.True(CymbioScopeRegistry.IsRegistered(typeof(IRepo<string>)));
        Assert.True(CymbioScopeRegistry.IsRegistered(typeof(IRepo<Resource>)));
        Assert.True(CymbioScopeRegistry.IsRegistered(typeof(IRepo<>)));

        Assert.Equal(Scopes(CymbioScopes.ReadInventory), Lookup(typeof(IRepo<string>), "GetAsync", "GET", "/v3/items/{id}"));
        Assert.Equal(Scopes(CymbioScopes.WriteInventory), Lookup(typeof(IRepo<string>), "AddAsync", "POST", "/v3/items"));
        Assert.Equal(Scopes(CymbioScopes.ReadInventory), Lookup(typeof(IRepo<int>), "GetAsync", "GET", "/v3/items/{id}"));
        Assert.Equal(RepoOfTScopes.Operations, CymbioScopeRegistry.GetOperations(typeof(IRepo<string>)));
        Assert.Equal(Scopes(CymbioScopes.ReadInventory), RepoOfTScopes.GetAsync);
        Assert.Equal(Scopes(CymbioScopes.WriteInventory), RepoOfTScopes.AddAsync);
    }

    [Fact]
    public void InterfaceInheritingAConstructedGenericInterface_HasTheInheritedOperations()
    {
        Assert.Equal(Scopes(CymbioScopes.ReadInventory), Lookup(typeof(IResourceRepo), "GetAsync", "GET", "/v3/items/{id}"));
        Assert.Equal(Scopes(CymbioScopes.WriteInventory), Lookup(typeof(IResourceRepo), "AddAsync", "POST", "/v3/items"));
        Assert.Equal(RepoOfTScopes.Operations, ResourceRepoScopes.Operations);
    }

    [Fact]
    public void NestedInterface_IsRegistered()
    {
        Assert.True(CymbioScopeRegistry.IsRegistered(typeof(Outer.IApi)));
        Assert.Equal(Scopes(CymbioScopes.ReadRetailers), Lookup(typeof(Outer.IApi), nameof(Outer.IApi.ListRetailersAsync), "GET", "/v3/retailers"));
        Assert.Equal(Scopes(CymbioScopes.WriteRetailers), Lookup(typeof(Outer.IApi), nameof(Outer.IApi.CreateRetailerAsync), "POST", "/v3/retailers"));
        Assert.Equal(Scopes(CymbioScopes.ReadRetailers), OuterApiScopes.ListRetailersAsync);
        Assert.Equal(Scopes(CymbioScopes.WriteRetailers), OuterApiScopes.CreateRetailerAsync);
    }

    [Fact]
    public void InternalInterface_IsRegistered_AndItsTableIsInternal()
    {
        Assert.True(CymbioScopeRegistry.IsRegistered(typeof(IInternalWarehousesApi)));
        Assert.Equal(Scopes(CymbioScopes.ReadWarehouses), Lookup(typeof(IInternalWarehousesApi), nameof(IInternalWarehousesApi.GetWarehouseAsync), "GET", "/v3/warehouses/{id}"));
        Assert.Equal(Scopes(CymbioScopes.WriteWarehouses), Lookup(typeof(IInternalWarehousesApi), nameof(IInternalWarehousesApi.UpdateWarehouseAsync), "PUT", "/v3/warehouses/{id}"));
        Assert.Equal(Scopes(CymbioScopes.WriteWarehouses), InternalWarehousesApiScopes.UpdateWarehouseAsync);

        Assert.False(typeof(InternalWarehousesApiScopes).IsPublic);
        Assert.True(typeof(FulfillmentsApiScopes).IsPublic);
    }

    [Fact]
    public void PartialInterface_CoversBothFiles()
    {
        Assert.Equal(
            new[] { "ListChannelsAsync", "GetChannelAsync", "ListChannelRetailersAsync" },
            CymbioScopeRegistry.GetOperations(typeof(IChannelsApi)).Select(o => o.MethodName));

        // The default declared in one file applies to methods declared in the other.
        Assert.Equal(Scopes(CymbioScopes.ReadChannels), Lookup(typeof(IChannelsApi), nameof(IChannelsApi.ListChannelsAsync), "GET", "/v3/channels"));
        Assert.Equal(Scopes(CymbioScopes.ReadChannels), Lookup(typeof(IChannelsApi), nameof(IChannelsApi.GetChannelAsync), "GET", "/v3/channels/{id}"));
        Assert.Equal(Scopes(CymbioScopes.ReadChannels, CymbioScopes.ReadRetailers), Lookup(typeof(IChannelsApi), nameof(IChannelsApi.ListChannelRetailersAsync), "GET", "/v3/channels/{id}/retailers"));
    }

    // ---- Misses ----

    [Fact]
    public void UnregisteredType_IsNotFound()
    {
        foreach (var type in new[] { typeof(IUnscopedApi), typeof(string), typeof(CymbioScopeRegistryTests), typeof(IEnumerable<int>) })
        {
            Assert.False(CymbioScopeRegistry.IsRegistered(type));
            Assert.Empty(CymbioScopeRegistry.GetOperations(type));
            Assert.False(CymbioScopeRegistry.TryGetOperation(type, "PingAsync", "GET", "/ping", out var operation));
            Assert.Null(operation);
        }
    }

    [Fact]
    public void UnknownMethod_IsNotFound()
    {
        Assert.False(CymbioScopeRegistry.TryGetOperation(typeof(IFulfillmentsApi), "DeleteEverythingAsync", "DELETE", "/", out var operation));
        Assert.Null(operation);

        // Method names are case-sensitive.
        Assert.False(CymbioScopeRegistry.TryGetOperation(typeof(IFulfillmentsApi), "listasync", "GET", "/v3/suppliers/{supplierId}/fulfillments", out _));
    }

    [Fact]
    public void NullArguments_AreRejected()
    {
        Assert.Throws<ArgumentNullException>(() => CymbioScopeRegistry.IsRegistered(null!));
        Assert.Throws<ArgumentNullException>(() => CymbioScopeRegistry.GetOperations(null!));
        Assert.Throws<ArgumentNullException>(() => CymbioScopeRegistry.TryGetOperation(null!, "ListAsync", null, null, out _));
        Assert.Throws<ArgumentNullException>(() => CymbioScopeRegistry.TryGetOperation(typeof(IFulfillmentsApi), null!, null, null, out _));
        Assert.Throws<ArgumentNullException>(() => CymbioScopeRegistry.Register(null!, () => Array.Empty<CymbioOperation>()));
        Assert.Throws<ArgumentNullException>(() => CymbioScopeRegistry.Register(typeof(IUnregisteredOnPurpose), (Func<IReadOnlyList<CymbioOperation>>)null!));
        Assert.Throws<ArgumentNullException>(() => CymbioScopeRegistry.Register(typeof(IUnregisteredOnPurpose), (string)null!));
        Assert.Throws<ArgumentNullException>(() => CymbioScopeRegistry.GetOperationScopes(typeof(IUnregisteredOnPurpose), null!));
    }

    [Fact]
    public void Register_ReplacesAnEarlierTable_AndBuildsItLazily()
    {
        var calls = 0;
        var first = new CymbioOperation("PingAsync", "GET", "/ping", Scopes(CymbioScopes.ReadChannels));
        var second = new CymbioOperation("PingAsync", "GET", "/ping", Scopes(CymbioScopes.ReadRetailers));

        CymbioScopeRegistry.Register(typeof(IRegisteredByHand), () =>
        {
            calls++;
            return new[] { first };
        });
        Assert.Equal(0, calls);
        Assert.True(CymbioScopeRegistry.TryGetOperation(typeof(IRegisteredByHand), "PingAsync", "GET", "/ping", out var operation));
        Assert.Same(first, operation);
        Assert.True(CymbioScopeRegistry.TryGetOperation(typeof(IRegisteredByHand), "PingAsync", "GET", "/ping", out _));
        Assert.Equal(1, calls);

        CymbioScopeRegistry.Register(typeof(IRegisteredByHand), () => new[] { second });
        Assert.True(CymbioScopeRegistry.TryGetOperation(typeof(IRegisteredByHand), "PingAsync", "GET", "/ping", out operation));
        Assert.Same(second, operation);
    }

    [Fact]
    public void Operation_ToStringAndEquality()
    {
        var operation = new CymbioOperation("ShipAsync", "POST", "/v3/shipments", Scopes(CymbioScopes.WriteOrders, CymbioScopes.WriteFulfillments));

        Assert.Equal("ShipAsync (POST /v3/shipments): write:fulfillments write:orders", operation.ToString());
        Assert.Equal("PingAsync: (no scopes)", new CymbioOperation("PingAsync", null, null, ScopeSet.Empty).ToString());
        Assert.Equal(operation, new CymbioOperation("ShipAsync", "post", "/v3/shipments", Scopes(CymbioScopes.WriteFulfillments, CymbioScopes.WriteOrders)));
        Assert.Equal(operation.GetHashCode(), new CymbioOperation("ShipAsync", "post", "/v3/shipments", Scopes(CymbioScopes.WriteFulfillments, CymbioScopes.WriteOrders)).GetHashCode());
        Assert.NotEqual(operation, new CymbioOperation("ShipAsync", "POST", "/v3/Shipments", operation.Scopes));
        Assert.NotEqual(operation, new CymbioOperation("ShipAsync", "POST", "/v3/shipments", Scopes(CymbioScopes.WriteOrders)));
        Assert.Throws<ArgumentException>(() => new CymbioOperation(string.Empty, "GET", "/", ScopeSet.Empty));
        Assert.Throws<ArgumentNullException>(() => new CymbioOperation("PingAsync", "GET", "/", null!));
    }

    [Fact]
    public void UndeclaredOverload_MakesTheMergedOperationUndeclared()
    {
        var declared = new CymbioOperation("FindAsync", "GET", "/find", Scopes(CymbioScopes.ReadOrders));
        var undeclared = new CymbioOperation("FindAsync", "GET", "/find", ScopeSet.Empty, isDeclared: false);
        CymbioScopeRegistry.Register(typeof(IUndeclaredByHand), () => new[] { declared, undeclared });

        // Nothing tells the two apart: the merged operation requires both and is refused, like the undeclared one.
        Assert.True(CymbioScopeRegistry.TryGetOperation(typeof(IUndeclaredByHand), "FindAsync", "GET", "/find", out var merged));
        Assert.False(merged.IsDeclared);
        Assert.Equal(Scopes(CymbioScopes.ReadOrders), merged.Scopes);
        Assert.Equal("FindAsync (GET /find): (no requirement declared)", merged.ToString());
        Assert.NotEqual(new CymbioOperation("FindAsync", "GET", "/find", ScopeSet.Empty), undeclared);
    }

    [Fact]
    public void CompactTable_IsParsedOnFirstUse_WithEscapedRoutesUnknownPartsAndUndeclaredOperations()
    {
        const string Table =
            "ListAsync\tGET\tread:orders write:orders\t/v3/items?q=a\\tb\\\\c\\nd\n" +
            "PingAsync\t\t\t\n" +
            "OpenAsync\tGET\t!\t/open\n" +
            "CustomAsync\t\tread:orders\n";
        CymbioScopeRegistry.Register(typeof(ITextTableByHand), Table);

        var operations = CymbioScopeRegistry.GetOperations(typeof(ITextTableByHand));
        Assert.Equal(
            new[]
            {
                new CymbioOperation("ListAsync", "GET", "/v3/items?q=a\tb\\c\nd", Scopes(CymbioScopes.ReadOrders, CymbioScopes.WriteOrders)),
                new CymbioOperation("PingAsync", null, string.Empty, ScopeSet.Empty),
                new CymbioOperation("OpenAsync", "GET", "/open", ScopeSet.Empty, isDeclared: false),
                new CymbioOperation("CustomAsync", null, null, Scopes(CymbioScopes.ReadOrders)),
            },
            operations);
        Assert.Same(operations[0].Scopes.ToString(), operations[0].Scopes.ToString());
        Assert.Same(operations[1].Scopes, operations[2].Scopes); // equal sets are shared
        Assert.Equal(operations.Select(o => o.Scopes), CymbioScopeRegistry.GetOperationScopes(typeof(ITextTableByHand), Table));
    }

    [Theory]
    [InlineData("ListAsync\tGET\n")]
    [InlineData("ListAsync\tGET\tread:orders\t/v3")]
    [InlineData("ListAsync\tGET\tread:orders\t/v3\\x\n")]
    [InlineData("ListAsync\tGET\tread orders,\"\t/v3\n")]
    public void MalformedCompactTable_FailsTheLookup_NotTheRegistration(string table)
    {
        CymbioScopeRegistry.Register(typeof(IMalformedTableByHand), table);
        Assert.ThrowsAny<FormatException>(() => CymbioScopeRegistry.TryGetOperation(typeof(IMalformedTableByHand), "ListAsync", "GET", "/v3", out _));
    }

    [Fact]
    public void GeneratedView_RegistersItsTable_WhenNoModuleInitializerDid_AndIgnoresATableRegisteredByHand()
    {
        const string Table = "GetAsync\tGET\tread:channels\t/c\n";
        Assert.False(CymbioScopeRegistry.IsRegistered(typeof(IViewOnlyByHand)));
        Assert.Equal(new[] { Scopes(CymbioScopes.ReadChannels) }, CymbioScopeRegistry.GetOperationScopes(typeof(IViewOnlyByHand), Table));
        Assert.True(CymbioScopeRegistry.IsRegistered(typeof(IViewOnlyByHand)));

        CymbioScopeRegistry.Register(typeof(IViewOnlyByHand), () => new[] { new CymbioOperation("OtherAsync", "GET", "/o", Scopes(CymbioScopes.ReadRetailers)) });
        Assert.Equal(new[] { Scopes(CymbioScopes.ReadChannels) }, CymbioScopeRegistry.GetOperationScopes(typeof(IViewOnlyByHand), Table));
        Assert.Equal("OtherAsync", Assert.Single(CymbioScopeRegistry.GetOperations(typeof(IViewOnlyByHand))).MethodName);
    }

    // Only for the registration tests above; none has [CymbioScope], so the generator leaves them alone.
    private interface IRegisteredByHand
    {
    }

    private interface IUndeclaredByHand
    {
    }

    private interface ITextTableByHand
    {
    }

    private interface IMalformedTableByHand
    {
    }

    private interface IViewOnlyByHand
    {
    }

    private interface IUnregisteredOnPurpose
    {
    }
}
