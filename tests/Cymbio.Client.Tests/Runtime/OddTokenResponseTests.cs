using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Cymbio.Client.Tests.Infrastructure;
using Cymbio.Client.Tests.Runtime.Harness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Cymbio.Client.Tests.Runtime;

/// <summary>
/// RELIABILITY G4: token responses no well-behaved Cymbio sends — other spellings of <c>scope</c>, <c>expires_in</c>
/// as a string, duplicated members, an HTML page with status 200, a body far larger than any token response — and
/// server text made printable before it reaches a message or a log.
/// </summary>
[Collection(TokenReliabilityCollection.Name)]
[Trait("Category", "Reliability")]
public sealed class OddTokenResponseTests
{
    private static readonly ScopeSet Both = ScopeSet.Create(CymbioScopes.ReadOrders, CymbioScopes.WriteInventory);

    [Theory]
    [InlineData("\"read:orders write:inventory\"")]
    [InlineData("\"write:inventory read:orders\"")]
    [InlineData("\"read:orders,write:inventory\"")]
    [InlineData("\"read:orders, write:inventory\"")]
    [InlineData("[\"read:orders\", \"write:inventory\"]")]
    [InlineData("[\"write:inventory\",\"read:orders\"]")]
    public async Task G4_Scope_AsAJsonArrayOrCommaSeparated_IsReadLikeTheSpaceSeparatedForm(string scopeJson)
    {
        await using var rig = await AnsweringAsync(ScriptedResponse.Json(200, $$"""{"access_token":"AT-odd-scope","token_type":"Bearer","expires_in":300,"scope":{{scopeJson}}}"""));
        var (server, provider) = (rig.Server, rig.Provider);

        var token = await provider.GetTokenAsync(Both);

        Assert.Equal(Both, token.Scopes);
        Assert.Equal(1, server.TokenRequestCount);
    }

    [Theory]
    [InlineData("[\"read:orders\"]")]
    [InlineData("\"read:orders,\"")]
    public async Task G4_ANarrowerScope_InEitherSpelling_IsSeenAsNarrower(string scopeJson)
    {
        await using var rig = await AnsweringAsync(ScriptedResponse.Json(200, $$"""{"access_token":"AT-narrow","token_type":"Bearer","expires_in":300,"scope":{{scopeJson}}}"""));
        var (server, provider) = (rig.Server, rig.Provider);

        var refused = await Assert.ThrowsAsync<ScopeNotGrantedException>(() => provider.GetTokenAsync(Both).AsTask());

        Assert.Equal(ScopeSet.Create(CymbioScopes.WriteInventory), refused.MissingScopes);
    }

    [Theory]
    [InlineData("[\"read:orders\", 42]")]
    [InlineData("[[\"read:orders\"]]")]
    [InlineData("{\"read:orders\":true}")]
    [InlineData("[\"read:orders\", \"bad scope\\u0007\"]")]
    public async Task G4_AScopeThatIsNoListOfScopeTokens_IsATokenEndpointException(string scopeJson)
    {
        await using var rig = await AnsweringAsync(ScriptedResponse.Json(200, $$"""{"access_token":"AT-bad-scope","token_type":"Bearer","expires_in":300,"scope":{{scopeJson}}}"""));
        var (server, provider) = (rig.Server, rig.Provider);

        var failure = await Assert.ThrowsAsync<TokenEndpointException>(() => provider.GetTokenAsync(Both).AsTask());

        Assert.Contains("scope", failure.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.TokenRequestCount); // not retried
    }

    [Theory]
    [InlineData("\"120\"", 120)]
    [InlineData("\"120.0\"", 120)]
    [InlineData("120", 120)]
    public async Task G4_ExpiresIn_AsAJsonString_IsTheLifetime(string expiresInJson, int seconds)
    {
        await using var server = await ScriptedCymbioServer.StartAsync();
        server.TokenScript = (_, _) => Task.FromResult(ScriptedResponse.TokenRaw("AT-string-expiry", expiresInJson));
        var logger = new TokenTestLogger();
        using var provider = RuntimeHarness.Provider(RuntimeHarness.ClientCredentialsOptions(server), new FakeTimeProvider(), logger);

        var token = await provider.GetTokenAsync(RuntimeHarness.ReadOrders);

        Assert.Equal(TimeSpan.FromSeconds(seconds), token.Lifetime);
        Assert.Equal(0, logger.Count(TokenTestLogger.UnusableLifetime));
    }

    [Theory]
    [InlineData("""{"access_token":"AT-first-0001","access_token":"AT-second-0002","token_type":"Bearer","expires_in":300}""")]
    [InlineData("""{"access_token":"AT-first-0001","token_type":"Bearer","expires_in":300,"expires_in":86400}""")]
    [InlineData("""{"access_token":"AT-first-0001","token_type":"Bearer","expires_in":300,"scope":"read:orders","scope":"read:orders write:inventory"}""")]
    [InlineData("""{"access_token":"AT-first-0001","token_type":"Bearer","token_type":"mac","expires_in":300}""")]
    public async Task G4_DuplicatedMembers_AreRefusedAsAmbiguous_NotRetried_NothingCached(string body)
    {
        await using var rig = await AnsweringAsync(ScriptedResponse.Json(200, body));
        var (server, provider) = (rig.Server, rig.Provider);

        var failure = await Assert.ThrowsAsync<TokenEndpointException>(() => provider.GetTokenAsync(RuntimeHarness.ReadOrders).AsTask());

        Assert.Contains("more than once", failure.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, failure.StatusCode);
        Assert.DoesNotContain("AT-first-0001", failure.Message + failure.BodyExcerpt, StringComparison.Ordinal);
        Assert.DoesNotContain("AT-second-0002", failure.Message + failure.BodyExcerpt, StringComparison.Ordinal);
        Assert.Equal(1, server.TokenRequestCount);

        server.TokenScript = ScriptedCymbioServer.DefaultTokenScript;
        Assert.True(ScriptedCymbioServer.IsMinted((await provider.GetTokenAsync(RuntimeHarness.ReadOrders)).AccessToken));
    }

    [Fact]
    public async Task G4_AnHtmlPageWithStatus200_IsATokenEndpointExceptionThatSaysSo_NotRetried()
    {
        await using var server = await ScriptedCymbioServer.StartAsync();
        server.TokenScript = (_, _) => Task.FromResult(ScriptedResponse.Html(200, "<!DOCTYPE html><html><head><title>Sign in</title></head><body>\r\n<form>…</form></body></html>"));
        using var provider = RuntimeHarness.Provider(RuntimeHarness.ClientCredentialsOptions(server), new FakeTimeProvider(), new TokenTestLogger());

        var failure = await Assert.ThrowsAsync<TokenEndpointException>(() => provider.GetTokenAsync(RuntimeHarness.ReadOrders).AsTask());

        Assert.IsNotType<OAuthErrorException>(failure);
        Assert.Contains("HTML page", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("<", failure.Message, StringComparison.Ordinal);
        Assert.StartsWith("<!DOCTYPE html>", failure.BodyExcerpt, StringComparison.Ordinal);
        Assert.DoesNotContain(failure.BodyExcerpt!, static c => char.IsControl(c));
        Assert.Equal(1, server.TokenRequestCount);
    }

    [Fact]
    public async Task G4_AFiveMegabyteBody_OverLoopback_IsATokenEndpointException_NotRetried()
    {
        await using var server = await ScriptedCymbioServer.StartAsync();
        server.TokenScript = (_, _) => Task.FromResult(ScriptedResponse.Json(200, "{\"access_token\":\"AT-huge\",\"token_type\":\"Bearer\",\"expires_in\":300,\"pad\":\"" + new string('x', 5 * 1024 * 1024) + "\"}"));
        using var cymbio = new CymbioClient(RuntimeHarness.ClientCredentialsOptions(server), new FakeTimeProvider());

        var failure = await Assert.ThrowsAsync<TokenEndpointException>(() => cymbio.TokenProvider.GetTokenAsync(RuntimeHarness.ReadOrders).AsTask());

        Assert.Contains("larger than 64 KiB", failure.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.TokenRequestCount);
    }

    [Fact]
    public async Task G4_AnEndlessBody_IsReadNoFurtherThanTheBound()
    {
        var transport = new EndlessTokenBody();
        using var cymbio = new CymbioClient(RuntimeHarness.Options(new Uri("http://127.0.0.1:9/")), new FakeTimeProvider(), primaryHandler: transport);

        var failure = await Assert.ThrowsAsync<TokenEndpointException>(() => cymbio.TokenProvider.GetTokenAsync(RuntimeHarness.ReadOrders).AsTask());

        Assert.Contains("larger than 64 KiB", failure.Message, StringComparison.Ordinal);
        Assert.Equal(1, transport.Requests);
        Assert.InRange(transport.BytesRead, TokenEndpointClient.MaxResponseBytes, TokenEndpointClient.MaxResponseBytes + EndlessTokenBody.ChunkSize);
    }

    [Fact]
    public async Task G4_TheTokenEndpointClients_TheSdkCreates_BufferNoMoreThanTheBound()
    {
        var services = new ServiceCollection();
        services.AddCymbio(o => RuntimeHarness.Options(new Uri("http://127.0.0.1:9/")).CopyTo(o));
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient(CymbioTokenProvider.TokenEndpointClientName);

        Assert.Equal(64 * 1024, TokenEndpointClient.MaxResponseBytes);
        Assert.Equal(TokenEndpointClient.MaxResponseBytes, client.MaxResponseContentBufferSize);
    }

    [Fact]
    public async Task G4_HostileServerText_ReachesMessagesAndLogsPrintable_AndBounded()
    {
        const string Hostile = "\u001b[2J\u001b]0;owned\u0007Invalid \u202Eclient\u2066\r\nsecret";
        await using var server = await ScriptedCymbioServer.StartAsync();
        var logger = new TokenTestLogger();
        using var provider = RuntimeHarness.Provider(RuntimeHarness.ClientCredentialsOptions(server), new FakeTimeProvider(), logger);

        server.TokenScript = (_, _) => Task.FromResult(ScriptedResponse.OAuthError(400, "invalid_client", Hostile + new string('z', 4000)));
        var oauth = await Assert.ThrowsAsync<OAuthErrorException>(() => provider.GetTokenAsync(RuntimeHarness.ReadOrders).AsTask());
        server.TokenScript = (_, _) => Task.FromResult(ScriptedResponse.Json(403, System.Text.Json.JsonSerializer.Serialize(new { message = Hostile })));
        var message = await Assert.ThrowsAsync<TokenEndpointException>(() => provider.GetTokenAsync(RuntimeHarness.ReadOrders).AsTask());
        server.TokenScript = (_, _) => Task.FromResult(ScriptedResponse.TokenRaw("AT-hostile-expiry", System.Text.Json.JsonSerializer.Serialize("\u001b[31m" + Hostile)));
        await provider.GetTokenAsync(RuntimeHarness.ReadOrders);

        Assert.StartsWith("Invalid client secret", oauth.ErrorDescription, StringComparison.Ordinal);
        Assert.Contains("Invalid client secret", message.Message, StringComparison.Ordinal);
        Assert.True(oauth.Message.Length < 700, $"{oauth.Message.Length} characters");
        var texts = new[] { oauth.Message, oauth.ErrorDescription!, message.Message, message.BodyExcerpt ?? string.Empty }
            .Concat(logger.Records.Select(static r => r.Message))
            .ToList();
        Assert.Equal(1, logger.Count(TokenTestLogger.UnusableLifetime));
        Assert.All(texts, static text => Assert.DoesNotContain(text, static c => char.IsControl(c) || c is '\u202E' or '\u2066'));
    }

    private static async Task<Answering> AnsweringAsync(ScriptedResponse response)
    {
        var server = await ScriptedCymbioServer.StartAsync();
        server.TokenScript = (_, _) => Task.FromResult(response);
        return new Answering(server, RuntimeHarness.Provider(RuntimeHarness.ClientCredentialsOptions(server), new FakeTimeProvider(), new TokenTestLogger()));
    }

    /// <summary>A scripted server that answers every token request with one response, and a provider that asks it.</summary>
    private sealed record Answering(ScriptedCymbioServer Server, CymbioTokenProvider Provider) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Provider.Dispose();
            await Server.DisposeAsync();
        }
    }

    /// <summary>A transport whose token response is an endless JSON string, counting what the client read of it.</summary>
    private sealed class EndlessTokenBody : HttpMessageHandler
    {
        public const int ChunkSize = 16 * 1024;

        private long _bytesRead;
        private int _requests;

        public long BytesRead => Interlocked.Read(ref _bytesRead);

        public int Requests => _requests;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            var content = new StreamContent(new Endless(this), ChunkSize);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }

        private sealed class Endless(EndlessTokenBody owner) : Stream
        {
            private static readonly byte[] Prefix = "{\"access_token\":\"AT-endless\",\"pad\":\""u8.ToArray();
            private long _position;

            public override bool CanRead => true;

            public override bool CanSeek => false;

            public override bool CanWrite => false;

            public override long Length => throw new NotSupportedException();

            public override long Position { get => _position; set => throw new NotSupportedException(); }

            public override int Read(byte[] buffer, int offset, int count)
            {
                count = Math.Min(count, ChunkSize);
                for (var i = 0; i < count; i++)
                {
                    buffer[offset + i] = _position + i < Prefix.Length ? Prefix[_position + i] : (byte)'x';
                }

                _position += count;
                Interlocked.Add(ref owner._bytesRead, count);
                return count;
            }

            public override void Flush()
            {
            }

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();

            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }
    }
}
