using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Cymbio.Generators;
using Cymbio.Tests.Shared.Roslyn;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace Cymbio.Generators.Tests;

/// <summary>
/// <see cref="DeclaredCalls"/> against the compiler: every call it resolves from declarations binds to the same method
/// and receiver type as the operation tree says (the analyzer's reading), and the shapes it must leave to binding
/// (a name that means something else in a lambda, a pattern, a loop, a sibling block; overloads; extensions; generics)
/// are left. Each call in the corpus is marked <c>// fast</c> (resolved from declarations) or <c>// bound</c>.
/// </summary>
public sealed class DeclaredCallsTests
{
    private const string Corpus = """
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;

        namespace Sample;

        public interface IOrdersApi
        {
            Task ListAsync(long supplierId);

            Task GetAsync(long supplierId);

            Task GetAsync(long supplierId, long id);
        }

        public interface ISupplierApi : IOrdersApi
        {
        }

        public interface IOther
        {
            Task ListAsync(long supplierId);
        }

        public sealed class Orders : IOrdersApi
        {
            public Task ListAsync(long supplierId) => Task.CompletedTask;

            public Task GetAsync(long supplierId) => Task.CompletedTask;

            public Task GetAsync(long supplierId, long id) => Task.CompletedTask;
        }

        public struct Handle
        {
            public Task ListAsync(long supplierId) => Task.CompletedTask;
        }

        public static class OrdersExtensions
        {
            public static Task ExtraAsync(this IOrdersApi api) => api.ListAsync(0); // fast
        }

        public sealed class Client
        {
            public TApi Create<TApi>(string? name = null) where TApi : class => null!;

            public IOrdersApi Orders => null!;

            public Holder Supplier { get; } = new();
        }

        public sealed class Holder
        {
            public ISupplierApi Api { get; } = null!;
        }

        public sealed class Worker(IOrdersApi primary, Client client)
        {
            private readonly IOther api = null!;
            private readonly IOrdersApi _orders = null!;

            public IOrdersApi Property { get; set; } = null!;

            public Worker Worker2 => this;

            public async Task ShapesAsync(IOrdersApi parameter, ISupplierApi supplier, Handle handle)
            {
                await parameter.ListAsync(1); // fast
                await supplier.ListAsync(1); // fast
                await handle.ListAsync(1); // fast
                await primary.ListAsync(1); // fast
                await _orders.ListAsync(1); // fast
                await this._orders.ListAsync(1); // fast
                await (_orders).ListAsync(1); // fast
                await Property.ListAsync(1); // fast
                await client.Orders.ListAsync(1); // fast
                await client.Supplier.Api.ListAsync(1); // fast
                await Worker2.Property.ListAsync(1); // fast
                await api.ListAsync(1); // fast

                var created = client.Create<IOrdersApi>();
                await created.ListAsync(1); // fast
                var named = client.Create<ISupplierApi>("x");
                await named.ListAsync(1); // fast
                IOrdersApi typed = new Orders();
                await typed.ListAsync(1); // fast
                var concrete = new Orders();
                await concrete.ListAsync(1); // fast
                var cast = (IOrdersApi)concrete;
                await cast.ListAsync(1); // fast
                var asCast = concrete as IOrdersApi;
                await asCast!.ListAsync(1); // bound
                var chained = client.Supplier;
                await chained.Api.ListAsync(1); // fast

                await parameter.GetAsync(1); // bound
                await parameter.ExtraAsync(); // bound
                await parameter?.ListAsync(1)!; // bound
                await client.Create<IOrdersApi>().ListAsync(1); // bound
            }

            public async Task ShadowingAsync()
            {
                // The field 'api' is IOther; the local of the same name is IOrdersApi, only inside its block.
                {
                    var api = client.Create<IOrdersApi>();
                    await api.ListAsync(1); // fast
                }

                await api.ListAsync(2); // bound
            }

            public async Task LocalShadowsFieldAsync()
            {
                var _orders2 = client.Create<ISupplierApi>();
                await _orders2.ListAsync(1); // fast
            }

            public async Task OtherNamesAsync(object value, IEnumerable<IOrdersApi> many)
            {
                if (value is IOrdersApi api)
                {
                    await api.ListAsync(1); // bound
                }

                foreach (var each in many)
                {
                    await each.ListAsync(1); // bound
                }

                await Task.WhenAll(many.Select(primary => primary.ListAsync(1))); // bound
                await Task.WhenAll(from q in many select q.ListAsync(1)); // bound
                Make(out var made);
                await made.ListAsync(1); // bound

                async Task Local(IOrdersApi local) => await local.ListAsync(1); // bound
                await Local(primary);
            }

            public async Task GenericAsync<T>(T item, IOrdersApi orders)
                where T : IOrdersApi
            {
                await item.ListAsync(1); // bound
                await orders.ListAsync(1); // bound
            }

            public IOrdersApi Setter
            {
                set => value.ListAsync(1); // bound
            }

            private static void Make(out IOrdersApi made) => made = null!;
        }
        """;

    [Fact]
    public void EveryCallResolvedFromDeclarations_BindsToTheSameMethodAndReceiverType_AndDoubtfulShapesAreLeftToBinding()
    {
        var compilation = RoslynTestEnvironment.Compile(Corpus);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var tree = compilation.SyntaxTrees.Single();
        var model = compilation.GetSemanticModel(tree);
        var text = tree.GetText();
        var checkedCalls = new List<string>();
        foreach (var invocation in tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            var line = text.Lines.GetLineFromPosition(invocation.SpanStart).ToString();
            var marked = line.EndsWith("// fast", StringComparison.Ordinal) ? true : line.EndsWith("// bound", StringComparison.Ordinal) ? false : (bool?)null;
            var name = invocation.Expression switch
            {
                MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
                _ => null,
            };
            if (marked is null || name is not ("ListAsync" or "GetAsync" or "ExtraAsync"))
            {
                continue;
            }

            var resolved = DeclaredCalls.TryResolve(model, invocation, name, out var method, out var receiverType, CancellationToken.None);
            Assert.True(marked == resolved, $"expected {(marked.Value ? "fast" : "bound")}: {line.Trim()}");
            if (resolved)
            {
                Assert.True(CallRequirements.TryGetCall(model.GetOperation(invocation)!, out var bound, out var receiver));
                Assert.True(SymbolEqualityComparer.Default.Equals(bound, method), $"method of {line.Trim()}: {method} vs {bound}");
                var boundReceiver = receiver is Microsoft.CodeAnalysis.Operations.IConversionOperation { IsImplicit: true } conversion ? conversion.Operand : receiver;
                Assert.True(SymbolEqualityComparer.Default.Equals(boundReceiver?.Type, receiverType), $"receiver of {line.Trim()}: {receiverType} vs {boundReceiver?.Type}");
            }

            checkedCalls.Add(line.Trim());
        }

        var markedLines = Corpus.Split('\n').Count(l => l.TrimEnd().EndsWith("// fast", StringComparison.Ordinal) || l.TrimEnd().EndsWith("// bound", StringComparison.Ordinal));
        Assert.Equal(markedLines, checkedCalls.Count);
    }
}
