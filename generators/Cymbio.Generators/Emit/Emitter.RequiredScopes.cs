using System.Collections.Generic;
using System.Linq;

namespace Cymbio.Generators;

/// <summary>The required-scopes file: <c>[assembly: CymbioRequiredScopes]</c> and the <c>CymbioRequiredScopes</c> class.</summary>
internal static partial class Emitter
{
    public const string RequiredScopesHintName = "Cymbio.RequiredScopes.g.cs";

    public static string EmitRequiredScopes(RequiredScopesModel model)
    {
        var w = Header();
        w.Line($"[assembly: global::Cymbio.CymbioRequiredScopes({Arguments(model.All)})]")
         .Line()
         .Open($"namespace {model.Namespace}")
         .Line("/// <summary>")
         .Line("/// The OAuth scopes this project's code requires, derived at build time from its scoped calls (through scoped")
         .Line("/// interfaces, generated clients and <c>[CymbioScope]</c> methods, whose own calls count for their callers).")
         .Line("/// </summary>")
         .Line(GeneratedCode)
         .Open("internal static partial class CymbioRequiredScopes")
         .Line($"/// <summary>Every scope the code requires, this project's and its referenced assemblies': {Listed(model.All)}.</summary>")
         .Line($"public static global::Cymbio.ScopeSet All {{ get; }} = global::Cymbio.ScopeSet.Create({Arguments(model.All)});")
         .Line()
         .Line($"/// <summary>The scopes this project's own calls require: {Listed(model.Project)}.</summary>")
         .Line($"public static global::Cymbio.ScopeSet Project {{ get; }} = global::Cymbio.ScopeSet.Create({Arguments(model.Project)});");
        foreach (var referenced in model.Referenced)
        {
            w.Line()
             .Line($"// {SingleLine(referenced.Assembly)} requires {string.Join(" ", referenced.Scopes)}.");
        }

        return w.Close().Close().ToString();
    }

    private static string Arguments(IEnumerable<string> scopes) => string.Join(", ", scopes.Select(Literal));

    private static string Listed(EquatableArray<string> scopes) =>
        scopes.IsEmpty ? "none" : string.Join(" ", scopes.Select(static s => $"<c>{Xml(s)}</c>"));
}
