using System;
using System.Linq;
using System.Reflection;
using Xunit;

namespace Cymbio.Api.Tests.Infrastructure;

/// <summary>Assertions on the scope tables the generator registers for the Cymbio.Api interfaces.</summary>
internal static class ScopeAssert
{
    /// <summary>
    /// The registered table of <paramref name="api"/> holds every method, each with the scopes its
    /// <see cref="CymbioScopeAttribute"/> declares, and that is exactly the one scope <paramref name="expectedScope"/> gives.
    /// </summary>
    public static void TableHoldsEveryMethod(Type api, Func<MethodInfo, string> expectedScope)
    {
        var operations = CymbioScopeRegistry.GetOperations(api);
        var methods = api.GetMethods();
        Assert.Equal(methods.Length, operations.Count);
        foreach (var method in methods)
        {
            var declared = ScopeSet.Create(method.GetCustomAttributes<CymbioScopeAttribute>().SelectMany(static a => a.Scopes));
            var operation = Assert.Single(operations, o => o.MethodName == method.Name);
            Assert.True(operation.IsDeclared, method.Name);
            Assert.Equal(declared, operation.Scopes);
            Assert.Equal(ScopeSet.Create([expectedScope(method)]), operation.Scopes);
        }
    }
}
