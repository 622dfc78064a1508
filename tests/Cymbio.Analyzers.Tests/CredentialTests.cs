using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static Cymbio.Analyzers.Tests.Sources;
using static Cymbio.Analyzers.Tests.Verify;

namespace Cymbio.Analyzers.Tests;

/// <summary>CYM0015 (password grant) and CYM0016 (credential in a URL).</summary>
public sealed class CredentialTests
{
    private static DiagnosticResult Password(int location, string what) =>
        Diagnostic<CredentialAnalyzer>(CallSiteDiagnosticIds.PasswordGrant).WithLocation(location).WithArguments(what);

    private static DiagnosticResult InUrl(int location, string what, string part) =>
        Diagnostic<CredentialAnalyzer>(CallSiteDiagnosticIds.CredentialInUrl).WithLocation(location).WithArguments(what, part);

    [Fact]
    public async Task PasswordGrant_IsReportedOncePerOptions_AndNotForClientCredentials()
    {
        await new CallSiteTest<CredentialAnalyzer>(Usings + """
            namespace Sample;

            public static class Setup
            {
                public static CymbioClientOptions Password() => new() { ClientId = "id", Username = "user", {|#0:Password = "not-a-real-password"|} };

                public static CymbioClientOptions UsernameOnly() => new() { {|#1:Username = "user"|} };

                public static CymbioClientOptions Explicit() => new() { {|#2:GrantType = CymbioGrantType.Password|} };

                public static CymbioClientOptions ClientCredentials() => new() { ClientId = "id", ClientSecret = "not-a-real-secret", GrantType = CymbioGrantType.ClientCredentials, Username = "user", Password = "x" };

                public static CymbioClientOptions NoUser() => new() { ClientId = "id", ClientSecret = "not-a-real-secret", Username = null };

                public static void Later(CymbioClientOptions options)
                {
                    {|#3:options.Password = "not-a-real-password"|};
                    options.Password = null;
                }
            }
            """).Expect(
                Password(0, "This CymbioClientOptions"),
                Password(1, "This CymbioClientOptions"),
                Password(2, "This CymbioClientOptions"),
                Password(3, "This assignment"))
            .RunWithGeneratorAsync();
    }

    [Fact]
    public async Task CredentialsInRefitPathsAndQueries_AreReported_HeadersAndBodiesAreNot()
    {
        await new CallSiteTest<CredentialAnalyzer>(Usings + """
            using System.Threading;

            namespace Sample;

            public interface ILegacyApi
            {
                [Get("/v1/orders")]
                Task<string> ListAsync(string {|#0:access_token|}, int page, CancellationToken token);

                [Get("/v1/login/{password}")]
                Task<string> LoginAsync(string user, string {|#1:password|});

                [Get("/v1/search")]
                Task<string> SearchAsync([AliasAs("client_secret")] string {|#2:secret|});

                [{|#3:Get("/v1/export?api_key=abc")|}]
                Task<string> ExportAsync();

                [Get("/v1/orders")]
                Task<string> SafeAsync([Header("Authorization")] string authorization, [Authorize] string token, string pageToken);

                [Post("/v1/login")]
                Task<string> PostAsync([Body] LoginRequest request);
            }

            public sealed record LoginRequest(string Password);
            """).Expect(
                InUrl(0, "The parameter 'access_token' of 'ListAsync'", "query string"),
                InUrl(1, "The parameter 'password' of 'LoginAsync'", "path"),
                InUrl(2, "The parameter 'secret' of 'SearchAsync'", "query string"),
                InUrl(3, "The route of 'ExportAsync'", "query string ('api_key')"))
            .RunWithGeneratorAsync();
    }

    [Fact]
    public async Task CustomVerbAttributesOutsideRefit_AreAnalysedLikeBuiltInOnes()
    {
        await new CallSiteTest<CredentialAnalyzer>(Usings + """
            using System.Net.Http;

            namespace Sample;

            public sealed class SearchVerbAttribute(string path) : HttpMethodAttribute(path)
            {
                public override HttpMethod Method => new("SEARCH");
            }

            public interface ISearchApi
            {
                [{|#0:SearchVerb("/find?api_key=demo")|}]
                Task<string> Find();

                [SearchVerb("/find")]
                Task<string> FindBy(string {|#1:token|});
            }
            """).Expect(
                InUrl(0, "The route of 'Find'", "query string ('api_key')"),
                InUrl(1, "The parameter 'token' of 'FindBy'", "query string"))
            .RunWithGeneratorAsync();
    }

    [Fact]
    public async Task NullableCancellationTokens_AreNotQueryValues()
    {
        await new CallSiteTest<CredentialAnalyzer>(Usings + """
            using System.Threading;

            namespace Sample;

            public interface IOrdersApi
            {
                [Get("/v1/orders/{id}")]
                Task<string> Get(int id, CancellationToken? token = default);

                [Get("/v1/orders")]
                Task<string> List(CancellationToken? cancellationToken, string {|#0:token|});
            }
            """).Expect(InUrl(0, "The parameter 'token' of 'List'", "query string"))
            .RunWithGeneratorAsync();
    }

    [Fact]
    public async Task MultipartParts_AreNotUrlValues_ButPathAndQueryParametersOfMultipartMethodsAre()
    {
        await new CallSiteTest<CredentialAnalyzer>(Usings + """
            namespace Sample;

            public interface IUploadApi
            {
                [Multipart]
                [Post("/v1/upload")]
                Task<string> Upload(string password, byte[] bytes);

                [Multipart]
                [Post("/v1/upload/{password}")]
                Task<string> UploadTo(string {|#0:password|}, byte[] bytes);

                [Multipart]
                [Post("/v1/upload")]
                Task<string> UploadWith([Query] string {|#1:token|}, [AliasAs("secret")] string key, byte[] bytes);
            }

            public static class Calls
            {
                public static async Task RunAsync(IUploadApi api, CymbioToken token, byte[] bytes)
                {
                    await api.Upload(token.AccessToken, bytes);
                    await api.UploadWith("x", token.AccessToken, bytes);
                    await api.UploadTo({|#2:token.AccessToken|}, bytes);
                }
            }
            """).Expect(
                InUrl(0, "The parameter 'password' of 'UploadTo'", "path"),
                InUrl(1, "The parameter 'token' of 'UploadWith'", "query string"),
                InUrl(2, "Passing 'AccessToken' to 'UploadTo'", "path"))
            .RunWithGeneratorAsync();
    }

    [Fact]
    public async Task ImplicitBodiesOfPostPutAndPatch_AreNotUrlValues()
    {
        await new CallSiteTest<CredentialAnalyzer>(Usings + """
            using System.Collections.Generic;

            namespace Sample;

            public interface ITokensApi
            {
                [Post("/v1/tokens/revoke")]
                Task<string> Revoke(string[] token);

                [Put("/v1/tokens")]
                Task<string> Replace(IReadOnlyList<string> token, int version);

                [Post("/v1/tokens/revoke")]
                Task<string> RevokeWithReason([Body] string reason, string[] {|#0:token|});

                [Patch("/v1/tokens")]
                Task<string> Update([Query] string[] {|#1:token|});

                [Get("/v1/tokens")]
                Task<string> List(string[] {|#2:token|});
            }
            """).Expect(
                InUrl(0, "The parameter 'token' of 'RevokeWithReason'", "query string"),
                InUrl(1, "The parameter 'token' of 'Update'", "query string"),
                InUrl(2, "The parameter 'token' of 'List'", "query string"))
            .RunWithGeneratorAsync();
    }

    [Fact]
    public async Task SecretsPassedToQueryParametersOrFormattedIntoUrls_AreReported()
    {
        await new CallSiteTest<CredentialAnalyzer>(Usings + """
            namespace Sample;

            public interface IOrdersApi
            {
                [Get("/v1/orders")]
                Task<string> ListAsync(string filter, [Header("X-Key")] string key);
            }

            public static class Calls
            {
                public static async Task RunAsync(IOrdersApi api, ICymbioTokenProvider tokens, CymbioClientOptions options)
                {
                    var token = await tokens.GetTokenAsync(ScopeSet.Create(CymbioScopes.ReadOrders));
                    await api.ListAsync({|#0:token.AccessToken|}, token.AccessToken);
                    var url = $"https://example.com/orders?page=1&access_token={|#1:{token.AccessToken}|}";
                    var other = $"https://example.com/orders?key={|#2:{options.ClientSecret}|}";
                    var concatenated = "https://example.com/orders?token=" + {|#3:token.AccessToken|};
                    var fine = $"https://example.com/orders?page={url.Length}" + other + concatenated;
                    _ = fine;
                }
            }
            """).Expect(
                InUrl(0, "Passing 'AccessToken' to 'ListAsync'", "query string"),
                InUrl(1, "This string", "query string ('access_token')"),
                InUrl(2, "This string", "query string ('key')"),
                InUrl(3, "This string", "query string ('token')"))
            .RunWithGeneratorAsync();
    }

    [Fact]
    public async Task Severity_IsConfigurableInEditorConfig()
    {
        var test = new CallSiteTest<CredentialAnalyzer>(Usings + """
            namespace Sample;

            public static class Setup
            {
                public static CymbioClientOptions Options() => new() { {|#0:Username = "user"|} };
            }
            """).Expect(Password(0, "This CymbioClientOptions").WithSeverity(DiagnosticSeverity.Warning));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", """
            root = true

            [*.cs]
            dotnet_diagnostic.CYM0015.severity = warning
            """));
        await test.RunAsync();
    }
}
