using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace Cymbio.Api.Tests.Infrastructure;

/// <summary>What the tests of every aggregate client check.</summary>
internal static class AggregateAssert
{
    /// <summary>
    /// Runs every case on one <typeparamref name="TAggregate"/> built over recording Refit clients, and asserts that
    /// together they call every wrapper of every nested client: each wrapper called its interface method (the one it
    /// <see cref="AggregateShape.Wraps"/>), and every one was called.
    /// </summary>
    public static async Task CasesCallEveryWrapperAsync<TAggregate>(IEnumerable<Func<TAggregate, Task>> cases, long accountId)
        where TAggregate : class, ICymbioAggregate<TAggregate>
    {
        using var cymbio = new InMemoryCymbio();
        using var client = cymbio.CreateClient();
        var apis = new RecordingApis(client, TAggregate.DefaultRefitSettings);
        var aggregate = TAggregate.Create(apis, accountId);

        foreach (var call in cases)
        {
            await call(aggregate);
        }

        var shape = AggregateShape.Of(typeof(TAggregate));
        var missed = shape.Parts
            .SelectMany(part => AggregateShape.WrappersOf(part.Client).Select(wrapper => (part, wrapper)))
            .Where(w => !apis.Calls.Any(called => called.DeclaringType!.IsAssignableFrom(w.part.Api) && shape.Wraps(w.wrapper, called)))
            .Select(static w => $"{w.part.Client.Name}.{w.wrapper.Name}")
            .ToList();
        Assert.True(missed.Count == 0, $"No case calls: {string.Join(", ", missed)}");
    }
}
