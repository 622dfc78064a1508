using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Cymbio.Api.Suppliers;
using Cymbio.Api.Tests.Infrastructure;
using Xunit;

namespace Cymbio.Api.Tests.Suppliers;

/// <summary>
/// The supplier profile (C-14, C-15, I-3, I-4) and channel (I-1, I-2) endpoints send exactly the method, path, query and
/// JSON body of docs/cymbio-api.md §4.2 and §5.1, with a bearer token.
/// </summary>
public sealed class SupplierProfileRequestTests
{
    private const long Supplier = 88;

    internal static readonly Dictionary<string, (Func<ISupplierProfileApi, Task> Call, string Method, string PathAndQuery, string? Body)> ProfileCases = new()
    {
        ["C-14 get"] = (api => api.GetAsync(Supplier), "GET", "/v3/suppliers/88", null),
        ["C-14 get, projected"] = (api => api.GetAsync(Supplier, ["id", "name", "createdAt"]), "GET", "/v3/suppliers/88?fields=id%2Cname%2CcreatedAt", null),
        ["C-15 create"] = (api => api.CreateAsync(new SupplierRequest("Brand", "brand")), "POST", "/v3/suppliers", """{"name":"Brand","subdomain":"brand"}"""),
        ["I-4 update, name only"] = (api => api.UpdateAsync(Supplier, new SupplierRequest(Name: "Brand Inc.")), "PUT", "/v3/suppliers/88", """{"name":"Brand Inc."}"""),
        ["I-3 retailers"] = (api => api.ListRetailersAsync(Supplier), "GET", "/v3/suppliers/88/retailers", null),
        ["I-3 retailers, projected, paged"] = (
            api => api.ListRetailersAsync(Supplier, ["retailer_id", "retailer_name"], 20, 40),
            "GET",
            "/v3/suppliers/88/retailers?fields=retailer_id%2Cretailer_name&limit=20&offset=40",
            null),
    };

    internal static readonly Dictionary<string, (Func<IChannelsApi, Task> Call, string Method, string PathAndQuery, string? Body)> ChannelCases = new()
    {
        ["I-1 channels"] = (api => api.ListAsync(), "GET", "/v3/channels", null),
        ["I-1 channels, projected"] = (api => api.ListAsync(["id", "name", "type"]), "GET", "/v3/channels?fields=id%2Cname%2Ctype", null),
        ["I-2 supplier's channels"] = (api => api.ListSupplierChannelsAsync(Supplier), "GET", "/v3/suppliers/88/channels", null),
        ["I-2 supplier's channels, paged"] = (api => api.ListSupplierChannelsAsync(Supplier, limit: 5, offset: 10), "GET", "/v3/suppliers/88/channels?limit=5&offset=10", null),
    };

    public static TheoryData<string> ProfileCaseNames => new(ProfileCases.Keys);

    public static TheoryData<string> ChannelCaseNames => new(ChannelCases.Keys);

    [Theory]
    [MemberData(nameof(ProfileCaseNames))]
    public async Task ProfileRequest_IsWhatTheNotesSay(string name)
    {
        var (call, method, pathAndQuery, body) = ProfileCases[name];
        await ApiAssert.SendsAsync(call, method, pathAndQuery, body);
    }

    [Theory]
    [MemberData(nameof(ChannelCaseNames))]
    public async Task ChannelRequest_IsWhatTheNotesSay(string name)
    {
        var (call, method, pathAndQuery, body) = ChannelCases[name];
        await ApiAssert.SendsAsync(call, method, pathAndQuery, body);
    }

    [Fact]
    public void EveryProfileMethod_HasACase() => ApiAssert.CoverEveryEndpoint<ISupplierProfileApi>(ProfileCases.Keys);

    [Fact]
    public void EveryChannelMethod_HasACase() => ApiAssert.CoverEveryEndpoint<IChannelsApi>(ChannelCases.Keys);
}
