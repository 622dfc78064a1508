using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static Cymbio.Generators.Tests.DeclarationTest;

namespace Cymbio.Generators.Tests;

/// <summary>Every manifest defect is one diagnostic, at its line and column inside scopes.json (docs/reliability.md H1).</summary>
public sealed class ManifestDiagnosticTests
{
    private const string Code = "namespace Sample { internal static class Placeholder { } }";

    private static Task Expect(string manifest, params DiagnosticResult[] expected)
    {
        var test = new DeclarationTest(Code, manifest);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunWithGeneratorAsync();
    }

    [Fact]
    public Task ValidManifest_WithBom_CommentsAndTrailingCommas_ReportsNothing() => Expect(
        "\uFEFF" + """
        {
          // Comments and trailing commas are accepted, as editors with the schema allow them.
          "$schema": "./scopes.schema.json",
          "namespace": "Contoso.Cymbio",
          "scopes": [ { "name": "read:purchase-orders", "description": "Reads purchase orders" }, ],
          "grants": [ "read:orders", "read:purchase-orders" ],
        }
        """);

    [Fact]
    public Task EmptyFile() => Expect(
        "  \n",
        Diagnostic(DiagnosticIds.ManifestUnreadable).WithSpan(ManifestPath, 1, 1, 1, 1).WithArguments("the file is empty; it must hold a JSON object"));

    [Fact]
    public Task RootThatIsNotAnObject() => Expect(
        "[ \"read:orders\" ]",
        Diagnostic(DiagnosticIds.ManifestUnreadable).WithSpan(ManifestPath, 1, 1, 1, 2).WithArguments("it must hold a JSON object, not an array"));

    [Fact]
    public Task InvalidJson_IsLocatedAtTheBadToken()
    {
        const string manifest = """
            {
              "scopes": [
                { "name": "read:purchase-orders" description: "x" }
              ]
            }
            """;
        // Line 3, column 38 is the 'd' of description: JSON cannot continue there after the name's value.
        return Expect(manifest, Diagnostic(DiagnosticIds.ManifestUnreadable).WithSpan(ManifestPath, 3, 38, 3, 39)
            .WithArguments("the file is not valid JSON: 'd' is invalid after a value. Expected either ',', '}', or ']'."));
    }

    [Fact]
    public Task WrongValueType()
    {
        const string manifest = """
            {
              "scopes": "read:purchase-orders",
              "tokenLifetimeSeconds": -5
            }
            """;
        return Expect(
            manifest,
            At(Diagnostic(DiagnosticIds.ManifestInvalidValue), ManifestPath, manifest, "\"read:purchase-orders\"")
                .WithArguments("'scopes' must be an array of { \"name\": …, \"description\": … } objects, not a string"),
            At(Diagnostic(DiagnosticIds.ManifestInvalidValue), ManifestPath, manifest, "-5")
                .WithArguments("'tokenLifetimeSeconds' must be a whole number of seconds greater than 0, not a number"));
    }

    [Fact]
    public Task DuplicateKeys()
    {
        const string manifest = """
            {
              "grants": [ "read:orders" ],
              "grants": [ "write:orders" ]
            }
            """;
        return Expect(manifest, At(Diagnostic(DiagnosticIds.ManifestInvalidValue), ManifestPath, manifest, "\"grants\"", 2)
            .WithArguments("'grants' appears more than once; only the first is used"));
    }

    [Fact]
    public Task UnknownMember_SuggestsTheIntendedOne()
    {
        const string manifest = """
            {
              "scope": [ { "name": "read:purchase-orders" } ],
              "grants": [ "read:orders" ],
              "operations": { "ListAsync": "read:orders" }
            }
            """;
        return Expect(
            manifest,
            At(Diagnostic(DiagnosticIds.ManifestUnknownMember), ManifestPath, manifest, "\"scope\"").WithArguments("scope", "; did you mean 'scopes'?"),
            At(Diagnostic(DiagnosticIds.ManifestUnknownMember), ManifestPath, manifest, "\"operations\"").WithArguments("operations", string.Empty));
    }

    [Theory]
    [InlineData("read:purchase orders", "it contains 'space', which RFC 6749 section 3.3 does not allow in a scope")]
    [InlineData("read:purchase\\\"orders", "it contains '\"', which RFC 6749 section 3.3 does not allow in a scope")]
    [InlineData("read:purchase\\\\orders", "it contains '\\', which RFC 6749 section 3.3 does not allow in a scope")]
    [InlineData("purchase-orders", "a scope is 'read:<resource>' or 'write:<resource>', the resource made of letters, digits, '.', '_' and '-'")]
    public Task InvalidScopeName(string jsonName, string reason)
    {
        var manifest = "{\n  \"scopes\": [\n    { \"name\": \"" + jsonName + "\" }\n  ]\n}";
        var name = jsonName.Replace("\\\\", "\\").Replace("\\\"", "\"");
        return Expect(manifest, At(Diagnostic(DiagnosticIds.InvalidScopeName), ManifestPath, manifest, "\"" + jsonName + "\"").WithArguments(name, reason));
    }

    [Fact]
    public Task DuplicateScopeAndGrant()
    {
        const string manifest = """
            {
              "scopes": [
                { "name": "read:purchase-orders" },
                { "name": "read:purchase-orders", "description": "again" }
              ],
              "grants": [ "read:orders", "read:orders" ]
            }
            """;
        return Expect(
            manifest,
            At(Diagnostic(DiagnosticIds.DuplicateScope), ManifestPath, manifest, "\"read:purchase-orders\"", 2).WithArguments("read:purchase-orders", "scopes", "line 3, column 15"),
            At(Diagnostic(DiagnosticIds.DuplicateScope), ManifestPath, manifest, "\"read:orders\"", 2).WithArguments("read:orders", "grants", "line 6, column 15"));
    }

    [Fact]
    public Task UnknownGrant_SuggestsTheClosestScope()
    {
        const string manifest = """
            { "grants": [ "read:ordrs", "write:inventory" ] }
            """;
        return Expect(manifest, At(Diagnostic(DiagnosticIds.UnknownScope), ManifestPath, manifest, "\"read:ordrs\"").WithArguments("read:ordrs", "; did you mean 'read:orders'?"));
    }

    [Fact]
    public Task FiveMegabyteManifest_IsReadWithoutDiagnostics()
    {
        var builder = new StringBuilder("{\n  \"scopes\": [\n");
        var i = 0;
        while (builder.Length < 5 * 1024 * 1024)
        {
            builder.Append("    { \"name\": \"read:resource-").Append(i++).Append("\", \"description\": \"Reads resource number ").Append(i).Append(" of a very large generated manifest.\" },\n");
        }

        builder.Append("    { \"name\": \"write:last\" }\n  ]\n}\n");
        return Expect(builder.ToString());
    }

    [Fact]
    public Task NonAsciiBeforeTheDefect_KeepsColumnsInCharacters()
    {
        const string manifest = """
            { "scopes": [ { "name": "read:orders-ü", "description": "Lesen – üblich" }, { "name": 5 } ] }
            """;
        return Expect(
            manifest,
            At(Diagnostic(DiagnosticIds.InvalidScopeName), ManifestPath, manifest, "\"read:orders-ü\"").WithArguments("read:orders-ü", "it contains '\\u00FC', which RFC 6749 section 3.3 does not allow in a scope"),
            At(Diagnostic(DiagnosticIds.ManifestInvalidValue), ManifestPath, manifest, "5").WithArguments("'name' must be a string, not a number"));
    }

    [Fact]
    public Task EnvironmentNamesThatMakeTheSameConstant_AndKeywordNamespaces_AreReported()
    {
        const string manifest = """
            {
              "namespace": "Contoso.class",
              "environments": { "prod": "https://api.cym.bio/", "Prod": "https://api.cym.bio/", "token-path": "https://x.example/" }
            }
            """;
        return Expect(
            manifest,
            At(Diagnostic(DiagnosticIds.ManifestInvalidValue), ManifestPath, manifest, "\"Contoso.class\"")
                .WithArguments("'namespace' must be a C# namespace such as 'Contoso.Cymbio', not 'Contoso.class'"),
            At(Diagnostic(DiagnosticIds.ManifestInvalidValue), ManifestPath, manifest, "\"Prod\"")
                .WithArguments("environment 'Prod' would generate the constant 'Prod', which 'prod' already uses; rename it"),
            At(Diagnostic(DiagnosticIds.ManifestInvalidValue), ManifestPath, manifest, "\"token-path\"")
                .WithArguments("environment 'token-path' would generate the constant 'TokenPath', which tokenPath already uses; rename it"));
    }
}
