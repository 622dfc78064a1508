using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Cymbio.Client.Tests.Apis;
using Cymbio.Client.Tests.Infrastructure;
using Cymbio.Client.Tests.Runtime.Harness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Refit;
using Xunit;
using Xunit.Abstractions;

namespace Cymbio.Client.Tests.Runtime;

/// <summary>docs/reliability.md F: secrets in logs, exceptions, telemetry and ToString.</summary>
public sealed class SecretsTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", "Reliability")]
    public async Task F1_SentinelSweep_NoSecretInLogsExceptionsActivitiesOrMetrics()
    {
        var sentinels = new Sentinels();
        using var telemetry = new TelemetryCapture();
        var caught = new List<(string Step, Exception Exception)>();
        var directLogs = new FakeLogCollector();
        await using var server = await ScriptedCymbioServer.StartAsync();
        await using var otherHost = await ScriptedCymbioServer.StartAsync(IPAddress.Parse("127.0.0.2"));
        var tokens = new SentinelTokenScript(sentinels);
        server.TokenScript = tokens.AnswerAsync;

        // Part 1: the plain client, every log at Trace.
        var time = new FakeTimeProvider();
        using (var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(directLogs))))
        {
            // advance: only for paths that wait on the clock (retry delays, timeouts); the rest run on a still clock.
            async Task Step(string name, FakeTimeProvider clock, Func<Task> call, bool advance = false)
            {
                var task = call();
                if (advance)
                {
                    await RuntimeHarness.AdvanceUntilAsync(clock, () => task.IsCompleted, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5), $"step '{name}'");
                }

                try
                {
                    await task.Bounded();
                }
                catch (Exception exception)
                {
                    caught.Add((name, exception));
                }
            }

            using (var cymbio = new CymbioClient(sentinels.Options(server.BaseAddress), time, loggerFactory))
            {
                var api = cymbio.Create<IOrdersProbeApi>(TestJsonContext.Settings());
                await Step("success", time, () => api.ListOrdersAsync());
                server.ApiScript = ScriptedCymbioServer.ApiSequence(RuntimeHarness.Unauthorized(), null);
                await Step("401 then 200 (refresh_token renewal)", time, () => api.ListOrdersAsync());
                server.ApiScript = _ => Task.FromResult(RuntimeHarness.Unauthorized());
                await Step("401 twice", time, () => api.ListOrdersAsync());
                await Step("401 on a stream body", time, () => api.UploadInventoryFeedAsync(new NonSeekableStream(Encoding.UTF8.GetBytes("sku,qty\n"))));
                server.ApiScript = _ => Task.FromResult(RuntimeHarness.InsufficientScope(CymbioScopes.WriteInventory));
                await Step("403 insufficient_scope", time, () => api.AdjustInventoryAsync(new InventoryAdjustment("SKU-1", 1)));
                server.ApiScript = _ => Task.FromResult(ScriptedResponse.Json(403, """{"message":"Forbidden"}"""));
                await Step("403", time, () => api.GetOrderAsync(1));
                server.ApiScript = _ => Task.FromResult(ScriptedResponse.Json(500, """{"message":"Internal error"}"""));
                await Step("500", time, () => api.AdjustInventoryAsync(new InventoryAdjustment("SKU-1", 1)));
                server.ApiScript = _ => Task.FromResult(ScriptedResponse.Redirect(302, new Uri(otherHost.BaseAddress, "landing")));
                await Step("302 to another host", time, () => api.ListOrdersAsync());
                server.ApiScript = ScriptedCymbioServer.DefaultApiScript;
                await Step("absolute URL to another host", time, () => api.FetchAsync(new Uri(otherHost.BaseAddress, "x").AbsoluteUri));

                // Background renewal with the refresh token.
                time.Advance(TimeSpan.FromSeconds(250));
                var before = server.TokenRequestCount;
                await Step("background renewal", time, () => api.ListOrdersAsync());
                await server.WaitForTokenRequestsAsync(before + 1);
                await RuntimeHarness.WaitUntilAsync(() => server.TokenRequests.Last().Completion.IsCompleted, "the background renewal to complete");

                // The refresh token is refused: the client signs in again with the password.
                tokens.Override = r => r.GrantType == "refresh_token" ? ScriptedResponse.OAuthError(400, "invalid_grant", "The refresh token has expired.") : null;
                server.ApiScript = ScriptedCymbioServer.ApiSequence(RuntimeHarness.Unauthorized(), null);
                await Step("refresh token refused", time, () => api.ListOrdersAsync());
                tokens.Override = null;
                server.ApiScript = ScriptedCymbioServer.DefaultApiScript;
            }

            // Token endpoint failures, each with a cold cache.
            var failures = new (string Name, bool Transient, Func<TokenRequestRecord, ScriptedResponse?> Answer)[]
            {
                ("OAuth error", false, _ => ScriptedResponse.OAuthError(400, "invalid_client", "Client authentication failed.")),
                ("OAuth error 401", false, _ => ScriptedResponse.OAuthError(401, "invalid_client")),
                ("truncated JSON with the tokens", false, _ => ScriptedResponse.Json(200, $$"""{"access_token":"{{sentinels.AccessToken("trunc")}}","token_type":"Bearer","refresh_token":"{{sentinels.RefreshToken("trunc")}}","expires_in":3""")),
                ("token_type mac", false, _ => ScriptedResponse.Token(sentinels.AccessToken("mac"), 300, null, sentinels.RefreshToken("mac"), tokenType: "mac")),
                ("500 echoing tokens", true, _ => ScriptedResponse.Json(500, $$"""{"access_token":"{{sentinels.AccessToken("500")}}","refresh_token":"{{sentinels.RefreshToken("500")}}"}""")),
                ("400 message", false, _ => ScriptedResponse.Json(400, """{"message":"Invalid credentials"}""")),
                ("502 HTML", true, _ => ScriptedResponse.Html(502, "<html><body>Bad gateway</body></html>")),
                ("429 Retry-After", true, _ => ScriptedResponse.Json(429, "{}").WithHeader("Retry-After", "1")),
                ("connection reset", true, _ => ScriptedResponse.Abort()),
                ("scope narrowed", false, r => ScriptedResponse.Token(sentinels.AccessToken("narrow"), 300, CymbioScopes.ReadOrders, sentinels.RefreshToken("narrow"))),
                ("missing access_token", false, _ => ScriptedResponse.Json(200, $$"""{"refresh_token":"{{sentinels.RefreshToken("noat")}}","token_type":"Bearer"}""")),
                ("form-encoded token body", false, _ => ScriptedResponse.Text(200, $"access_token={sentinels.AccessToken("form")}&token_type=bearer&refresh_token={sentinels.RefreshToken("form")}")),
                ("single-quoted JSON", false, _ => ScriptedResponse.Json(200, $"{{'access_token':'{sentinels.AccessToken("quote")}'}}")),
            };
            foreach (var (name, transient, answer) in failures)
            {
                tokens.Override = answer;
                using var cymbio = new CymbioClient(sentinels.Options(server.BaseAddress), time, loggerFactory);
                await Step(name, time, () => cymbio.Create<IOrdersProbeApi>(TestJsonContext.Settings()).ListOrdersAsync(), advance: transient);
            }

            tokens.Override = null;
            tokens.Hang = true;
            using (var cymbio = new CymbioClient(sentinels.Options(server.BaseAddress), time, loggerFactory))
            {
                await Step("token endpoint hangs", time, () => cymbio.Create<IOrdersProbeApi>(TestJsonContext.Settings()).ListOrdersAsync(), advance: true);
            }

            tokens.Hang = false;
        }

        // Part 2: dependency injection, with IHttpClientFactory's logging and the standard resilience pipeline.
        var diTime = new FakeTimeProvider();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(diTime);
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddFakeLogging());
        services.AddCymbio(options => sentinels.Options(server.BaseAddress).CopyTo(options)).AddClient<IOrdersProbeApi>(TestJsonContext.Settings());
        FakeLogCollector diLogs;
        using (var provider = services.BuildServiceProvider())
        {
            diLogs = provider.GetFakeLogCollector();
            var api = provider.GetRequiredService<IOrdersProbeApi>();
            async Task Step(string name, Func<Task> call)
            {
                try
                {
                    await call().Bounded();
                }
                catch (Exception exception)
                {
                    caught.Add(("DI " + name, exception));
                }
            }

            await Step("success", () => api.ListOrdersAsync());
            server.ApiScript = ScriptedCymbioServer.ApiSequence(RuntimeHarness.Unauthorized(), null);
            await Step("401 then 200", () => api.ListOrdersAsync());
            server.ApiScript = _ => Task.FromResult(RuntimeHarness.Unauthorized());
            await Step("401 twice", () => api.ListOrdersAsync());
            await Step("401 on a stream body", () => api.UploadInventoryFeedAsync(new NonSeekableStream(Encoding.UTF8.GetBytes("sku,qty\n"))));
            server.ApiScript = _ => Task.FromResult(RuntimeHarness.InsufficientScope(CymbioScopes.WriteInventory));
            await Step("403 insufficient_scope", () => api.AdjustInventoryAsync(new InventoryAdjustment("SKU-1", 1)));
            server.ApiScript = _ => Task.FromResult(ScriptedResponse.Json(403, """{"message":"Forbidden"}"""));
            await Step("403", () => api.GetOrderAsync(1));
            server.ApiScript = _ => Task.FromResult(ScriptedResponse.Json(500, """{"message":"Internal error"}"""));
            await Step("500 POST", () => api.AdjustInventoryAsync(new InventoryAdjustment("SKU-1", 1)));
            server.ApiScript = ScriptedCymbioServer.ApiSequence(ScriptedResponse.Json(503, "{}"), null);
            var before = server.ApiRequestCount;
            await Step("503 then 200", async () =>
            {
                var call = api.GetOrderAsync(2);
                await server.WaitForApiRequestsAsync(before + 1);
                await server.ApiRequests[before].Completion.Bounded();
                await RuntimeHarness.AdvanceUntilAsync(diTime, () => call.IsCompleted, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(15), "the retry after the 503");
                await call;
            });
            tokens.Override = _ => ScriptedResponse.Json(200, $$"""{"access_token":"{{sentinels.AccessToken("di-trunc")}}","refresh_token":"{{sentinels.RefreshToken("di-trunc")}}",""");
            server.ApiScript = _ => Task.FromResult(RuntimeHarness.Unauthorized());
            await Step("401, then a malformed token response", () => api.ListOrdersAsync());
            tokens.Override = null;
        }

        // The sweep exercised what it claims to.
        Assert.Contains(server.TokenRequests, r => r.ClientSecret == sentinels.ClientSecret && r.FormField("password") == sentinels.Password);
        Assert.Contains(server.TokenRequests, r => r.FormField("refresh_token")?.StartsWith(sentinels.RefreshTokenPrefix, StringComparison.Ordinal) == true);
        Assert.Contains(server.ApiRequests, r => r.BearerToken?.StartsWith(sentinels.AccessTokenPrefix, StringComparison.Ordinal) == true);
        Assert.True(caught.Count >= 20, $"Expected the failure paths to raise, caught {caught.Count}.");
        var logs = directLogs.GetSnapshot().Concat(diLogs.GetSnapshot()).ToList();
        // AddClient replaces IHttpClientFactory's header-logging loggers with Cymbio's request logger.
        Assert.Contains(logs, r => r.Category?.EndsWith("CymbioHttpClientLogger", StringComparison.Ordinal) == true);
        Assert.Contains(logs, r => r.Category?.StartsWith("Cymbio", StringComparison.Ordinal) == true);

        var leaks = new List<string>();
        foreach (var record in logs)
        {
            foreach (var (where, text) in LogTexts(record))
            {
                leaks.AddRange(sentinels.Find(text).Select(s => $"log [{record.Category}] {where}: {s} in \"{text}\""));
            }
        }

        foreach (var (step, exception) in caught)
        {
            foreach (var (where, text) in ExceptionTexts(exception))
            {
                leaks.AddRange(sentinels.Find(text).Select(s => $"exception of step '{step}' {where}: {s}"));
            }
        }

        foreach (var (where, text) in telemetry.Texts())
        {
            leaks.AddRange(sentinels.Find(text).Select(s => $"telemetry {where}: {s} in \"{text}\""));
        }

        foreach (var (step, exception) in caught)
        {
            output.WriteLine($"{step}: {exception.GetType().Name} -> {string.Join(" / ", RuntimeHarness.Chain(exception).Skip(1).Select(e => e.GetType().Name))}");
            if (RuntimeHarness.Find<TokenEndpointException>(exception)?.BodyExcerpt is { } excerpt && sentinels.Find(excerpt).Any())
            {
                // Not an F1 criterion (Message/ToString/Data), but the property promises masked tokens: see F1_TokenEndpointException_BodyExcerpt_MasksTokens.
                output.WriteLine($"    NOTE: BodyExcerpt shows a sentinel: {excerpt}");
            }
        }

        Assert.True(leaks.Count == 0, "Sentinels leaked:\n" + string.Join("\n", leaks.Distinct().Take(50)));
    }

    [Fact]
    [Trait("Category", "Reliability")]
    public void F2_PublicTypesWithSecretMembers_RedactInToStringDebuggerDisplayAndJson()
    {
        var sentinels = new Sentinels();
        var options = sentinels.Options(new Uri("http://127.0.0.1:1/"));
        var sensitive = new Regex("Secret|Password|Token|Credential", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var matched = typeof(CymbioClientOptions).Assembly.GetExportedTypes()
            .Where(t => sensitive.IsMatch(t.Name) || t.GetMembers(All).Any(m => sensitive.IsMatch(m.Name) && m.GetCustomAttribute<System.Runtime.CompilerServices.CompilerGeneratedAttribute>() is null))
            .Where(t => !t.IsInterface && !t.IsAbstract && !t.IsEnum) // static classes are abstract: no instance to show
            .ToList();

        var time = new FakeTimeProvider();
        using var http = new HttpClient();
        using var tokenProvider = new CymbioTokenProvider(http, options, time);
        var token = new CymbioToken(sentinels.AccessToken("f2"), ScopeSet.Create(CymbioScopes.ReadOrders), TimeSpan.FromSeconds(300), 0, 1, 2);
        var factories = new Dictionary<Type, Func<object>>
        {
            [typeof(CymbioClientOptions)] = () => options,
            [typeof(CymbioTokenOptions)] = () => options.Tokens,
            [typeof(CymbioDistributedTokenCacheOptions)] = () => new CymbioDistributedTokenCacheOptions(), // no secret member; named for tokens
            [typeof(CymbioToken)] = () => token,
            [typeof(CymbioTokenProvider)] = () => tokenProvider,
            [typeof(CymbioAuthenticationHandler)] = () => new CymbioAuthenticationHandler(tokenProvider, options),
            [typeof(CymbioClient)] = () => new CymbioClient(options, time),
            [typeof(TokenEndpointException)] = () => new TokenEndpointException("The token endpoint failed.", HttpStatusCode.BadGateway, $$"""{"access_token":"{{sentinels.AccessToken("x")}}"}"""),
            [typeof(OAuthErrorException)] = () => new OAuthErrorException("invalid_grant", "expired", HttpStatusCode.BadRequest),
            [typeof(TokenThrottledException)] = () => new TokenThrottledException(TimeSpan.FromSeconds(3), HttpStatusCode.TooManyRequests),
        };

        var uncovered = matched.Where(t => !factories.ContainsKey(t)).Select(t => t.FullName).ToList();
        Assert.True(uncovered.Count == 0, "Add an instance with sentinels for: " + string.Join(", ", uncovered));
        Assert.Contains(typeof(CymbioClientOptions), matched);
        Assert.Contains(typeof(CymbioToken), matched);

        var leaks = new List<string>();
        foreach (var type in matched)
        {
            var instance = factories[type]();
            try
            {
                var shown = new List<(string, string?)> { ("ToString()", instance.ToString()) };
                if (Display(instance) is { } display)
                {
                    shown.Add(("[DebuggerDisplay]", display));
                }

                foreach (var (where, text) in shown)
                {
                    output.WriteLine($"{type.Name} {where}: {text}");
                    leaks.AddRange(sentinels.Find(text).Select(s => $"{type.Name} {where}: {s}"));
                }
            }
            finally
            {
                if (instance is IDisposable disposable && !ReferenceEquals(instance, tokenProvider))
                {
                    disposable.Dispose();
                }
            }
        }

        var json = JsonSerializer.Serialize(options);
        output.WriteLine("JSON: " + json);
        leaks.AddRange(sentinels.Find(json).Select(s => $"JsonSerializer.Serialize(options): {s}"));
        var indented = JsonSerializer.Serialize(options, new JsonSerializerOptions { WriteIndented = true, IncludeFields = true });
        leaks.AddRange(sentinels.Find(indented).Select(s => $"JsonSerializer.Serialize(options, IncludeFields): {s}"));

        Assert.True(leaks.Count == 0, "Sentinels shown:\n" + string.Join("\n", leaks));
    }

    [Fact]
    [Trait("Category", "Reliability")]
    public async Task F4_ApiFailures_SurfaceNoBearerValue_AndLogsMaskAuthorization()
    {
        await using var server = await ScriptedCymbioServer.StartAsync();
        var time = new FakeTimeProvider();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddFakeLogging());
        services.AddCymbio(options => RuntimeHarness.Options(server).CopyTo(options)).AddClient<IOrdersProbeApi>(TestJsonContext.Settings());
        using var provider = services.BuildServiceProvider();
        var api = provider.GetRequiredService<IOrdersProbeApi>();
        var directLogs = new FakeLogCollector();
        using var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(directLogs)));
        using var cymbio = new CymbioClient(RuntimeHarness.Options(server), time, loggerFactory);
        var direct = cymbio.Create<IOrdersProbeApi>(TestJsonContext.Settings());

        var failures = new List<(string Case, Exception Exception)>();
        foreach (var (name, client) in new[] { ("DI", api), ("plain", direct) })
        {
            server.ApiScript = _ => Task.FromResult(RuntimeHarness.Unauthorized());
            failures.Add(($"{name} 401 twice", await RuntimeHarness.CatchAsync(() => client.ListOrdersAsync())));
            failures.Add(($"{name} 401 stream", await RuntimeHarness.CatchAsync(() => client.UploadInventoryFeedAsync(new NonSeekableStream([1, 2, 3])))));
            server.ApiScript = _ => Task.FromResult(ScriptedResponse.Json(403, """{"message":"Forbidden"}"""));
            failures.Add(($"{name} 403", await RuntimeHarness.CatchAsync(() => client.GetOrderAsync(1))));
            server.ApiScript = _ => Task.FromResult(RuntimeHarness.InsufficientScope(CymbioScopes.WriteInventory));
            failures.Add(($"{name} 403 insufficient_scope", await RuntimeHarness.CatchAsync(() => client.AdjustInventoryAsync(new InventoryAdjustment("SKU", 1)))));
            server.ApiScript = _ => Task.FromResult(ScriptedResponse.Json(500, """{"message":"Internal error"}"""));
            failures.Add(($"{name} 500", await RuntimeHarness.CatchAsync(() => client.AdjustInventoryAsync(new InventoryAdjustment("SKU", 1)))));
        }

        var bearerTokens = server.ApiRequests.Select(r => r.BearerToken).OfType<string>().Distinct().ToList();
        Assert.NotEmpty(bearerTokens);
        var leaks = new List<string>();
        foreach (var (name, exception) in failures)
        {
            output.WriteLine($"{name}: {string.Join(" -> ", RuntimeHarness.Chain(exception).Select(e => e.GetType().Name))}: {exception.Message}");
            foreach (var (where, text) in ExceptionTexts(exception))
            {
                if (text.Contains("Bearer ", StringComparison.OrdinalIgnoreCase))
                {
                    leaks.Add($"{name} {where} contains 'Bearer '");
                }

                leaks.AddRange(bearerTokens.Where(t => text.Contains(t, StringComparison.Ordinal)).Select(_ => $"{name} {where} contains an access token"));
            }
        }

        var logs = provider.GetFakeLogCollector().GetSnapshot().Concat(directLogs.GetSnapshot()).ToList();
        // IHttpClientFactory's default loggers (which log every header at Trace) are replaced for Cymbio clients:
        // the requests are still logged, with no header at all.
        Assert.Contains(logs, r => r.Category?.EndsWith("CymbioHttpClientLogger", StringComparison.Ordinal) == true);
        var authorizationLogs = logs.Where(r => r.Message.Contains("Authorization", StringComparison.OrdinalIgnoreCase)).ToList();
        foreach (var record in logs)
        {
            foreach (var (where, text) in LogTexts(record))
            {
                leaks.AddRange(bearerTokens.Where(t => text.Contains(t, StringComparison.Ordinal)).Select(_ => $"log [{record.Category}] {where} contains an access token"));
            }
        }

        Assert.All(authorizationLogs, r => Assert.Contains("Authorization: *", r.Message, StringComparison.Ordinal));

        Assert.True(leaks.Count == 0, string.Join("\n", leaks.Distinct()));
        Assert.Equal(10, failures.Count);
        Assert.Contains(failures, f => RuntimeHarness.Find<CymbioUnauthorizedException>(f.Exception) is not null);
        Assert.Contains(failures, f => RuntimeHarness.Find<InsufficientScopeException>(f.Exception) is not null);
        Assert.Contains(failures, f => RuntimeHarness.Find<ApiException>(f.Exception)?.StatusCode == HttpStatusCode.InternalServerError);
    }

    [Fact]
    [Trait("Category", "Reliability")]
    public async Task F4_HttpClientFactoryHeaderLog_MasksAuthorizationInStructuredState()
    {
        await using var server = await ScriptedCymbioServer.StartAsync();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider());
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddFakeLogging());
        services.AddCymbio(options => RuntimeHarness.Options(server).CopyTo(options)).AddClient<IOrdersProbeApi>(TestJsonContext.Settings());
        using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IOrdersProbeApi>().ListOrdersAsync().Bounded();

        var token = Assert.Single(server.ApiRequests).BearerToken;
        Assert.NotNull(token);
        var leaking = provider.GetFakeLogCollector().GetSnapshot()
            .Where(r => LogTexts(r).Any(t => t.Text.Contains(token, StringComparison.Ordinal)))
            .Select(r => $"[{r.Category}] #{r.Id.Name}: {string.Join("; ", r.StructuredState?.Select(p => p.Key + "=" + p.Value) ?? [])}")
            .ToList();
        Assert.True(leaking.Count == 0, "The access token is in these log records:\n" + string.Join("\n", leaking));
    }

    [Fact]
    [Trait("Category", "Reliability")]
    public async Task F1_TokenEndpointException_BodyExcerpt_MasksTokens()
    {
        var sentinels = new Sentinels();
        await using var server = await ScriptedCymbioServer.StartAsync();
        string[] bodies =
        [
            $"access_token={sentinels.AccessToken("form")}&token_type=bearer&refresh_token={sentinels.RefreshToken("form")}",
            $"{{'access_token':'{sentinels.AccessToken("quote")}'}}",
            $$"""{"access_token":"{{sentinels.AccessToken("trunc")}}""",
        ];
        var leaks = new List<string>();
        foreach (var body in bodies)
        {
            server.TokenScript = (_, _) => Task.FromResult(ScriptedResponse.Text(200, body));
            using var cymbio = new CymbioClient(sentinels.Options(server.BaseAddress), new FakeTimeProvider());
            var thrown = await RuntimeHarness.CatchAsync(() => cymbio.Create<IOrdersProbeApi>(TestJsonContext.Settings()).ListOrdersAsync());
            var endpoint = RuntimeHarness.Find<TokenEndpointException>(thrown);
            Assert.NotNull(endpoint);
            leaks.AddRange(sentinels.Find(endpoint.BodyExcerpt).Select(s => $"{s} in BodyExcerpt '{endpoint.BodyExcerpt}'"));
        }

        Assert.True(leaks.Count == 0, string.Join("\n", leaks));
    }

    [Fact]
    [Trait("Category", "Reliability")]
    public async Task F5_RefreshTokens_ReplaceThePassword_AndRotatedTokensAreNeverReused()
    {
        await using var server = await ScriptedCymbioServer.StartAsync();
        server.IssueRefreshTokens = true;
        var time = new FakeTimeProvider();
        using var cymbio = new CymbioClient(RuntimeHarness.Options(server), time);
        var api = cymbio.Create<IOrdersProbeApi>(TestJsonContext.Settings());

        await api.ListOrdersAsync().Bounded();                           // TR 1: password → RT-1

        // Background renewals, 250 s apart (renewal at about 78 % of 300 s).
        for (var round = 2; round <= 3; round++)
        {
            time.Advance(TimeSpan.FromSeconds(250));
            await api.ListOrdersAsync().Bounded();
            await server.WaitForTokenRequestsAsync(round);
            var last = server.TokenRequests[round - 1];
            Assert.Equal(RequestOutcome.Responded, await last.Completion.Bounded());
            var suffix = "-" + round.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await RuntimeHarness.WaitUntilAsync(
                async () => (await cymbio.TokenProvider.GetTokenAsync(RuntimeHarness.DefaultGrants).AsTask().Bounded()).AccessToken.EndsWith(suffix, StringComparison.Ordinal),
                $"the background renewal of round {round} to be installed",
                TimeSpan.FromSeconds(10));
        }

        // A forced renewal after 401.
        server.ApiScript = ScriptedCymbioServer.ApiSequence(RuntimeHarness.Unauthorized(), null);
        await api.ListOrdersAsync().Bounded();                           // TR 4
        server.ApiScript = ScriptedCymbioServer.DefaultApiScript;
        await api.ListOrdersAsync().Bounded();

        var requests = server.TokenRequests;
        Assert.Equal(4, requests.Count);
        Assert.Equal("password", requests[0].GrantType);
        Assert.Equal(RuntimeHarness.Password, requests[0].FormField("password"));
        Assert.All(requests.Skip(1), r =>
        {
            Assert.Equal("refresh_token", r.GrantType);
            Assert.DoesNotContain("password", r.RawBody, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(RuntimeHarness.Password, r.RawBody, StringComparison.Ordinal);
        });
        Assert.Equal(new[] { "RT-1", "RT-2", "RT-3" }, requests.Skip(1).Select(r => r.FormField("refresh_token") ?? "(none)").ToArray());
        var sent = requests.Select(r => r.FormField("refresh_token")).OfType<string>().ToList();
        Assert.Equal(sent.Count, sent.Distinct().Count()); // a rotated refresh token is never sent again
        Assert.Equal("AT-refresh_token-cid-read:orders+write:inventory-4", server.ApiRequests[^1].BearerToken);
    }

    private static IEnumerable<(string Where, string Text)> LogTexts(FakeLogRecord record)
    {
        yield return ("message", record.Message);
        if (record.Exception is { } exception)
        {
            foreach (var text in ExceptionTexts(exception))
            {
                yield return text;
            }
        }

        if (record.StructuredState is { } state)
        {
            foreach (var pair in state)
            {
                yield return ($"state {pair.Key}", pair.Key + "=" + pair.Value);
            }
        }

        if (record.State?.ToString() is { } stateText)
        {
            yield return ("state", stateText);
        }

        foreach (var scope in record.Scopes)
        {
            yield return ("scope", scope?.ToString() ?? string.Empty);
            if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                foreach (var pair in pairs)
                {
                    yield return ($"scope {pair.Key}", pair.Key + "=" + pair.Value);
                }
            }
        }
    }

    private static IEnumerable<(string Where, string Text)> ExceptionTexts(Exception exception)
    {
        foreach (var current in RuntimeHarness.Chain(exception))
        {
            var name = current.GetType().Name;
            yield return ($"{name}.Message", current.Message);
            yield return ($"{name}.ToString()", current.ToString());
            foreach (DictionaryEntry entry in current.Data)
            {
                yield return ($"{name}.Data", entry.Key + "=" + entry.Value);
            }
        }
    }

    /// <summary>Evaluates a [DebuggerDisplay] the simple way a debugger would: {Member}, {Method()}, ",nq".</summary>
    private static string? Display(object instance)
    {
        var attribute = instance.GetType().GetCustomAttribute<DebuggerDisplayAttribute>(inherit: true);
        if (attribute is null)
        {
            return null;
        }

        return Regex.Replace(attribute.Value, @"\{([^}]+)\}", match =>
        {
            var expression = match.Groups[1].Value.Split(',')[0].Trim();
            const BindingFlags Any = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance;
            var type = instance.GetType();
            object? value = expression.EndsWith("()", StringComparison.Ordinal)
                ? type.GetMethod(expression[..^2], Any, Type.EmptyTypes)?.Invoke(instance, null) ?? throw new NotSupportedException(expression)
                : type.GetProperty(expression, Any)?.GetValue(instance) ?? type.GetField(expression, Any)?.GetValue(instance);
            return value?.ToString() ?? "null";
        });
    }

    /// <summary>The sweep's secrets, unique to one test run.</summary>
    private sealed class Sentinels
    {
        private readonly string _id = Guid.NewGuid().ToString("N")[..12];

        public string ClientSecret => "SENTINEL-CS-" + _id;

        public string Password => "SENTINEL-PW-" + _id;

        public string AccessTokenPrefix => "SENTINEL-AT-" + _id + "-";

        public string RefreshTokenPrefix => "SENTINEL-RT-" + _id + "-";

        public string AccessToken(string suffix) => AccessTokenPrefix + suffix;

        public string RefreshToken(string suffix) => RefreshTokenPrefix + suffix;

        public CymbioClientOptions Options(Uri baseAddress)
        {
            var options = RuntimeHarness.Options(baseAddress);
            options.ClientSecret = ClientSecret;
            options.Password = Password;
            return options;
        }

        /// <summary>The sentinels found in <paramref name="text"/> (also the bare id, which only a sentinel carries).</summary>
        public IEnumerable<string> Find(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                yield break;
            }

            foreach (var marker in new[] { "SENTINEL-CS-", "SENTINEL-PW-", "SENTINEL-AT-", "SENTINEL-RT-", _id })
            {
                if (text.Contains(marker, StringComparison.OrdinalIgnoreCase))
                {
                    yield return marker;
                }
            }
        }
    }

    /// <summary>Mints SENTINEL-AT-/SENTINEL-RT- tokens (refresh tokens rotate); a test can override or hang it.</summary>
    private sealed class SentinelTokenScript(Sentinels sentinels)
    {
        private int _minted;

        public Func<TokenRequestRecord, ScriptedResponse?>? Override { get; set; }

        public bool Hang { get; set; }

        public Task<ScriptedResponse> AnswerAsync(TokenRequestRecord request, TokenScriptContext context)
        {
            if (Hang)
            {
                return ScriptedResponse.HangAsync(context.RequestAborted);
            }

            if (Override?.Invoke(request) is { } scripted)
            {
                return Task.FromResult(scripted);
            }

            var n = Interlocked.Increment(ref _minted).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Task.FromResult(ScriptedResponse.Token(sentinels.AccessToken(n), 300, request.Scope, sentinels.RefreshToken(n)));
        }
    }

    /// <summary>Activities of Cymbio.Client and System.Net.Http, and measurements of the client-side meters.</summary>
    private sealed class TelemetryCapture : IDisposable
    {
        private static readonly string[] Meters = [CymbioTelemetry.Name, "System.Net.Http", "System.Net.NameResolution", "Polly"];
        private readonly ConcurrentQueue<(string Where, string Text)> _texts = new();
        private readonly ActivityListener _activities;
        private readonly MeterListener _meters;

        public TelemetryCapture()
        {
            _activities = new ActivityListener
            {
                ShouldListenTo = source => source.Name == CymbioTelemetry.Name || source.Name.StartsWith("System.Net.Http", StringComparison.Ordinal),
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = Record,
            };
            ActivitySource.AddActivityListener(_activities);
            _meters = new MeterListener
            {
                InstrumentPublished = (instrument, listener) =>
                {
                    if (Meters.Any(m => instrument.Meter.Name.StartsWith(m, StringComparison.Ordinal)))
                    {
                        listener.EnableMeasurementEvents(instrument);
                    }
                },
            };
            _meters.SetMeasurementEventCallback<long>((instrument, _, tags, _) => RecordTags(instrument, tags));
            _meters.SetMeasurementEventCallback<int>((instrument, _, tags, _) => RecordTags(instrument, tags));
            _meters.SetMeasurementEventCallback<double>((instrument, _, tags, _) => RecordTags(instrument, tags));
            _meters.Start();
        }

        public IEnumerable<(string Where, string Text)> Texts() => _texts.ToArray();

        public void Dispose()
        {
            _activities.Dispose();
            _meters.Dispose();
        }

        private void Record(Activity activity)
        {
            var where = $"activity {activity.Source.Name}/{activity.OperationName}";
            _texts.Enqueue((where + " name", activity.DisplayName));
            _texts.Enqueue((where + " status", activity.StatusDescription ?? string.Empty));
            foreach (var tag in activity.TagObjects)
            {
                _texts.Enqueue((where + " tag", tag.Key + "=" + tag.Value));
            }

            foreach (var item in activity.Baggage)
            {
                _texts.Enqueue((where + " baggage", item.Key + "=" + item.Value));
            }

            foreach (var activityEvent in activity.Events)
            {
                _texts.Enqueue((where + " event", activityEvent.Name));
                foreach (var tag in activityEvent.Tags)
                {
                    _texts.Enqueue((where + " event tag", tag.Key + "=" + tag.Value));
                }
            }
        }

        private void RecordTags(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            foreach (var tag in tags)
            {
                _texts.Enqueue(($"metric {instrument.Meter.Name}/{instrument.Name} tag", tag.Key + "=" + tag.Value));
            }
        }
    }
}
