using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using Cymbio.Client.Tests.Apis;
using Cymbio.Client.Tests.Infrastructure;
using Cymbio.Client.Tests.Runtime.Harness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Cymbio.Client.Tests.Runtime;

/// <summary>docs/reliability.md E: transport and token-leak protection.</summary>
public sealed class TransportSecurityTests
{
    [Fact]
    [Trait("Category", "Reliability")]
    public async Task E1_PlainHttpToANonLoopbackHost_FailsValidationAtStart_NothingIsSent()
    {
        var insecure = new Uri("http://api.cymbio.example/");
        var transport = new CountingHandler();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider());
        services.AddCymbio(options => RuntimeHarness.Options(insecure).CopyTo(options))
            .AddClient<IOrdersProbeApi>(TestJsonContext.Settings(), useStandardResilience: false)
            .ConfigurePrimaryHttpMessageHandler(() => transport);
        services.AddHttpClient(CymbioTokenProvider.TokenEndpointClientName).ConfigurePrimaryHttpMessageHandler(() => transport);
        using var provider = services.BuildServiceProvider();

        // ValidateOnStart: what the host runs at start.
        var atStart = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains(atStart.Failures, f => f.Contains("HTTPS", StringComparison.Ordinal));
        var onResolve = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<CymbioClientOptions>>().Value);
        Assert.Contains(onResolve.Failures, f => f.Contains("HTTPS", StringComparison.Ordinal));

        // Without a host, a call cannot get through either.
        var thrown = await RuntimeHarness.CatchAsync(async () => await provider.GetRequiredService<IOrdersProbeApi>().ListOrdersAsync());
        Assert.NotNull(RuntimeHarness.Find<OptionsValidationException>(thrown));

        // The plain client validates in its constructor.
        var plain = Assert.Throws<OptionsValidationException>(() => new CymbioClient(RuntimeHarness.Options(insecure), new FakeTimeProvider(), primaryHandler: transport));
        Assert.Contains(plain.Failures, f => f.Contains("HTTPS", StringComparison.Ordinal));

        Assert.Equal(0, transport.Count); // TR = 0, AR = 0
    }

    [Theory]
    [Trait("Category", "Reliability")]
    [InlineData("http://api.cymbio.example/", false)]
    [InlineData("http://10.0.0.7:8080/", false)]
    [InlineData("http://0.0.0.0/", false)]
    [InlineData("http://localhost.cymbio.example/", false)]
    [InlineData("http://127.0.0.1.nip.io/", false)]
    [InlineData("ftp://127.0.0.1/", false)]
    [InlineData("http://127.0.0.1:5000/", true)]
    [InlineData("http://127.0.0.2:5000/", true)]
    [InlineData("http://127.255.255.254/", true)]
    [InlineData("http://localhost:5000/", true)]
    [InlineData("http://[::1]:5000/", true)]
    [InlineData("https://api.cymbio.example/", true)]
    public void E1_OnlyHttpsOrLoopback_PassesValidation(string baseAddress, bool valid)
    {
        var errors = CymbioClientOptionsValidator.Errors(RuntimeHarness.Options(new Uri(baseAddress)), AppDomain.CurrentDomain.GetAssemblies()).ToList();

        if (valid)
        {
            Assert.Empty(errors);
        }
        else
        {
            Assert.Contains(errors, e => e.Contains("HTTPS", StringComparison.Ordinal) || e.Contains("absolute", StringComparison.Ordinal));
        }
    }

    [Fact]
    [Trait("Category", "Reliability")]
    public async Task E1_HandlerRefusesPlainHttp_BeforeAnyTokenIsFetched()
    {
        // Defence in depth: a handler built around unvalidated options still sends nothing.
        var options = RuntimeHarness.Options(new Uri("http://api.cymbio.example/"));
        var tokens = new RefusingTokenProvider();
        var transport = new CountingHandler();
        using var client = new HttpClient(new CymbioAuthenticationHandler(tokens, options) { InnerHandler = transport });
        using var request = RefitRequest(HttpMethod.Get, new Uri("http://api.cymbio.example/v3/orders"), nameof(IOrdersProbeApi.ListOrdersAsync), "/v3/orders");

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => client.SendAsync(request));

        Assert.Contains("unencrypted", thrown.Message, StringComparison.Ordinal);
        Assert.Equal(0, tokens.Count);
        Assert.Equal(0, transport.Count);
    }

    [Fact]
    [Trait("Category", "Reliability")]
    public async Task E1_UntrustedCertificate_FailsWithAnAuthenticationError_AndNoTokenIsSent()
    {
        using var certificate = SelfSignedCertificate();
        await using var tls = await ScriptedCymbioServer.StartTlsAsync(certificate);
        using var cymbio = new CymbioClient(RuntimeHarness.Options(tls.BaseAddress), new FakeTimeProvider());
        var api = cymbio.Create<IOrdersProbeApi>(TestJsonContext.Settings());

        var thrown = await RuntimeHarness.CatchAsync(() => api.ListOrdersAsync());

        var endpoint = RuntimeHarness.Find<TokenEndpointException>(thrown);
        Assert.True(endpoint is not null, $"Expected TokenEndpointException, got {thrown}");
        Assert.NotNull(RuntimeHarness.Find<AuthenticationException>(thrown));
        Assert.Equal(HttpRequestError.SecureConnectionError, RuntimeHarness.Find<HttpRequestException>(thrown)?.HttpRequestError);
        Assert.Equal(0, tls.TokenRequestCount + tls.ApiRequestCount); // no HTTP request (token or API) got through the handshake
        Assert.All(tls.TokenRequests.Concat<RequestRecord>(tls.ApiRequests), r => Assert.Empty(r.Authorization));
    }

    [Fact]
    [Trait("Category", "Reliability")]
    public void E1_NoProductCodeOverridesCertificateValidation()
    {
        var src = Cymbio.Tests.Shared.Repository.PathOf("src");
        var files = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(files);
        string[] forbidden =
        [
            "ServerCertificateCustomValidationCallback",
            "RemoteCertificateValidationCallback",
            "DangerousAcceptAnyServerCertificateValidator",
            "CertificateValidationCallback",
        ];

        var offenders = files
            .SelectMany(f => forbidden.Where(word => File.ReadAllText(f).Contains(word, StringComparison.Ordinal)).Select(word => $"{Path.GetRelativePath(src, f)}: {word}"))
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    [Trait("Category", "Reliability")]
    public async Task E2_AbsoluteUrlToAnotherHost_GetsNoAuthorization_AndNoTokenIsFetched()
    {
        await using var cymbioServer = await ScriptedCymbioServer.StartAsync();
        await using var otherHost = await ScriptedCymbioServer.StartAsync(IPAddress.Parse("127.0.0.2"));
        await using var otherPort = await ScriptedCymbioServer.StartAsync(); // same host, another origin
        using var cymbio = new CymbioClient(RuntimeHarness.Options(cymbioServer), new FakeTimeProvider());
        var api = cymbio.Create<IOrdersProbeApi>(TestJsonContext.Settings());

        await api.FetchAsync(new Uri(otherHost.BaseAddress, "v3/orders").AbsoluteUri).Bounded();
        await api.FetchAsync(new Uri(otherPort.BaseAddress, "v3/orders").AbsoluteUri).Bounded();

        Assert.Empty(Assert.Single(otherHost.ApiRequests).Authorization);
        Assert.Empty(Assert.Single(otherPort.ApiRequests).Authorization);
        Assert.Equal(0, cymbioServer.TokenRequestCount);
        Assert.Equal(0, cymbioServer.ApiRequestCount);
        Assert.Equal(0, otherHost.TokenRequestCount);
    }

    [Fact]
    [Trait("Category", "Reliability")]
    public async Task E2_SharedHttpClientCallingAnotherHost_GetsNoAuthorization()
    {
        await using var cymbioServer = await ScriptedCymbioServer.StartAsync();
        await using var otherHost = await ScriptedCymbioServer.StartAsync(IPAddress.Parse("127.0.0.2"));
        var options = RuntimeHarness.Options(cymbioServer);
        using var transport = new SocketsHttpHandler();
        using var tokenClient = new HttpClient(transport, disposeHandler: false);
        using var tokens = new CymbioTokenProvider(tokenClient, options, new FakeTimeProvider());
        using var shared = new HttpClient(new CymbioAuthenticationHandler(tokens, options) { InnerHandler = transport }, disposeHandler: false) { BaseAddress = cymbioServer.BaseAddress };

        // A Refit call to Cymbio through the shared client gets a token ...
        await Refit.RestService.ForGenerated<IOrdersProbeApi>(shared, new Refit.RefitSettings()).ListOrdersAsync().Bounded();
        Assert.NotNull(Assert.Single(cymbioServer.ApiRequests).BearerToken);

        // ... a plain request to another host does not, Refit-tagged or not.
        using (var plain = await shared.GetAsync(new Uri(otherHost.BaseAddress, "v3/orders")).Bounded())
        {
            Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        }

        using var tagged = RefitRequest(HttpMethod.Get, new Uri(otherHost.BaseAddress, "v3/orders"), nameof(IOrdersProbeApi.ListOrdersAsync), "/v3/orders");
        using (var response = await shared.SendAsync(tagged).Bounded())
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(2, otherHost.ApiRequestCount);
        Assert.All(otherHost.ApiRequests, r => Assert.Empty(r.Authorization));
        Assert.Equal(1, cymbioServer.TokenRequestCount);
    }

    [Theory]
    [Trait("Category", "Reliability")]
    [InlineData(302)]
    [InlineData(307)]
    [InlineData(301)]
    [InlineData(308)]
    public async Task E2_RedirectFromCymbioToAnotherHost_FollowUpHasNoAuthorization(int status)
    {
        await using var cymbioServer = await ScriptedCymbioServer.StartAsync();
        await using var otherHost = await ScriptedCymbioServer.StartAsync(IPAddress.Parse("127.0.0.2"));
        cymbioServer.ApiScript = _ => Task.FromResult(ScriptedResponse.Redirect(status, new Uri(otherHost.BaseAddress, "landing")));
        otherHost.ApiScript = _ => Task.FromResult(ScriptedResponse.Json(200, """{"landed":true}"""));
        using var cymbio = new CymbioClient(RuntimeHarness.Options(cymbioServer), new FakeTimeProvider());
        var api = cymbio.Create<IOrdersProbeApi>(TestJsonContext.Settings());

        var body = await api.ListOrdersAsync().Bounded();

        Assert.Equal("""{"landed":true}""", body);
        Assert.NotNull(Assert.Single(cymbioServer.ApiRequests).BearerToken);
        var followUp = Assert.Single(otherHost.ApiRequests);
        Assert.Equal("/landing", followUp.Path);
        Assert.Empty(followUp.Authorization);
    }

    [Fact]
    [Trait("Category", "Reliability")]
    public async Task E3_TokenRequestsArePostedForms_AndNoUriCarriesATokenOrSecret()
    {
        await using var server = await ScriptedCymbioServer.StartAsync();
        server.IssueRefreshTokens = true;
        var time = new FakeTimeProvider();
        var passwordOptions = RuntimeHarness.Options(server, CymbioScopes.ReadOrders, CymbioScopes.WriteInventory);
        passwordOptions.ScopeStrategy = CymbioScopeStrategy.LeastPrivilege;
        using (var cymbio = new CymbioClient(passwordOptions, time))
        {
            var api = cymbio.Create<IOrdersProbeApi>(TestJsonContext.Settings());
            await api.ListOrdersAsync().Bounded();                                          // password grant
            await api.GetOrderAsync(7).Bounded();
            await api.AdjustInventoryAsync(new InventoryAdjustment("SKU-1", 2)).Bounded();   // another scope set
            server.ApiScript = ScriptedCymbioServer.ApiSequence(RuntimeHarness.Unauthorized(), null);
            await api.ListOrdersAsync().Bounded();                                          // forced renewal (refresh_token)
            time.Advance(TimeSpan.FromSeconds(250));
            var before = server.TokenRequestCount;
            await api.ListOrdersAsync().Bounded();                                          // background renewal
            await server.WaitForTokenRequestsAsync(before + 1);
            await RuntimeHarness.WaitUntilAsync(() => server.TokenRequests.Last().Completion.IsCompleted, "the background renewal to complete");
            await api.ListOrdersAsync().Bounded();
        }

        using (var cymbio = new CymbioClient(RuntimeHarness.ClientCredentialsOptions(server), time))
        {
            await cymbio.Create<IOrdersProbeApi>(TestJsonContext.Settings()).GetOrderAsync(8).Bounded();             // client_credentials grant
        }

        var tokenRequests = server.TokenRequests;
        Assert.True(tokenRequests.Count >= 5, $"Expected at least 5 token requests, saw {tokenRequests.Count}.");
        Assert.Contains(tokenRequests, r => r.GrantType == "password");
        Assert.Contains(tokenRequests, r => r.GrantType == "refresh_token");
        Assert.Contains(tokenRequests, r => r.GrantType == "client_credentials");
        Assert.All(tokenRequests, r =>
        {
            Assert.Equal("POST", r.Method);
            Assert.StartsWith("application/x-www-form-urlencoded", r.ContentType, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(string.Empty, r.QueryString);
            Assert.Equal("/oauth/token", r.RawTarget);
        });

        var bearerTokens = server.ApiRequests.Select(r => r.BearerToken).OfType<string>().Distinct().ToList();
        var refreshTokens = tokenRequests.Select(r => r.FormField("refresh_token")).OfType<string>().ToList();
        Assert.True(bearerTokens.Count >= 3, $"Expected several distinct access tokens, saw {bearerTokens.Count}.");
        string[] secrets = [.. bearerTokens, .. refreshTokens, RuntimeHarness.ClientSecret, RuntimeHarness.Password];
        Assert.All(server.ApiRequests.Concat<RequestRecord>(tokenRequests), r =>
        {
            foreach (var secret in secrets)
            {
                Assert.DoesNotContain(secret, r.RawTarget, StringComparison.Ordinal);
                Assert.DoesNotContain(Uri.EscapeDataString(secret), r.RawTarget, StringComparison.Ordinal);
            }

            Assert.DoesNotContain("access_token", r.RawTarget, StringComparison.OrdinalIgnoreCase);
        });
    }

    internal static HttpRequestMessage RefitRequest(HttpMethod method, Uri uri, string methodName, string template)
    {
        var request = new HttpRequestMessage(method, uri);
        request.Options.Set(new HttpRequestOptionsKey<Type>("Refit.InterfaceType"), typeof(IOrdersProbeApi));
        request.Options.Set(new HttpRequestOptionsKey<string>("Refit.MethodName"), methodName);
        request.Options.Set(new HttpRequestOptionsKey<string>("Refit.RelativePathTemplate"), template);
        return request;
    }

    private static X509Certificate2 SelfSignedCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        var now = DateTimeOffset.UtcNow;
        using var created = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), password: null);
    }

    /// <summary>Counts what reaches the transport; answers 200 <c>{}</c>.</summary>
    private sealed class CountingHandler : HttpMessageHandler
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}") });
        }
    }

    /// <summary>Counts the requests for a token, and refuses each.</summary>
    private sealed class RefusingTokenProvider : ICymbioTokenProvider
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public ValueTask<CymbioToken> GetTokenAsync(ScopeSet scopes, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            throw new InvalidOperationException("No token may be requested.");
        }

        public ValueTask<CymbioToken> RenewAsync(CymbioToken rejected, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            throw new InvalidOperationException("No token may be renewed.");
        }
    }
}
