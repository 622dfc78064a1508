using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Cymbio.Client.Tests.Apis;
using Refit;
using Xunit;

namespace Cymbio.Client.Tests;

/// <summary>
/// The "done when" proof: real source-generated Refit clients send requests through a handler that finds, from the
/// request options Refit sets and the generated scope tables alone, the scopes each call requires.
/// </summary>
public sealed class RefitEndToEndTests
{
    private static readonly Uri BaseAddress = new("https://api.test.invalid/");

    private static (T Client, ScopeRecordingHandler Recorder) Create<T>()
    {
        var recorder = new ScopeRecordingHandler { InnerHandler = new CannedJsonHandler() };
        var client = RestService.ForGenerated<T>(new HttpClient(recorder) { BaseAddress = BaseAddress }, TestJsonContext.Settings());
        return (client, recorder);
    }

    /// <summary>
    /// Refit (16.4 and 17) generates a stub for a generic interface but registers no factory for it, so
    /// <c>RestService.ForGenerated&lt;IRepo&lt;Resource&gt;&gt;</c> throws ("IRepo`1 doesn't look like a Refit interface"), and
    /// <c>RestService.For</c> needs the Refit.Reflection package. Close Refit's generated stub over
    /// <typeparamref name="TItem"/> and call the constructor ForGenerated would have called.
    /// </summary>
    private static (IRepo<TItem> Client, ScopeRecordingHandler Recorder) CreateRepo<TItem>()
    {
        var stub = typeof(RefitEndToEndTests).Assembly.GetTypes().SingleOrDefault(t =>
            t.IsGenericTypeDefinition
            && t.Namespace == "Refit.Implementation"
            && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRepo<>)));
        Assert.True(stub is not null, "Refit generated no stub for IRepo<T>.");

        var recorder = new ScopeRecordingHandler { InnerHandler = new CannedJsonHandler() };
        var httpClient = new HttpClient(recorder) { BaseAddress = BaseAddress };
        var client = (IRepo<TItem>)Activator.CreateInstance(stub.MakeGenericType(typeof(TItem)), httpClient, TestJsonContext.Settings())!;
        return (client, recorder);
    }

    private static ScopeSet Scopes(params string[] scopes) => ScopeSet.Create(scopes);

    private static void AssertCall(RecordedCall call, Type interfaceType, string methodName, string httpMethod, string template, ScopeSet expected)
    {
        Assert.Equal(interfaceType, call.InterfaceType);
        Assert.Equal(methodName, call.MethodName);
        Assert.Equal(httpMethod, call.HttpMethod);
        Assert.Equal(template, call.RouteTemplate);
        Assert.True(call.Operation is not null, $"The registry found no operation for {call}.");
        Assert.Equal(expected, call.Operation.Scopes);
        Assert.Equal(expected.ToString(), call.Operation.Scopes.ToString());
    }

    [Fact]
    public async Task EveryMethodOfAScopedInterface_ResolvesToItsDeclaredScopes()
    {
        var (api, recorder) = Create<IFulfillmentsApi>();
        var body = new Resource(7, "shipment");

        var list = await api.ListAsync(10);
        var one = await api.GetAsync(10, 20);
        var expanded = await api.GetAsync(20);
        await api.AcceptAsync(10, 20);
        await api.ShipAsync(10, 20, body);
        await api.UpdateAsync(20, body);
        await api.UpdateAsync(20, body, CancellationToken.None);
        await api.CancelAsync(20);

        // The canned responses made it back through Refit.
        Assert.Equal(42, Assert.Single(list).Id);
        Assert.Equal(42, one.Id);
        Assert.Equal("canned", expanded.Name);

        var calls = recorder.Calls;
        Assert.Equal(8, calls.Count);
        var type = typeof(IFulfillmentsApi);
        AssertCall(calls[0], type, "ListAsync", "GET", "/v3/suppliers/{supplierId}/fulfillments", Scopes(CymbioScopes.ReadOrders));
        AssertCall(calls[1], type, "GetAsync", "GET", "/v3/suppliers/{supplierId}/fulfillments/{id}", Scopes(CymbioScopes.ReadOrders));
        AssertCall(calls[2], type, "GetAsync", "GET", "/v3/fulfillments/{id}?expand=supplier", Scopes(CymbioScopes.ReadOrders, CymbioScopes.ReadSuppliers));
        AssertCall(calls[3], type, "AcceptAsync", "PUT", "/v3/suppliers/{supplierId}/fulfillments/{id}/setStatus/accepted", Scopes(CymbioScopes.WriteFulfillments));
        AssertCall(calls[4], type, "ShipAsync", "POST", "/v3/suppliers/{supplierId}/fulfillments/{id}/shipments", Scopes(CymbioScopes.ReadOrders, CymbioScopes.WriteFulfillments, CymbioScopes.WriteOrders));
        AssertCall(calls[5], type, "UpdateAsync", "PUT", "/v3/fulfillments/{id}", Scopes(CymbioScopes.WriteFulfillments));
        AssertCall(calls[6], type, "UpdateAsync", "PATCH", "/v3/fulfillments/{id}", Scopes(CymbioScopes.WriteFulfillments, CymbioScopes.WriteOrders));
        AssertCall(calls[7], type, "CancelAsync", "DELETE", "/v3/fulfillments/{id}", Scopes(CymbioScopes.WriteFulfillments));

        // The same answers as the generated per-method view.
        Assert.Equal(FulfillmentsApiScopes.ListAsync, calls[0].Operation!.Scopes);
        Assert.Equal(FulfillmentsApiScopes.GetAsync_1, calls[1].Operation!.Scopes);
        Assert.Equal(FulfillmentsApiScopes.GetAsync_2, calls[2].Operation!.Scopes);
        Assert.Equal(FulfillmentsApiScopes.AcceptAsync, calls[3].Operation!.Scopes);
        Assert.Equal(FulfillmentsApiScopes.ShipAsync, calls[4].Operation!.Scopes);
        Assert.Equal(FulfillmentsApiScopes.UpdateAsync_1, calls[5].Operation!.Scopes);
        Assert.Equal(FulfillmentsApiScopes.UpdateAsync_2, calls[6].Operation!.Scopes);
        Assert.Equal(FulfillmentsApiScopes.CancelAsync, calls[7].Operation!.Scopes);

        // And the request really went where the template says.
        Assert.Equal("/v3/suppliers/10/fulfillments", calls[0].Path);
        Assert.Equal("/v3/fulfillments/20?expand=supplier", calls[2].Path);
    }

    [Fact]
    public async Task InheritedMethods_ThroughADerivedInterfaceWithoutAttributes()
    {
        var (api, recorder) = Create<IDerived>();

        var variant = await api.GetVariantAsync(5);
        await api.CreateVariantAsync(new Resource(5, "variant"));

        Assert.Equal(42, variant.Id);
        Assert.Equal(2, recorder.Calls.Count);
        AssertCall(recorder.Calls[0], typeof(IDerived), "GetVariantAsync", "GET", "/v3/variants/{id}", Scopes(CymbioScopes.ReadVariants));
        AssertCall(recorder.Calls[1], typeof(IDerived), "CreateVariantAsync", "POST", "/v3/variants", Scopes(CymbioScopes.WriteVariants));
    }

    [Fact]
    public async Task InheritedMethods_TwoLevelsDown()
    {
        var (api, recorder) = Create<IGrandchild>();

        await api.GetVariantAsync(5);
        await api.CreateVariantAsync(new Resource(5, "variant"));

        AssertCall(recorder.Calls[0], typeof(IGrandchild), "GetVariantAsync", "GET", "/v3/variants/{id}", Scopes(CymbioScopes.ReadVariants));
        AssertCall(recorder.Calls[1], typeof(IGrandchild), "CreateVariantAsync", "POST", "/v3/variants", Scopes(CymbioScopes.WriteVariants));
    }

    [Fact]
    public async Task OwnAndInheritedMethods_OfADerivedInterfaceWithItsOwnDefault()
    {
        var (api, recorder) = Create<IDerivedWithOwnScope>();

        await api.ListWarehousesAsync();
        await api.GetVariantAsync(5);
        await api.CreateVariantAsync(new Resource(5, "variant"));

        Assert.Equal(3, recorder.Calls.Count);
        AssertCall(recorder.Calls[0], typeof(IDerivedWithOwnScope), "ListWarehousesAsync", "GET", "/v3/warehouses", Scopes(CymbioScopes.ReadWarehouses));
        AssertCall(recorder.Calls[1], typeof(IDerivedWithOwnScope), "GetVariantAsync", "GET", "/v3/variants/{id}", Scopes(CymbioScopes.ReadVariants));
        AssertCall(recorder.Calls[2], typeof(IDerivedWithOwnScope), "CreateVariantAsync", "POST", "/v3/variants", Scopes(CymbioScopes.WriteVariants));
    }

    [Fact]
    public async Task GenericInterface_ThroughAConstructedType()
    {
        var (api, recorder) = CreateRepo<Resource>();

        var item = await api.GetAsync(3);
        await api.AddAsync(new Resource(3, "item"));

        Assert.Equal(42, item.Id);
        AssertCall(recorder.Calls[0], typeof(IRepo<Resource>), "GetAsync", "GET", "/v3/items/{id}", Scopes(CymbioScopes.ReadInventory));
        AssertCall(recorder.Calls[1], typeof(IRepo<Resource>), "AddAsync", "POST", "/v3/items", Scopes(CymbioScopes.WriteInventory));
    }

    [Fact]
    public async Task InterfaceInheritingAConstructedGenericInterface()
    {
        var (api, recorder) = Create<IResourceRepo>();

        await api.GetAsync(3);
        await api.AddAsync(new Resource(3, "item"));

        AssertCall(recorder.Calls[0], typeof(IResourceRepo), "GetAsync", "GET", "/v3/items/{id}", Scopes(CymbioScopes.ReadInventory));
        AssertCall(recorder.Calls[1], typeof(IResourceRepo), "AddAsync", "POST", "/v3/items", Scopes(CymbioScopes.WriteInventory));
    }

    [Fact]
    public async Task NestedInternalPartialAndMethodScopedInterfaces()
    {
        var (outer, outerCalls) = Create<Outer.IApi>();
        await outer.ListRetailersAsync();
        await outer.CreateRetailerAsync(new Resource(1, "retailer"));
        AssertCall(outerCalls.Calls[0], typeof(Outer.IApi), "ListRetailersAsync", "GET", "/v3/retailers", Scopes(CymbioScopes.ReadRetailers));
        AssertCall(outerCalls.Calls[1], typeof(Outer.IApi), "CreateRetailerAsync", "POST", "/v3/retailers", Scopes(CymbioScopes.WriteRetailers));

        var (warehouses, warehouseCalls) = Create<IInternalWarehousesApi>();
        await warehouses.GetWarehouseAsync(2);
        await warehouses.UpdateWarehouseAsync(2, new Resource(2, "warehouse"));
        AssertCall(warehouseCalls.Calls[0], typeof(IInternalWarehousesApi), "GetWarehouseAsync", "GET", "/v3/warehouses/{id}", Scopes(CymbioScopes.ReadWarehouses));
        AssertCall(warehouseCalls.Calls[1], typeof(IInternalWarehousesApi), "UpdateWarehouseAsync", "PUT", "/v3/warehouses/{id}", Scopes(CymbioScopes.WriteWarehouses));

        var (channels, channelCalls) = Create<IChannelsApi>();
        await channels.ListChannelsAsync();
        await channels.GetChannelAsync(4);
        await channels.ListChannelRetailersAsync(4);
        AssertCall(channelCalls.Calls[0], typeof(IChannelsApi), "ListChannelsAsync", "GET", "/v3/channels", Scopes(CymbioScopes.ReadChannels));
        AssertCall(channelCalls.Calls[1], typeof(IChannelsApi), "GetChannelAsync", "GET", "/v3/channels/{id}", Scopes(CymbioScopes.ReadChannels));
        AssertCall(channelCalls.Calls[2], typeof(IChannelsApi), "ListChannelRetailersAsync", "GET", "/v3/channels/{id}/retailers", Scopes(CymbioScopes.ReadChannels, CymbioScopes.ReadRetailers));

        var (suppliers, supplierCalls) = Create<ISuppliersApi>();
        await suppliers.GetSupplierAsync(6);
        await suppliers.CreateSupplierAsync(new Resource(6, "supplier"));
        AssertCall(supplierCalls.Calls[0], typeof(ISuppliersApi), "GetSupplierAsync", "GET", "/v3/suppliers/{id}", Scopes(CymbioScopes.ReadSuppliers));
        AssertCall(supplierCalls.Calls[1], typeof(ISuppliersApi), "CreateSupplierAsync", "POST", "/v3/suppliers", Scopes(CymbioScopes.WriteSuppliers));
    }

    [Fact]
    public async Task IndistinguishableOverloads_FailClosed_ToTheUnion()
    {
        var (api, recorder) = Create<IAmbiguousApi>();

        await api.FindAsync(1);
        await api.FindAsync("sku-1");

        var union = Scopes(CymbioScopes.ReadInventory, CymbioScopes.ReadVariants);
        AssertCall(recorder.Calls[0], typeof(IAmbiguousApi), "FindAsync", "GET", "/v3/variants/{id}", union);
        AssertCall(recorder.Calls[1], typeof(IAmbiguousApi), "FindAsync", "GET", "/v3/variants/{id}", union);
    }

    [Fact]
    public async Task UnscopedInterface_HasNoOperation()
    {
        var (api, recorder) = Create<IUnscopedApi>();

        await api.PingAsync();

        var call = Assert.Single(recorder.Calls);
        Assert.Equal(typeof(IUnscopedApi), call.InterfaceType);
        Assert.Equal("PingAsync", call.MethodName);
        Assert.Equal("/ping", call.RouteTemplate);
        Assert.Null(call.Operation);
    }

    /// <summary>What the handler saw for one request.</summary>
    private sealed record RecordedCall(Type? InterfaceType, string? MethodName, string HttpMethod, string? RouteTemplate, string? Path, CymbioOperation? Operation);

    /// <summary>
    /// Reads Refit's request options, asks the registry for the operation and records it, then passes the request on.
    /// </summary>
    private sealed class ScopeRecordingHandler : DelegatingHandler
    {
        private static readonly HttpRequestOptionsKey<Type> InterfaceTypeKey = new("Refit.InterfaceType");
        private static readonly HttpRequestOptionsKey<string> MethodNameKey = new("Refit.MethodName");
        private static readonly HttpRequestOptionsKey<string> RelativePathTemplateKey = new("Refit.RelativePathTemplate");

        public List<RecordedCall> Calls { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Options.TryGetValue(InterfaceTypeKey, out var interfaceType);
            request.Options.TryGetValue(MethodNameKey, out var methodName);
            request.Options.TryGetValue(RelativePathTemplateKey, out var template);

            CymbioOperation? operation = null;
            if (interfaceType is not null && methodName is not null
                && CymbioScopeRegistry.TryGetOperation(interfaceType, methodName, request.Method.Method, template, out var found))
            {
                operation = found;
            }

            lock (Calls)
            {
                Calls.Add(new RecordedCall(interfaceType, methodName, request.Method.Method, template, request.RequestUri?.PathAndQuery, operation));
            }

            return base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>Answers every request with 200 and a canned JSON body: an array for list operations, else an object.</summary>
    private sealed class CannedJsonHandler : HttpMessageHandler
    {
        private const string Item = """{"id":42,"name":"canned"}""";

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Options.TryGetValue(new HttpRequestOptionsKey<string>("Refit.MethodName"), out var methodName);
            var json = methodName == nameof(IFulfillmentsApi.ListAsync) ? "[" + Item + "]" : Item;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                RequestMessage = request,
                Content = new StringContent(json, Encoding.UTF8, "application/json"),
            });
        }
    }
}
