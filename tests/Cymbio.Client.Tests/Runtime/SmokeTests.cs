using System;
using System.Linq;
using System.Threading.Tasks;
using Cymbio.Client.Tests.Apis;
using Cymbio.Client.Tests.Infrastructure;
using Cymbio.Client.Tests.Runtime.Harness;
using Xunit;

namespace Cymbio.Client.Tests.Runtime;

public sealed class SmokeTests
{
    [Fact]
    public async Task ScopedCall_GetsATokenOnce_AndSendsItAsBearer()
    {
        await using var server = await ScriptedCymbioServer.StartAsync();
        using var cymbio = new CymbioClient(RuntimeHarness.Options(server, CymbioScopes.ReadOrders, CymbioScopes.WriteFulfillments));
        var api = cymbio.Create<ISmokeApi>();

        await api.ListAsync(1);
        await api.AcceptAsync(1, 2);

        Assert.Equal(1, server.TokenRequestCount);
        var tokenRequest = server.TokenRequests.Single();
        Assert.Equal("password", tokenRequest.GrantType);
        Assert.Equal("read:orders write:fulfillments", tokenRequest.Scope);
        Assert.Equal("cid", tokenRequest.Form["client_id"]);
        Assert.Equal(2, server.ApiRequestCount);
        Assert.All(server.ApiRequests, r => Assert.StartsWith("AT-password-cid-", r.BearerToken));
        Assert.Empty(server.ScriptFailures);
    }
}
