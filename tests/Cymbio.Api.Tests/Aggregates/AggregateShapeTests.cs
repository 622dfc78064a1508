using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Cymbio.Api.Tests.Infrastructure;
using Refit;
using Xunit;

namespace Cymbio.Api.Tests.Aggregates;

/// <summary>
/// The generated aggregate clients, read by reflection: one wrapper for every method of every interface the attribute
/// lists, each declaring the scopes of the operation it calls (the interface's generated scope table) and the same
/// <c>[CymbioEndpoint]</c>.
/// </summary>
public sealed class AggregateShapeTests
{
    public static TheoryData<Type> Aggregates => new(typeof(CymbioSupplierClient), typeof(CymbioRetailerClient));

    [Theory]
    [MemberData(nameof(Aggregates))]
    public void TheInterfacesOfTheAttribute_AreTheConstructorsTheVisitorsAndTheProperties(Type aggregate)
    {
        var declared = aggregate.GetCustomAttribute<CymbioAggregateAttribute>()!.Interfaces;
        var shape = AggregateShape.Of(aggregate);

        Assert.Equal(declared, shape.Parts.Select(static p => p.Api));
        Assert.Equal(declared, VisitedApis(aggregate));
        Assert.Equal(declared.Length, aggregate.GetProperties().Length);
        Assert.All(shape.Parts, static p => Assert.True(p.Client.IsNested && p.Client.IsSealed, p.Client.Name));
    }

    [Theory]
    [MemberData(nameof(Aggregates))]
    public void EveryInterfaceMethod_HasOneWrapper_AndEveryWrapperOneInterfaceMethod(Type aggregate)
    {
        var shape = AggregateShape.Of(aggregate);
        foreach (var (api, client) in shape.Parts)
        {
            var wrappers = AggregateShape.WrappersOf(client);
            var methods = MethodsOf(api);
            Assert.NotEmpty(methods);
            Assert.All(methods, m => Assert.Single(wrappers, w => shape.Wraps(w, m)));
            Assert.All(wrappers, w => Assert.Single(methods, m => shape.Wraps(w, m)));
            Assert.Equal(methods.Length, wrappers.Length);
        }
    }

    [Theory]
    [MemberData(nameof(Aggregates))]
    public void EveryWrapper_DeclaresTheScopesOfTheOperationItCalls(Type aggregate)
    {
        foreach (var (method, operation, wrapper) in Wrappers(aggregate))
        {
            var declared = ScopeSet.Create(wrapper.GetCustomAttributes<CymbioScopeAttribute>().SelectMany(static a => a.Scopes));
            var what = $"{wrapper.DeclaringType!.Name}.{wrapper.Name}";
            Assert.True(operation.IsDeclared, $"{method.Name}: every Cymbio.Api method declares its scopes");
            Assert.False(operation.Scopes.IsEmpty, $"{method.Name}: every Cymbio endpoint needs a scope");
            Assert.Null(wrapper.GetCustomAttribute<CymbioNoScopeAttribute>());
            Assert.True(operation.Scopes == declared, $"{what} declares {declared}, calls an operation requiring {operation.Scopes}");
        }
    }

    [Theory]
    [MemberData(nameof(Aggregates))]
    public void EveryWrapper_SaysWhereItsEndpointComesFrom_AsItsInterfaceMethodDoes(Type aggregate)
    {
        foreach (var (method, _, wrapper) in Wrappers(aggregate))
        {
            var expected = method.GetCustomAttribute<CymbioEndpointAttribute>()!;
            var actual = wrapper.GetCustomAttribute<CymbioEndpointAttribute>();
            Assert.NotNull(actual);
            Assert.Equal((expected.Id, expected.Evidence, expected.Sources), (actual.Id, actual.Evidence, actual.Sources));
        }
    }

    /// <summary>Each interface method, its operation in the interface's scope table (by name, verb and route), and its wrapper.</summary>
    private static IEnumerable<(MethodInfo Method, CymbioOperation Operation, MethodInfo Wrapper)> Wrappers(Type aggregate)
    {
        var shape = AggregateShape.Of(aggregate);
        foreach (var (api, client) in shape.Parts)
        {
            var operations = CymbioScopeRegistry.GetOperations(api);
            foreach (var method in MethodsOf(api))
            {
                var http = method.GetCustomAttribute<HttpMethodAttribute>()!;
                var operation = Assert.Single(operations, o =>
                    o.MethodName == method.Name
                    && string.Equals(o.HttpMethod, http.Method.Method, StringComparison.OrdinalIgnoreCase)
                    && o.RouteTemplate == http.Path);
                yield return (method, operation, AggregateShape.WrappersOf(client).Single(w => shape.Wraps(w, method)));
            }
        }
    }

    private static MethodInfo[] MethodsOf(Type api) => api.GetMethods().Concat(api.GetInterfaces().SelectMany(static i => i.GetMethods())).ToArray();

    private static Type[] VisitedApis(Type aggregate)
    {
        var visitor = new Visitor();
        typeof(AggregateShapeTests).GetMethod(nameof(Visit), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(aggregate).Invoke(null, [visitor]);
        return [.. visitor.Visited];
    }

    private static void Visit<TAggregate>(ICymbioApiVisitor visitor)
        where TAggregate : class, ICymbioAggregate<TAggregate> => TAggregate.VisitApis(visitor);

    private sealed class Visitor : ICymbioApiVisitor
    {
        public List<Type> Visited { get; } = [];

        public void Visit<TApi>()
            where TApi : class => Visited.Add(typeof(TApi));
    }
}
