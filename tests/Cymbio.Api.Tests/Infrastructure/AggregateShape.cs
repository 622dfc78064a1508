using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace Cymbio.Api.Tests.Infrastructure;

/// <summary>
/// An aggregate client as its public surface shows it: the constructor takes one Refit client per interface (named
/// after the property that exposes its wrappers) and then the account id; each property's nested client has one
/// wrapper per interface method, without the account id and without a fixed body.
/// </summary>
/// <param name="Aggregate">The aggregate type.</param>
/// <param name="AccountParameter">The name of the bound parameter (the constructor's last).</param>
/// <param name="Parts">Each Refit interface with the nested client that wraps it.</param>
internal sealed record AggregateShape(Type Aggregate, string AccountParameter, IReadOnlyList<(Type Api, Type Client)> Parts)
{
    public static AggregateShape Of(Type aggregate)
    {
        var parameters = aggregate.GetConstructors().Single().GetParameters();
        var apis = parameters[..^1].Select(p => (
            Api: p.ParameterType,
            Client: aggregate.GetProperty(char.ToUpperInvariant(p.Name![0]) + p.Name[1..])!.PropertyType)).ToList();
        return new AggregateShape(aggregate, parameters[^1].Name!, apis);
    }

    /// <summary>The wrappers of <paramref name="client"/>: its public instance methods, not those of <see cref="object"/>.</summary>
    public static MethodInfo[] WrappersOf(Type client) => client.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly);

    /// <summary>The parameters a wrapper of <paramref name="apiMethod"/> keeps: all but the account id and a fixed body.</summary>
    public IEnumerable<Type> KeptParameters(MethodInfo apiMethod) => apiMethod.GetParameters()
        .Where(p => !(p.Name == AccountParameter && p.ParameterType == typeof(long)) && !IsFixedBody(p.ParameterType))
        .Select(static p => p.ParameterType);

    /// <summary>Whether <paramref name="wrapper"/> stands for <paramref name="apiMethod"/>: same name, the kept parameters in order.</summary>
    public bool Wraps(MethodInfo wrapper, MethodInfo apiMethod) =>
        wrapper.Name == apiMethod.Name && wrapper.GetParameters().Select(static p => p.ParameterType).SequenceEqual(KeptParameters(apiMethod));

    // A body type with a static Instance of itself (EmptyRequest): the wrapper sends that instance.
    private static bool IsFixedBody(Type type) =>
        type.GetProperty("Instance", BindingFlags.Public | BindingFlags.Static)?.PropertyType == type
        || type.GetField("Instance", BindingFlags.Public | BindingFlags.Static)?.FieldType == type;
}
