using System;
using System.Linq;
using System.Reflection;

namespace Cymbio.Client.Tests.Runtime;

/// <summary>
/// An assembly whose only content is its assembly-level attributes: a stand-in for an application assembly with
/// <c>[assembly: CymbioGrants(…)]</c>, so that no real assembly with that declaration joins the AppDomain and changes
/// other tests' validation.
/// </summary>
internal sealed class DeclaringAssembly(string name, params Attribute[] attributes) : Assembly
{
    public override AssemblyName GetName() => new(name);

    public override string FullName => name;

    public override bool IsDynamic => false;

    public override object[] GetCustomAttributes(bool inherit) => attributes;

    public override object[] GetCustomAttributes(Type attributeType, bool inherit)
    {
        var matching = attributes.Where(attributeType.IsInstanceOfType).ToArray();
        var result = Array.CreateInstance(attributeType, matching.Length);
        Array.Copy(matching, result, matching.Length);
        return (object[])result;
    }
}
