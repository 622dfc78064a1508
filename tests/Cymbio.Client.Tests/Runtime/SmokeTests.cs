using System;
using System.Linq;
using System.Threading.Tasks;
using Cymbio.Client.Tests.Apis;
using Cymbio.Client.Tests.Infrastructure;
using Xunit;

namespace Cymbio.Client.Tests.Runtime;

public sealed class SmokeTests
{
    [Fact]
    public async Task ScopedCall_GetsATokenOnce_AndSendsItAsBearer()
    {
        await using var server = await ScriptedCymbioServer.StartAsync();
        var options = new CymbioClientOptions
        {
            Environment = CymbioEnvironment.Custom,
            BaseAddress = server.BaseAddress,
            ClientId = "cid",
            ClientSecret = "secret",
            Username = "user@example.com",
            Password = "pw",
            Grants = { CymbioScopes.ReadOrders, CymbioScopes.WriteFulfillments },
        };
        using var cymbio = new CymbioClient(options);
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
