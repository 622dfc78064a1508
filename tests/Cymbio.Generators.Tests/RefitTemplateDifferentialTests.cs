using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Cymbio.Tests.Shared.Roslyn;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Xunit;
using Xunit.Abstractions;

namespace Cymbio.Generators.Tests;

/// <summary>
/// docs/reliability.md G3, issue 8: a differential test against the pinned Refit's own source generator (16.4, then 17
/// since issue 10). The corpus (<c>Differential/RefitShapes.cs</c>) is built with Refit's generator and ours in one
/// driver; for every operation Refit's generated code implements, what it puts in <c>Refit.InterfaceType</c>,
/// <c>Refit.MethodName</c> and <c>Refit.RelativePathTemplate</c> (and the request's HTTP method) is read from that code
/// and looked up in the scope tables our generated code registers. Pass: every operation is in the table under exactly
/// Refit's template, the lookup finds that entry and no other, none fails open, and none needs less through a derived
/// interface than through the interface that declares it.
/// </summary>
public sealed class RefitTemplateDifferentialTests
{
    private readonly ITestOutputHelper _output;

    public RefitTemplateDifferentialTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void EveryOperationRefitImplements_IsInTheTableUnderTheTemplateRefitReports()
    {
        var corpus = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Differential", "RefitShapes.cs"));
        var compilation = RoslynTestEnvironment.Compile(new[] { (corpus, "/0/RefitShapes.cs") });
        var driver = RoslynTestEnvironment.CreateDriver(new[] { RefitGenerator(), new ScopeGenerator().AsSourceGenerator() }, additionalTexts: null);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        Assert.Empty(generatorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error || d.Id is "CS8784" or "CS8785"));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var assembly = Load(output);
        var operations = RefitOperations(output).ToList();
        Assert.True(operations.Count >= 60, $"Only {operations.Count} operations were read from Refit's generated code.");

        var failures = new List<string>();
        var unscoped = new SortedSet<string>(StringComparer.Ordinal);
        var byImplementedMethod = new Dictionary<(string Interface, string Method), ScopeSet>();
        foreach (var refit in operations)
        {
            var type = assembly.GetType(refit.InterfaceMetadataName, throwOnError: true)!;
            if (!CymbioScopeRegistry.IsRegistered(type))
            {
                // No table: the handler refuses every call of such a client (fail closed).
                unscoped.Add(refit.InterfaceMetadataName);
                continue;
            }

            var table = CymbioScopeRegistry.GetOperations(type);
            var entries = table.Where(o => o.MethodName == refit.MethodName
                && (o.HttpMethod is null || string.Equals(o.HttpMethod, refit.HttpMethod, StringComparison.OrdinalIgnoreCase))
                && o.RouteTemplate == refit.Template).ToList();
            if (entries.Count == 0)
            {
                var candidates = string.Join(", ", table.Where(o => o.MethodName == refit.MethodName).Select(o => $"{o.HttpMethod} '{o.RouteTemplate}'"));
                failures.Add($"{refit}: no table entry with Refit's template; the table has {(candidates.Length == 0 ? "no operation of that name" : candidates)}");
                continue;
            }

            if (!CymbioScopeRegistry.TryGetOperation(type, refit.MethodName, refit.HttpMethod, refit.Template, out var found))
            {
                failures.Add($"{refit}: the lookup found nothing");
                continue;
            }

            var expected = entries.Select(e => e.Scopes).Aggregate((a, b) => a.Union(b));
            if (!found.Scopes.Equals(expected))
            {
                failures.Add($"{refit}: the lookup requires '{found.Scopes}', the entry for Refit's template '{expected}' (another overload was merged in)");
            }

            if (!found.IsDeclared)
            {
                failures.Add($"{refit}: fails open (no requirement declared)");
            }

            byImplementedMethod[(refit.InterfaceMetadataName, refit.ImplementedMethod)] = found.Scopes;
        }

        // The same endpoint never needs less through a derived interface than through the one that declares it.
        foreach (var refit in operations.Where(o => o.DeclaringMetadataName != o.InterfaceMetadataName))
        {
            if (byImplementedMethod.TryGetValue((refit.InterfaceMetadataName, refit.ImplementedMethod), out var derived)
                && byImplementedMethod.TryGetValue((refit.DeclaringMetadataName, refit.ImplementedMethod), out var declared)
                && !declared.IsSubsetOf(derived))
            {
                failures.Add($"{refit}: needs '{derived}' through {refit.InterfaceMetadataName}, less than '{declared}' through {refit.DeclaringMetadataName}");
            }
        }

        // Only the interfaces that neither declare nor inherit a requirement have no table.
        Assert.Equal(new[] { "Differential.IChainBaseApi", "Differential.IDiamondBaseApi" }, unscoped);

        // Only the custom verb goes through the reflection request builder, whose templates this test cannot see.
        Assert.Equal(new[] { "Search" }, NotInline.Distinct());
        _output.WriteLine($"{operations.Count} operations of {operations.Select(o => o.InterfaceMetadataName).Distinct().Count()} interfaces compared.");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Theory]
    [InlineData(null, "/items", "/items")]
    [InlineData("/v3", "/items", "/v3/items")]
    [InlineData("/v3/", "items", "/v3/items")]
    [InlineData("/v3//", "//items", "/v3/items")]
    [InlineData("/v3", "", "/v3")]
    [InlineData("/v3", "/", "/v3")]
    [InlineData("/", "items", "items")]
    [InlineData("/v3", "?a=1", "/v3/?a=1")]
    [InlineData("/v3", "#x", "/v3/")]
    [InlineData("/q#x", "/g", "/q")]
    [InlineData("/q?x=1", "/h?y=2", "/q?x=1/h?y=2")]
    [InlineData(null, "/foo?", "/foo")]
    [InlineData(null, "/foo?=value", "/foo")]
    [InlineData(null, "/foo?&a=1&&b=&=c&", "/foo?a=1&b=")]
    [InlineData(null, "/foo??a", "/foo??a")]
    public void Template_JoinsThePrefix_DropsTheFragmentAndEmptyQueryParts(string? prefix, string route, string expected) =>
        Assert.Equal(expected, RefitRoutes.Template(prefix, route));

    /// <summary>Refit's own generator, loaded from the Refit package this project references.</summary>
    private static ISourceGenerator RefitGenerator()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "RefitGenerator", "InterfaceStubGeneratorV2.dll");
        var assembly = Assembly.LoadFrom(path);
        var type = assembly.GetTypes().Single(t => typeof(IIncrementalGenerator).IsAssignableFrom(t) && t.GetCustomAttributes<GeneratorAttribute>().Any());
        return ((IIncrementalGenerator)Activator.CreateInstance(type)!).AsSourceGenerator();
    }

    private static Assembly Load(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var emitted = compilation.Emit(stream);
        Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics));
        return Assembly.Load(stream.ToArray());
    }

    /// <summary>Every method of Refit's generated stubs, with what it reports and the interface method it implements.</summary>
    private static IEnumerable<RefitOperation> RefitOperations(Compilation output)
    {
        foreach (var tree in output.SyntaxTrees.Where(t => t.FilePath.Contains("InterfaceStubGenerator", StringComparison.Ordinal)))
        {
            var model = output.GetSemanticModel(tree);
            foreach (var method in tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
            {
                string? interfaceName = null, methodName = null, template = null, verb = null;
                foreach (var invocation in method.DescendantNodes().OfType<InvocationExpressionSyntax>())
                {
                    var name = (invocation.Expression as MemberAccessExpressionSyntax)?.Name.Identifier.ValueText;
                    var arguments = invocation.ArgumentList.Arguments;
                    if (name == "AddConfiguredRequestOptions" && arguments.Count == 3 && arguments[2].Expression is TypeOfExpressionSyntax typeOf)
                    {
                        interfaceName = MetadataName((INamedTypeSymbol)model.GetTypeInfo(typeOf.Type).Type!);
                    }
                    else if (name is not null && name.StartsWith("AddRequestProperty", StringComparison.Ordinal) && arguments.Count == 3)
                    {
                        var key = (arguments[1].Expression as MemberAccessExpressionSyntax)?.Name.Identifier.ValueText;
                        var value = model.GetConstantValue(arguments[2].Expression).Value as string;
                        if (key == "MethodName")
                        {
                            methodName = value;
                        }
                        else if (key == "RelativePathTemplate")
                        {
                            template = value;
                        }
                    }
                }

                foreach (var creation in method.DescendantNodes().OfType<ObjectCreationExpressionSyntax>())
                {
                    if (model.GetOperation(creation) is IObjectCreationOperation { Type.Name: "HttpRequestMessage", Arguments.Length: > 0 } request)
                    {
                        verb = Verb(request.Arguments[0].Value, model);
                    }
                }

                if (interfaceName is null && methodName is null && template is null)
                {
                    // Not a request method (Dispose, ...), or one Refit cannot build inline (RF006: a custom verb), which
                    // goes through the Refit.Reflection package at run time; its template is not in the generated code.
                    if (method.DescendantNodes().OfType<IdentifierNameSyntax>().Any(n => n.Identifier.ValueText == "BuildRestResultFuncForMethod"))
                    {
                        NotInline.Add(method.Identifier.ValueText);
                    }

                    continue;
                }

                Assert.True(interfaceName is not null && methodName is not null && template is not null && verb is not null,
                    $"Refit's generated {method.Identifier} in {tree.FilePath} is not inline (RF006?) or its shape changed: type {interfaceName}, name {methodName}, template {template}, verb {verb}.");
                var implemented = Implemented(model.GetDeclaredSymbol(method)!);
                yield return new RefitOperation(interfaceName!, methodName!, verb!, template!, MetadataName(implemented.ContainingType), implemented.ToDisplayString());
            }
        }
    }

    /// <summary>The methods of the corpus that the pinned Refit does not build inline.</summary>
    private static readonly List<string> NotInline = new();

    /// <summary>The HTTP method of <c>new HttpRequestMessage(verb, …)</c>: <c>HttpMethod.Get</c>, or a field holding <c>new HttpMethod("PATCH")</c>.</summary>
    private static string? Verb(IOperation verb, SemanticModel model) => verb switch
    {
        IPropertyReferenceOperation property => property.Property.Name.ToUpperInvariant(),
        IObjectCreationOperation { Arguments.Length: 1 } custom => custom.Arguments[0].Value.ConstantValue.Value as string,
        IFieldReferenceOperation field when field.Field.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } initializer }
            => model.GetOperation(initializer) is { } created ? Verb(created, model) : null,
        _ => null,
    };

    /// <summary>The interface method a stub method implements (explicitly or implicitly).</summary>
    private static IMethodSymbol Implemented(IMethodSymbol stubMethod)
    {
        if (!stubMethod.ExplicitInterfaceImplementations.IsEmpty)
        {
            return stubMethod.ExplicitInterfaceImplementations[0].OriginalDefinition;
        }

        foreach (var candidate in stubMethod.ContainingType.AllInterfaces.SelectMany(i => i.GetMembers().OfType<IMethodSymbol>()))
        {
            if (SymbolEqualityComparer.Default.Equals(stubMethod.ContainingType.FindImplementationForInterfaceMember(candidate), stubMethod))
            {
                return candidate.OriginalDefinition;
            }
        }

        throw new InvalidOperationException($"{stubMethod} implements no interface method.");
    }

    private static string MetadataName(INamedTypeSymbol type)
    {
        type = type.OriginalDefinition;
        var chain = new List<string>();
        for (var current = type; current is not null; current = current.ContainingType)
        {
            chain.Insert(0, current.MetadataName);
        }

        return type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + string.Join("+", chain) : string.Join("+", chain);
    }

    private sealed record RefitOperation(
        string InterfaceMetadataName, string MethodName, string HttpMethod, string Template, string DeclaringMetadataName, string ImplementedMethod)
    {
        public override string ToString() => $"{InterfaceMetadataName}.{MethodName} ({HttpMethod} '{Template}')";
    }
}
