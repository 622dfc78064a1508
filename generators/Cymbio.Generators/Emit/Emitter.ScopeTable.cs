using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;

namespace Cymbio.Generators;

/// <summary>The scope table of each interface and the one module initializer that registers them all.</summary>
internal static partial class Emitter
{
    /// <summary>
    /// The scope table of one interface: a compact text table (one string constant, see the runtime's
    /// <c>CymbioScopeTableText</c>) registered from a module initializer, and the per-method view as static readonly fields
    /// reading the parsed scopes by index. Issue 8 measured the earlier form — a property initializer, a
    /// <c>ScopeSet.Create</c> call and an operation constructor per operation, registered through a lambda — at several
    /// times the compile cost; text and array reads cost the compiler almost nothing.
    /// </summary>
    public static string EmitScopeTable(InterfaceModel model)
    {
        var names = MemberNames(model, out var declares);
        var w = Header(nullable: false, capacity: 1024 + (448 * model.Operations.Length));

        // What cannot be generated fails the build, with the reason, rather than leave a scope out of the table.
        foreach (var operation in model.Operations)
        {
            foreach (var error in operation.Errors)
            {
                w.Line($"#error Cymbio: the scope requirement of {model.DisplayName}.{operation.MethodName} cannot be generated: {SingleLine(error)}");
            }
        }

        var indent = model.Namespace is not null;
        if (indent)
        {
            w.Open($"namespace {model.Namespace}");
        }

        var display = Xml(model.DisplayName);
        w.Line($"/// <summary>The OAuth scopes required by the operations of <c>{display}</c> (<c>[CymbioScope]</c>, <c>[CymbioNoScope]</c>, inherited ones included).</summary>")
         .Line(GeneratedCode)
         .Open($"{(model.IsPublic ? "public" : "internal")} static partial class {model.ClassName}")
         .Line($"private static readonly global::Cymbio.ScopeSet[] {ScopesField} = global::Cymbio.CymbioScopeRegistry.GetOperationScopes(typeof({model.TypeOfName}), {TableConstant});")
         .Line();

        // Fields, not properties: a static readonly field costs the compiler about half of a one-line property (no
        // accessor to bind, emit and map), which is most of what the tables cost a build. They are initialized in
        // textual order, after the array above.
        for (var i = 0; i < model.Operations.Length; i++)
        {
            var operation = model.Operations[i];
            if (!declares[i])
            {
                continue;
            }

            // Written in pieces rather than as interpolated lines: these two lines per operation are most of the file.
            w.StartLine().Append("/// <summary><c>").Append(Xml(operation.Signature))
             .Append("</c>, <c>").Append(Xml(operation.HttpMethod ?? "?")).Append(' ').Append(Xml(operation.Route ?? string.Empty)).Append("</c>");
            if (operation.DeclaringInterface != model.DisplayName)
            {
                w.Append(", inherited from <c>").Append(Xml(operation.DeclaringInterface)).Append("</c>");
            }

            w.Append(": ");
            AppendScopesDescription(w, operation);
            w.Append(".</summary>").EndLine()
             .StartLine().Append("public static readonly global::Cymbio.ScopeSet ").Append(names[i]).Append(" = ").Append(ScopesField).Append('[').Append(i).Append("];").EndLine();
        }

        w.Line()
         .Line($"/// <summary>Every operation of <c>{display}</c>, inherited ones included, with the scopes it requires.</summary>")
         .Line($"public static global::System.Collections.Generic.IReadOnlyList<global::Cymbio.CymbioOperation> Operations => global::Cymbio.CymbioScopeRegistry.GetOperations(typeof({model.TypeOfName}));")
         .Line()
         .Line("// Name, HTTP method, scopes (! = none declared: refused at run time), route template as Refit reports it.")
         .Line($"internal const string {TableConstant} =");
        for (var i = 0; i < model.Operations.Length; i++)
        {
            w.StartLine().Append("    ");
            AppendTableRecord(w, model.Operations[i]);
            w.Append(i == model.Operations.Length - 1 ? ";" : " +").EndLine();
        }

        if (model.Operations.Length == 0)
        {
            w.Line("    \"\";");
        }

        w.Close();
        if (indent)
        {
            w.Close();
        }

        return w.ToStringAndRelease();
    }

    public const string RegistrationsHintName = "Cymbio.ScopeTableRegistrations.g.cs";

    /// <summary>The one module initializer that registers every scope table of the assembly with the runtime.</summary>
    public static string EmitRegistrations(EquatableArray<ScopeTableRegistration> registrations)
    {
        var w = Header(nullable: false);
        w.Open("namespace Cymbio.Generated")
         .Line("/// <summary>Registers the scope tables of this assembly's <c>[CymbioScope]</c> interfaces when the module loads.</summary>")
         .Line(GeneratedCode)
         .Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]")
         .Open("internal static class CymbioScopeTableRegistrations")
         .Line("[global::System.Runtime.CompilerServices.ModuleInitializer]")
         .Open("internal static void Register()");
        foreach (var registration in registrations)
        {
            w.Line($"global::Cymbio.CymbioScopeRegistry.Register(typeof({registration.TypeOfName}), {registration.ClassName}.{TableConstant});");
        }

        w.Close().Close().Close();
        return w.ToString();
    }

    private const string ScopesField = "s_cymbioScopes";
    private const string TableConstant = "CymbioScopeTable";

    /// <summary>One record's text, built in one buffer per thread (records are written one at a time).</summary>
    [System.ThreadStatic]
    private static System.Text.StringBuilder? t_record;

    /// <summary>One record of the table: a C# string expression (literals, and constant references for scopes only the final compilation knows).</summary>
    private static void AppendTableRecord(SourceWriter w, OperationModel operation)
    {
        var record = t_record ??= new System.Text.StringBuilder(256);
        record.Clear().Append(operation.MethodName).Append('\t').Append(operation.HttpMethod ?? string.Empty).Append('\t');
        if (!operation.IsDeclared)
        {
            AppendLiteral(w, AppendTail(record.Append('!'), operation));
            return;
        }

        if (operation.Constants.IsEmpty)
        {
            for (var i = 0; i < operation.Scopes.Length; i++)
            {
                record.Append(i == 0 ? string.Empty : " ").Append(operation.Scopes[i]);
            }

            AppendLiteral(w, AppendTail(record, operation));
            return;
        }

        foreach (var scope in operation.Scopes)
        {
            record.Append(scope).Append(' ');
        }

        w.Append('(');
        AppendLiteral(w, record);
        for (var i = 0; i < operation.Constants.Length; i++)
        {
            w.Append(" + ").Append(operation.Constants[i]);
            if (i < operation.Constants.Length - 1)
            {
                w.Append(" + \" \"");
            }
        }

        w.Append(" + ");
        AppendLiteral(w, AppendTail(record.Clear(), operation));
        w.Append(')');
    }

    /// <summary>The end of a record: the route, if any, and the record separator.</summary>
    private static System.Text.StringBuilder AppendTail(System.Text.StringBuilder record, OperationModel operation) =>
        (operation.Route is null ? record : record.Append('\t').Append(EscapeRoute(operation.Route))).Append('\n');

    private static string EscapeRoute(string route) => route.Replace("\\", "\\\\").Replace("\t", "\\t").Replace("\n", "\\n");

    /// <summary>
    /// One member per method name when its overloads agree on the scopes; otherwise <c>Name_1</c>, <c>Name_2</c>… in
    /// declaration order. Names that would clash with the class's own members get a trailing underscore.
    /// <paramref name="declares"/> says which operation declares its member: the first of those that share one.
    /// </summary>
    private static string[] MemberNames(InterfaceModel model, out bool[] declares)
    {
        // The operations sharing a name, as chains in declaration order: first[name] is the first, next[i] the one
        // after i (-1 at the end), last[first] the end of the chain.
        var operations = model.Operations;
        var first = new Dictionary<string, int>(operations.Length, System.StringComparer.Ordinal);
        var next = new int[operations.Length];
        var last = new int[operations.Length];
        for (var i = 0; i < operations.Length; i++)
        {
            next[i] = -1;
            if (first.TryGetValue(operations[i].MethodName, out var head))
            {
                next[last[head]] = i;
                last[head] = i;
            }
            else
            {
                first.Add(operations[i].MethodName, i);
                last[i] = i;
            }
        }

        // Every member name is unique: a method literally named like a numbered overload, or like one of the class's
        // own members, gets underscores appended until it is (in declaration order, so the result is deterministic).
        var used = new HashSet<string>(System.StringComparer.Ordinal);
        System.Func<string, bool> tryReserve = candidate => candidate != model.ClassName && !ClassMembers.Contains(candidate) && used.Add(candidate);
        var names = new string[operations.Length];
        declares = new bool[operations.Length];
        for (var i = 0; i < operations.Length; i++)
        {
            var name = operations[i].MethodName;
            if (first[name] != i)
            {
                continue;
            }

            var agree = true;
            for (var j = i; j >= 0; j = next[j])
            {
                agree &= operations[j].Scopes.Equals(operations[i].Scopes);
            }

            if (agree)
            {
                var shared = Reserve(name, tryReserve);
                for (var j = i; j >= 0; j = next[j])
                {
                    names[j] = shared;
                }

                declares[i] = true;
                continue;
            }

            var k = 1;
            for (var j = i; j >= 0; j = next[j], k++)
            {
                names[j] = Reserve(name + "_" + k.ToString(CultureInfo.InvariantCulture), tryReserve);
                declares[j] = true;
            }
        }

        return names;
    }

    /// <summary>The generated class's own members (besides the per-operation ones), and <see cref="object"/>'s.</summary>
    private static readonly HashSet<string> ClassMembers = new(System.StringComparer.Ordinal)
    {
        "Operations", "RegisterCymbioScopes", ScopesField, TableConstant,
        "Equals", "GetHashCode", "GetType", "ToString", "ReferenceEquals", "MemberwiseClone", "Finalize",
    };

    private static string Reserve(string name, System.Func<string, bool> tryReserve)
    {
        // name, name_, name__, …
        var unique = UniqueNames.Reserve(name, i => name + new string('_', i - 1), tryReserve);

        // A method named like a keyword (Task @event()) keeps its name, escaped.
        return SyntaxFacts.GetKeywordKind(unique) != SyntaxKind.None ? "@" + unique : unique;
    }

    private static void AppendScopesDescription(SourceWriter w, OperationModel operation)
    {
        if (!operation.IsDeclared)
        {
            w.Append("none declared, so the runtime refuses it (CYM0008: add [CymbioScope] or [CymbioNoScope])");
            return;
        }

        if (operation.Scopes.IsEmpty && operation.Constants.IsEmpty)
        {
            w.Append("none");
            return;
        }

        var first = true;
        if (!operation.Scopes.IsEmpty)
        {
            w.Append("<c>");
            for (var i = 0; i < operation.Scopes.Length; i++)
            {
                w.Append(i == 0 ? string.Empty : " ").Append(Xml(operation.Scopes[i]));
            }

            w.Append("</c>");
            first = false;
        }

        foreach (var constant in operation.Constants)
        {
            w.Append(first ? string.Empty : " and ").Append("the value of <c>").Append(Xml(constant.Replace("global::", string.Empty))).Append("</c>");
            first = false;
        }
    }
}
