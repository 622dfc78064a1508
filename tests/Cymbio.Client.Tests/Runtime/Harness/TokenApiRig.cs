using System;
using System.Net.Http;
using Cymbio.Client.Tests.Apis;
using Cymbio.Client.Tests.Infrastructure;
using Refit;

namespace Cymbio.Client.Tests.Runtime.Harness;

/// <summary>
/// The call-level rig: a <see cref="CymbioTokenProvider"/> (wrapped in a <see cref="CountingTokenProvider"/>) behind a
/// <see cref="CymbioAuthenticationHandler"/>, under a Refit client of <see cref="ITokenReliabilityApi"/>.
/// </summary>
internal sealed class TokenApiRig : IDisposable
{
    /// <summary>The header that tells the server which rig (credential set) sent an API request.</summary>
    public const string RigHeader = "X-Reliability-Rig";

    private readonly HttpClient _tokenHttp = new();
    private readonly HttpClient _apiHttp;

    public TokenApiRig(ScriptedCymbioServer server, CymbioClientOptions options, TimeProvider time, string? rigName = null)
        : this(server.BaseAddress, options, time, rigName)
    {
    }

    /// <summary>A rig whose API requests go to <paramref name="apiBase"/> (the emulator's base address, for example).</summary>
    public TokenApiRig(Uri apiBase, CymbioClientOptions options, TimeProvider time, string? rigName = null)
    {
        Provider = new CymbioTokenProvider(_tokenHttp, options, time, Logger);
        Counting = new CountingTokenProvider(Provider);
        var handler = new CymbioAuthenticationHandler(Counting, options) { InnerHandler = new SocketsHttpHandler() };
        _apiHttp = new HttpClient(handler) { BaseAddress = apiBase, Timeout = TimeSpan.FromMinutes(2) };
        if (rigName is not null)
        {
            _apiHttp.DefaultRequestHeaders.Add(RigHeader, rigName);
        }

        Api = RestService.ForGenerated<ITokenReliabilityApi>(_apiHttp);
        Smoke = RestService.ForGenerated<ISmokeApi>(_apiHttp);
    }

    public TokenTestLogger Logger { get; } = new();

    public CymbioTokenProvider Provider { get; }

    public CountingTokenProvider Counting { get; }

    public ITokenReliabilityApi Api { get; }

    /// <summary>Real Cymbio routes (<see cref="ISmokeApi"/>), for rigs pointed at the emulator.</summary>
    public ISmokeApi Smoke { get; }

    public void Dispose()
    {
        _apiHttp.Dispose();
        _tokenHttp.Dispose();
        Provider.Dispose();
    }
}
