using System.Linq;
using System.Threading.Tasks;
using Cymbio.Client.Tests.Apis;
using Cymbio.Client.Tests.Runtime.Harness;
using Cymbio.Emulator;
using Xunit;

namespace Cymbio.Client.Tests.Runtime;

/// <summary>The smallest whole path — one token (all grants), its bearer on two calls — against the emulator, a well-behaved Cymbio.</summary>
public sealed class SmokeTests
{
    [Fact]
    public async Task ScopedCall_GetsATokenOnce_AndSendsItAsBearer()
    {
        await using var emulator = await CymbioEmulator.StartAsync();
        using var cymbio = new CymbioClient(RuntimeHarness.Options(emulator, CymbioGrantType.Password, grants: [CymbioScopes.ReadOrders, CymbioScopes.WriteFulfillments]));
        var api = cymbio.Create<ISmokeApi>();

        var list = await api.ListAsync(EmulatorAccounts.SupplierId);
        var again = await api.ListAsync(EmulatorAccounts.SupplierId);

        var token = Assert.Single(emulator.Tokens.Issued);
        Assert.Equal(1, emulator.Requests.TokenRequests("password"));
        Assert.Equal(1, emulator.Requests.TokenRequests());
        Assert.Equal(EmulatorAccounts.Supplier, token.Account);
        Assert.Equal("read:orders write:fulfillments", token.Scopes.ToString());
        var calls = emulator.Requests.Records.Where(static r => !r.IsTokenRequest).ToList();
        Assert.Equal(2, calls.Count);
        Assert.All(calls, r => Assert.Equal(200, r.StatusCode));
        Assert.All(calls, r => Assert.Equal(token.Id, r.TokenId));
        Assert.Contains("\"id\":929", list, System.StringComparison.Ordinal);
        Assert.Equal(list, again);
    }
}
