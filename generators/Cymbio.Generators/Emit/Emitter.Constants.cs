using System.Globalization;

namespace Cymbio.Generators;

/// <summary>The constants file: scope, environment and token constants from the merged manifests.</summary>
internal static partial class Emitter
{
    public static string EmitConstants(ConstantsModel model)
    {
        var w = Header();
        if (model.HasRuntime)
        {
            foreach (var scope in model.Scopes)
            {
                if (scope.Declared)
                {
                    w.Line($"[assembly: global::Cymbio.CymbioScopeDefinition({Literal(scope.Name)}, {Literal(scope.Description)})]");
                }
            }

            w.Line();
        }

        w.Open($"namespace {model.Namespace}");
        if (!model.Scopes.IsEmpty)
        {
            w.Line("/// <summary>")
             .Line("/// The OAuth scopes declared in <c>scopes.json</c>, and those of referenced assemblies, as constants for")
             .Line("/// <c>[CymbioScope]</c> and <c>[CymbioGrants]</c>.")
             .Line("/// </summary>")
             .Line(GeneratedCode)
             .Open("public static partial class CymbioScopes");
            foreach (var scope in model.Scopes)
            {
                var origin = scope.Declared ? string.Empty : " Declared by a referenced assembly.";
                w.Line($"/// <summary><c>{Xml(scope.Name)}</c>: {Xml(Sentence(scope.Description))}{origin}</summary>")
                 .Line($"public const string {scope.Identifier} = {Literal(scope.Name)};")
                 .Line();
            }

            w.Line("/// <summary>Every scope named by this class: this project's manifest order first, then referenced assemblies'.</summary>")
             .Line("public static global::System.Collections.Generic.IReadOnlyList<string> All { get; } = new string[]")
             .Line("{");
            foreach (var scope in model.Scopes)
            {
                w.Line($"    {scope.Identifier},");
            }

            w.Line("};").Close();
        }

        if (!model.Environments.IsEmpty || model.TokenPath is not null || model.TokenLifetimeSeconds is not null)
        {
            if (!model.Scopes.IsEmpty)
            {
                w.Line();
            }

            w.Line("/// <summary>")
             .Line("/// The environments and token settings declared in <c>scopes.json</c>.")
             .Line("/// </summary>")
             .Line(GeneratedCode)
             .Open("public static partial class CymbioEnvironments");
            var first = true;
            foreach (var environment in model.Environments)
            {
                if (!first)
                {
                    w.Line();
                }

                first = false;
                w.Line($"/// <summary>Base address of the <c>{Xml(environment.Name)}</c> environment: <c>{Xml(environment.BaseAddress)}</c>.</summary>")
                 .Line($"public const string {ScopeNames.ToIdentifier(environment.Name)} = {Literal(environment.BaseAddress)};");
            }

            if (model.TokenPath is not null)
            {
                if (!first)
                {
                    w.Line();
                }

                first = false;
                w.Line("/// <summary>Path of the OAuth2 token endpoint, relative to an environment's base address.</summary>")
                 .Line($"public const string TokenPath = {Literal(model.TokenPath)};");
            }

            if (model.TokenLifetimeSeconds is { } lifetime)
            {
                if (!first)
                {
                    w.Line();
                }

                w.Line("/// <summary>The documented lifetime of an access token, in seconds, for token responses that state none.</summary>")
                 .Line($"public const int TokenLifetimeSeconds = {lifetime.ToString(CultureInfo.InvariantCulture)};");
            }

            w.Close();
        }

        w.Close();
        return w.ToString();
    }
}
