using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using Cymbio;
using Xunit;

namespace Cymbio.Client.Tests;

/// <summary>
/// The public API of Cymbio.Client, compared with the checked-in <c>PublicApi.approved.txt</c>: an API change must be
/// a visible, reviewed diff. Set <c>CYMBIO_UPDATE_SNAPSHOTS=1</c> to accept a change.
/// </summary>
public sealed class PublicApiTests
{
    [Fact]
    public void PublicApi_MatchesTheApprovedListing()
    {
        var actual = Describe(typeof(ScopeSet).Assembly);
        var approved = ApprovedPath();
        if (Environment.GetEnvironmentVariable("CYMBIO_UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(approved, actual);
        }

        var expected = File.Exists(approved) ? File.ReadAllText(approved) : string.Empty;
        if (expected != actual)
        {
            File.WriteAllText(Path.ChangeExtension(approved, ".received.txt"), actual);
        }

        Assert.Equal(expected, actual);
    }

    /// <summary>Found above the test binaries: CI builds map source paths (CallerFilePath) to <c>/_/</c>.</summary>
    private static string ApprovedPath() => Cymbio.Tests.Shared.Repository.PathOf("tests", "Cymbio.Client.Tests", "PublicApi.approved.txt");

    private static string Describe(Assembly assembly)
    {
        var builder = new StringBuilder();
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            builder.Append(TypeKind(type)).Append(' ').Append(Name(type));
            var bases = new[] { type.BaseType }
                .Where(b => b is not null && b != typeof(object) && b != typeof(ValueType) && b != typeof(Enum))
                .Concat(type.GetInterfaces().OrderBy(i => i.FullName, StringComparer.Ordinal))
                .Select(b => Name(b!))
                .ToList();
            if (bases.Count > 0)
            {
                builder.Append(" : ").Append(string.Join(", ", bases));
            }

            builder.Append('\n');
            const BindingFlags Flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            var members = type.GetMembers(Flags)
                .Where(m => m is not MethodInfo { IsSpecialName: true } || m.Name.StartsWith("op_", StringComparison.Ordinal))
                .Where(m => m is not Type)
                .Select(Member)
                .OrderBy(m => m, StringComparer.Ordinal);
            foreach (var member in members)
            {
                builder.Append("    ").Append(member).Append('\n');
            }
        }

        return builder.ToString();
    }

    private static string TypeKind(Type type) =>
        type.IsInterface ? "interface" : type.IsEnum ? "enum" : type.IsValueType ? "struct" : type.IsAbstract && type.IsSealed ? "static class" : type.IsSealed ? "sealed class" : "class";

    private static string Member(MemberInfo member) => member switch
    {
        ConstructorInfo c => $"ctor({Parameters(c)})",
        MethodInfo m => $"{(m.IsStatic ? "static " : string.Empty)}{Name(m.ReturnType)} {m.Name}({Parameters(m)})",
        PropertyInfo p => $"{(p.GetMethod?.IsStatic == true ? "static " : string.Empty)}{Name(p.PropertyType)} {p.Name}{(p.GetIndexParameters().Length > 0 ? "[" + string.Join(", ", p.GetIndexParameters().Select(i => Name(i.ParameterType))) + "]" : string.Empty)} {{ {(p.GetMethod?.IsPublic == true ? "get; " : string.Empty)}{(p.SetMethod?.IsPublic == true ? "set; " : string.Empty)}}}",
        FieldInfo f => $"{(f.IsLiteral ? "const " : f.IsStatic ? "static " : string.Empty)}{Name(f.FieldType)} {f.Name}",
        EventInfo e => $"event {Name(e.EventHandlerType!)} {e.Name}",
        _ => member.ToString()!,
    };

    private static string Parameters(MethodBase method) => string.Join(", ", method.GetParameters().Select(p =>
        (p.GetCustomAttributes(typeof(ParamArrayAttribute), false).Length > 0 ? "params " : string.Empty)
        + (p.IsOut && p.ParameterType.IsByRef ? "out " + Name(p.ParameterType.GetElementType()!) : Name(p.ParameterType))
        + " " + p.Name));

    private static string Name(Type type)
    {
        if (type.IsGenericParameter)
        {
            return type.Name;
        }

        if (type.IsByRef)
        {
            return "ref " + Name(type.GetElementType()!);
        }

        if (type.IsArray)
        {
            return Name(type.GetElementType()!) + "[]";
        }

        var name = type.IsNested ? Name(type.DeclaringType!) + "." + type.Name : type.Namespace + "." + type.Name;
        if (!type.IsGenericType)
        {
            return name;
        }

        var tick = name.IndexOf('`', StringComparison.Ordinal);
        return (tick >= 0 ? name[..tick] : name) + "<" + string.Join(", ", type.GetGenericArguments().Select(Name)) + ">";
    }
}
