using System.Threading.Tasks;
using Cymbio.Tests.Shared.Roslyn;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static Cymbio.Generators.Tests.DeclarationTest;

namespace Cymbio.Generators.Tests;

public sealed class DeclarationDiagnosticTests
{
    private const string Usings = """
        using System.Threading.Tasks;
        using Cymbio;
        using Refit;

        """;

    [Fact]
    public async Task CorrectDeclarations_ReportNothing()
    {
        var test = new DeclarationTest(Usings + """
            namespace Sample;

            [CymbioScope(CymbioScopes.ReadOrders)]
            public interface IFulfillmentsApi
            {
                [Get("/v3/suppliers/{supplierId}/fulfillments")]
                Task<string> ListAsync(long supplierId);

                [Put("/v3/suppliers/{supplierId}/fulfillments/{id}/setStatus/accepted")]
                [CymbioScope(CymbioScopes.WriteFulfillments)]
                Task AcceptAsync(long supplierId, long id);

                [Put("/v3/suppliers/{supplierId}/fulfillments/{id}/setStatus/{status}")]
                [CymbioScope(CymbioScopes.WriteFulfillments)]
                Task SetStatusAsync(long supplierId, long id, string status);

                [Put("/v3/suppliers/{supplierId}/fulfillments/{id}/setStatus")]
                [CymbioScope(CymbioScopes.WriteFulfillments)]
                Task SetStatusAsync(long supplierId, long id, [Body] object status);
            }

            public interface ISupplierApi : IFulfillmentsApi, System.IDisposable
            {
            }

            public sealed class Service
            {
                [CymbioScope("read:orders", "write:fulfillments")]
                public Task SyncAsync() => Task.CompletedTask;
            }
            """, """
            { "scopes": [ { "name": "read:purchase-orders", "description": "x" } ], "grants": [ "read:orders", "read:purchase-orders" ] }
            """);
        await test.RunWithGeneratorAsync();
    }

    [Fact]
    public async Task UnknownScopeInAttribute_SuggestsTheClosestScope()
    {
        var test = new DeclarationTest(Usings + """
            namespace Sample;

            [CymbioScope({|#0:"read:order"|})]
            public interface IOrdersApi
            {
                [Get("/v3/retailers/{retailerId}/orders")]
                Task<string> ListAsync(long retailerId);

                [Put("/v3/retailers/{retailerId}/orders/{id}")]
                [CymbioScope(CymbioScopes.WriteOrders, {|#1:"Write:Orders"|})]
                Task UpdateAsync(long retailerId, long id);

                [Post("/v3/retailers/{retailerId}/orders")]
                [CymbioScope(new[] { CymbioScopes.WriteOrders, {|#2:"write:nothing-like-it"|} })]
                Task CreateAsync(long retailerId);
            }

            public sealed class Service
            {
                [CymbioScope({|#3:"read orders"|})]
                public void Sync() { }
            }
            """);
        test.ExpectedDiagnostics.Add(Diagnostic(DiagnosticIds.UnknownScope).WithLocation(0).WithArguments("read:order", "; did you mean 'read:orders'?"));
        test.ExpectedDiagnostics.Add(Diagnostic(DiagnosticIds.UnknownScope).WithLocation(1).WithArguments("Write:Orders", "; did you mean 'write:orders'?"));
        test.ExpectedDiagnostics.Add(Diagnostic(DiagnosticIds.UnknownScope).WithLocation(2).WithArguments("write:nothing-like-it", "; no scopes.json of this project or of a referenced assembly declares it"));
        test.ExpectedDiagnostics.Add(Diagnostic(DiagnosticIds.UnknownScope).WithLocation(3).WithArguments("read orders", "; did you mean 'read:orders'?"));
        await test.RunWithGeneratorAsync();
    }

    /// <summary>
    /// Before one catalog, the declaration analyzer took any string a referenced assembly's
    /// <c>[assembly: CymbioScopeDefinition]</c> named as a known scope, while the generator kept only valid scope names: a
    /// call site could pass the analyzer with a scope the generated constants did not have. Both now read definitions with
    /// <see cref="ScopeSymbols.ReferencedScopes"/>.
    /// </summary>
    [Fact]
    public async Task ReferencedScopeDefinitions_AreReadWithOneRule_ByTheGeneratorAndTheAnalyzer()
    {
        var reference = RoslynTestEnvironment.EmitReference(RoslynTestEnvironment.Compile(new[]
        {
            ("""
            [assembly: Cymbio.CymbioScopeDefinition("read:widgets", "Read widgets.")]
            [assembly: Cymbio.CymbioScopeDefinition("Read Widgets", "Not a scope name.")]
            """, "/lib/Definitions.cs"),
        }).WithAssemblyName("Contoso.Widgets.Contracts"));

        var test = new DeclarationTest(Usings + """
            public interface IWidgetsApi
            {
                [Get("/widgets")]
                [CymbioScope("read:widgets")]
                Task<string> ListAsync();

                [Get("/widgets/odd")]
                [CymbioScope({|#0:"Read Widgets"|})]
                Task<string> OddAsync();
            }
            """);
        test.TestState.AdditionalReferences.Add(reference);
        test.ExpectedDiagnostics.Add(Diagnostic(DiagnosticIds.UnknownScope).WithLocation(0).WithArguments("Read Widgets", "; did you mean 'read:widgets'?"));
        await test.RunAsync();

        var consumer = RoslynTestEnvironment.Compile(new[] { (test.SourceWithoutMarkup, "/0/Test0.cs") }, RoslynTestEnvironment.References.Add(reference));
        var referenced = ScopeSymbols.ReferencedScopes(consumer);
        Assert.Contains(referenced, s => s.Name == "read:widgets" && s.Description == "Read widgets.");
        Assert.DoesNotContain(referenced, s => s.Name == "Read Widgets");
    }

    [Fact]
    public async Task UnknownScope_WhenTheProjectManifestCannotBeRead_SaysSo()
    {
        const string manifest = "{ \"scopes\": [ { \"name\": \"read:purchase-orders\" } ";
        var test = new DeclarationTest(Usings + """
            namespace Sample;

            [CymbioScope({|#0:"read:purchase-orders"|})]
            public interface IPurchaseOrdersApi
            {
                [Get("/v3/purchase-orders")]
                Task<string> ListAsync();
            }
            """, manifest);
        test.ExpectedDiagnostics.Add(Diagnostic(DiagnosticIds.UnknownScope).WithLocation(0)
            .WithArguments("read:purchase-orders", "; a scopes.json of this project cannot be read (CYM0001), so its scopes are unknown"));
        test.ExpectedDiagnostics.Add(Diagnostic(DiagnosticIds.ManifestUnreadable).WithSpan(ManifestPath, 1, 50, 1, 50)
            .WithArguments("the file is not valid JSON: Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed."));
        await test.RunWithGeneratorAsync();
    }

    [Fact]
    public async Task ScopedMethodWithoutHttpAttribute_IsReported()
    {
        var test = new DeclarationTest(Usings + """
            namespace Sample;

            public interface IVariantsApi
            {
                [Get("/v3/variants/{id}")]
                [CymbioScope(CymbioScopes.ReadVariants)]
                Task<string> GetAsync(long id);

                [CymbioScope(CymbioScopes.ReadVariants)]
                Task<string> {|#0:LocalHelperAsync|}(long id);
            }

            [CymbioScope(CymbioScopes.ReadWarehouses)]
            public interface IWarehousesApi
            {
                Task<string> {|#1:NotAnOperationAsync|}();
            }
            """);
        test.ExpectedDiagnostics.Add(Diagnostic(DiagnosticIds.ScopedMethodWithoutHttpAttribute).WithLocation(0).WithArguments("LocalHelperAsync"));
        test.ExpectedDiagnostics.Add(Diagnostic(DiagnosticIds.ScopedMethodWithoutHttpAttribute).WithLocation(1).WithArguments("NotAnOperationAsync"));
        await test.RunWithGeneratorAsync();
    }

    [Fact]
    public async Task OperationWithoutRequirement_InScopedInterface_IsReported()
    {
        var test = new DeclarationTest(Usings + """
            namespace Sample;

            public interface IInventoryApi
            {
                [Put("/v3/suppliers/{supplierId}/warehouses/{warehouseId}/inventory")]
                [CymbioScope(CymbioScopes.WriteInventory)]
                Task PushAsync(long supplierId, long warehouseId);

                [Get("/v3/suppliers/{supplierId}/inventory")]
                Task<string> {|#0:ReadAsync|}(long supplierId);
            }

            public interface IUnscopedApi
            {
                [Get("/v3/users")]
                Task<string> UsersAsync();
            }
            """);
        test.ExpectedDiagnostics.Add(Diagnostic(DiagnosticIds.MissingRequirement).WithLocation(0).WithArguments("ReadAsync", "IInventoryApi"));
        await test.RunWithGeneratorAsync();
    }

    [Fact]
    public async Task OverloadsTheRuntimeCannotTellApart_AreReported()
    {
        var test = new DeclarationTest(Usings + """
            namespace Sample;

            public interface IFulfillmentsApi
            {
                [Put("/v3/suppliers/{supplierId}/fulfillments/{id}")]
                [CymbioScope(CymbioScopes.WriteFulfillments)]
                Task UpdateAsync(long supplierId, long id);

                [Put("/v3/suppliers/{supplierId}/fulfillments/{id}")]
                [CymbioScope(CymbioScopes.WriteFulfillments, CymbioScopes.WriteOrders)]
                Task {|#0:UpdateAsync|}(long supplierId, long id, [Body] object body);

                [Put("/v3/suppliers/{supplierId}/fulfillments/{id}")]
                [CymbioScope(CymbioScopes.WriteFulfillments)]
                Task {|#1:UpdateAsync|}(long supplierId, long id, string note);
            }
            """);
        test.ExpectedDiagnostics.Add(Diagnostic(DiagnosticIds.IndistinguishableOverloads).WithLocation(0)
            .WithArguments("UpdateAsync", "PUT /v3/suppliers/{supplierId}/fulfillments/{id}", "write:fulfillments", "write:fulfillments write:orders"));
        test.ExpectedDiagnostics.Add(Diagnostic(DiagnosticIds.IndistinguishableOverloads).WithLocation(1)
            .WithArguments("UpdateAsync", "PUT /v3/suppliers/{supplierId}/fulfillments/{id}", "write:fulfillments write:orders", "write:fulfillments"));
        await test.RunWithGeneratorAsync();
    }

    [Fact]
    public async Task SuspiciousVerbScopePairs_AreInformational()
    {
        var test = new DeclarationTest(Usings + """
            namespace Sample;

            public interface IWarehousesApi
            {
                [Get("/v3/suppliers/{supplierId}/warehouses")]
                [CymbioScope(CymbioScopes.WriteWarehouses)]
                Task<string> {|#0:ListAsync|}(long supplierId);

                [Post("/v3/suppliers/{supplierId}/warehouses")]
                [CymbioScope(CymbioScopes.ReadWarehouses)]
                Task {|#1:CreateAsync|}(long supplierId);

                [Delete("/v3/suppliers/{supplierId}/warehouses/{id}")]
                [CymbioScope(CymbioScopes.ReadWarehouses, CymbioScopes.WriteWarehouses)]
                Task DeleteAsync(long supplierId, long id);
            }
            """);
        test.ExpectedDiagnostics.Add(Diagnostic(DiagnosticIds.WriteScopeOnSafeMethod).WithLocation(0).WithArguments("ListAsync", "GET", "write:warehouses"));
        test.ExpectedDiagnostics.Add(Diagnostic(DiagnosticIds.ReadScopesOnUnsafeMethod).WithLocation(1).WithArguments("CreateAsync", "POST", "read:warehouses"));
        await test.RunWithGeneratorAsync();
    }

    [Fact]
    public async Task DiagnosticsCanBeSuppressedWithPragma()
    {
        var test = new DeclarationTest(Usings + """
            namespace Sample;

            public interface IWarehousesApi
            {
            #pragma warning disable CYM0010 // GET that needs a write scope, on purpose
                [Get("/v3/suppliers/{supplierId}/warehouses/lock")]
                [CymbioScope(CymbioScopes.WriteWarehouses)]
                Task<string> LockAsync(long supplierId);
            #pragma warning restore CYM0010
            }
            """);
        await test.RunWithGeneratorAsync();
    }

    [Fact]
    public async Task AggregatesTheGeneratorCannotImplement_AreReportedWithTheReason()
    {
        var test = new DeclarationTest(Usings + """
            namespace Sample;

            [CymbioScope(CymbioScopes.ReadOrders)]
            public interface IOrdersApi
            {
                [Get("/v3/retailers/{retailerId}/orders")]
                Task<string> ListAsync(long retailerId);
            }

            public sealed record Order(long Id);

            [CymbioAggregate(CymbioAccount.Retailer, typeof(IOrdersApi))]
            public sealed class {|#0:NotPartial|}
            {
            }

            [CymbioAggregate(CymbioAccount.Retailer, typeof(IOrdersApi))]
            public static partial class {|#1:Static|}
            {
            }

            [CymbioAggregate(CymbioAccount.Retailer, typeof(IOrdersApi))]
            public sealed partial class {|#2:Generic|}<T>
            {
            }

            public sealed class Outer
            {
                [CymbioAggregate(CymbioAccount.Retailer, typeof(IOrdersApi))]
                public sealed partial class {|#3:Nested|}
                {
                }
            }

            [CymbioAggregate(CymbioAccount.Retailer, typeof(IOrdersApi), {|#4:typeof(Order)|})]
            public sealed partial class NotAnInterface
            {
            }

            [{|#5:CymbioAggregate(CymbioAccount.Retailer)|}]
            public sealed partial class NoInterface
            {
            }

            [{|#6:CymbioAggregate(CymbioAccount.Retailer, null)|}]
            public sealed partial class NullTypes
            {
            }

            [{|#7:CymbioAggregate(CymbioAccount.Retailer, typeof(IOrdersApi), AccountParameter = "not a name")|}]
            public sealed partial class BadParameter
            {
            }

            [CymbioAggregate(CymbioAccount.Retailer, typeof(IOrdersApi))]
            public sealed partial class Fine
            {
            }
            """);
        test.ExpectedDiagnostics.Add(Diagnostic(DiagnosticIds.InvalidAggregate).WithLocation(0).WithArguments("NotPartial", "'NotPartial' must be declared partial so that the generator can implement it"));
        test.ExpectedDiagnostics.Add(Diagnostic(DiagnosticIds.InvalidAggregate).WithLocation(1).WithArguments("Static", "'Static' is static; an aggregate client is created per client"));
        test.ExpectedDiagnostics.Add(Diagnostic(DiagnosticIds.InvalidAggregate).WithLocation(2).WithArguments("Generic", "'Generic' is generic; an aggregate client must not be"));
        test.ExpectedDiagnostics.Add(Diagnostic(DiagnosticIds.InvalidAggregate).WithLocation(3).WithArguments("Nested", "'Outer', which contains 'Nested', must be declared partial so that the generator can implement it"));
        test.ExpectedDiagnostics.Add(Diagnostic(DiagnosticIds.InvalidAggregate).WithLocation(4).WithArguments("NotAnInterface", "'Sample.Order' is not a closed interface type"));
        test.ExpectedDiagnostics.Add(Diagnostic(DiagnosticIds.InvalidAggregate).WithLocation(5).WithArguments("NoInterface", "the attribute names no interface"));
        test.ExpectedDiagnostics.Add(Diagnostic(DiagnosticIds.InvalidAggregate).WithLocation(6).WithArguments("NullTypes", "the attribute names no interface"));
        test.ExpectedDiagnostics.Add(Diagnostic(DiagnosticIds.InvalidAggregate).WithLocation(7).WithArguments("BadParameter", "AccountParameter 'not a name' is not a parameter name"));
        await test.RunWithGeneratorAsync();
    }
}
