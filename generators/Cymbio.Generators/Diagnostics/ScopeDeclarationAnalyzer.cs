using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cymbio.Generators;

/// <summary>
/// Reports the problems of scope manifests (at the line and column inside <c>scopes.json</c>) and of scope
/// declarations (at the attribute argument or method in C#) that the generator skips over.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed partial class ScopeDeclarationAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The key of the "did you mean" suggestion in <see cref="Diagnostic.Properties"/> of CYM0006.</summary>
    public const string SuggestionProperty = "Suggestion";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.ManifestUnreadable,
        DiagnosticDescriptors.ManifestInvalidValue,
        DiagnosticDescriptors.ManifestUnknownMember,
        DiagnosticDescriptors.InvalidScopeName,
        DiagnosticDescriptors.DuplicateScope,
        DiagnosticDescriptors.UnknownScope,
        DiagnosticDescriptors.ScopedMethodWithoutHttpAttribute,
        DiagnosticDescriptors.MissingRequirement,
        DiagnosticDescriptors.IndistinguishableOverloads,
        DiagnosticDescriptors.WriteScopeOnSafeMethod,
        DiagnosticDescriptors.ReadScopesOnUnsafeMethod,
        DiagnosticDescriptors.InvalidAggregate);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var catalog = new Catalog(ManifestCatalog.Read(start));
            start.RegisterAdditionalFileAction(fileContext => catalog.AnalyzeManifest(fileContext));
            if (start.Compilation.GetTypeByMetadataName(ScopeSymbols.ScopeAttributeMetadataName) is null)
            {
                return;
            }

            start.RegisterSymbolAction(symbolContext => catalog.AnalyzeSymbol(symbolContext), SymbolKind.NamedType, SymbolKind.Method);
            start.RegisterSyntaxNodeAction(nodeContext => catalog.AnalyzeAttributeList(nodeContext), SyntaxKind.AttributeList);
            if (catalog.CanCheck && OptionsGrantsProperty(start.Compilation) is { } grants)
            {
                start.RegisterOperationAction(operationContext => catalog.AnalyzeOptionsGrant(operationContext, grants), OperationKind.Invocation);
            }
        });
    }

    /// <summary>The checks of one compilation, against its <see cref="ManifestCatalog"/>.</summary>
    private sealed partial class Catalog
    {
        private readonly ManifestCatalog _catalog;

        public Catalog(ManifestCatalog catalog) => _catalog = catalog;

        public bool CanCheck => _catalog.CanCheck;

        public void AnalyzeManifest(AdditionalFileAnalysisContext context)
        {
            var path = context.AdditionalFile.Path;
            if (_catalog.Find(path) is not { } document)
            {
                return;
            }

            foreach (var problem in document.Problems)
            {
                var descriptor = DiagnosticDescriptors.ForId(problem.DiagnosticId);
                if (descriptor is not null)
                {
                    context.ReportDiagnostic(Diagnostic.Create(descriptor, problem.Location.ToLocation(path), problem.Arguments.AsImmutableArray().ToArray()));
                }
            }

            // A scope declared by an earlier manifest of the same project (ordered by path) is declared twice.
            foreach (var scope in document.Scopes)
            {
                if (_catalog.TryGetFirstDeclaration(scope.Name, out var firstPath, out var firstLocation) && !string.Equals(firstPath, path, StringComparison.Ordinal))
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        DiagnosticDescriptors.DuplicateScope,
                        scope.Location.ToLocation(path),
                        scope.Name,
                        "scopes",
                        $"{firstPath}({firstLocation.StartLine + 1},{firstLocation.StartColumn + 1})"));
                }
            }

            foreach (var grant in document.Grants)
            {
                if (!_catalog.IsKnown(grant.Name))
                {
                    context.ReportDiagnostic(UnknownScope(grant.Location.ToLocation(path), grant.Name));
                }
            }
        }

        public void AnalyzeSymbol(SymbolAnalysisContext context)
        {
            CheckAttributeScopes(context);
            if (context.Symbol is INamedTypeSymbol { TypeKind: TypeKind.Interface } type)
            {
                CheckOperations(context, type);
            }
            else if (context.Symbol is INamedTypeSymbol { TypeKind: TypeKind.Class } aggregate)
            {
                CheckAggregate(context, aggregate);
            }
        }

        /// <summary>CYM0018: a [CymbioAggregate] class the generator skips, at the class name or at the offending type argument.</summary>
        private static void CheckAggregate(SymbolAnalysisContext context, INamedTypeSymbol type)
        {
            foreach (var attribute in type.GetAttributes())
            {
                if (attribute.AttributeClass is not { Name: "CymbioAggregateAttribute", ContainingNamespace: { Name: "Cymbio", ContainingNamespace.IsGlobalNamespace: true } })
                {
                    continue;
                }

                if (AggregateReader.Problem(type, context.CancellationToken) is { } problem)
                {
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidAggregate, type.Locations.FirstOrDefault(), type.Name, problem));
                    return;
                }

                if (attribute.ConstructorArguments.Length < 2
                    || attribute.ConstructorArguments[1] is not { Kind: TypedConstantKind.Array, IsNull: false } array
                    || array.Values.IsDefaultOrEmpty)
                {
                    var location = attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation() ?? type.Locations.FirstOrDefault();
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidAggregate, location, type.Name, "the attribute names no interface"));
                    return;
                }

                var accountParameter = attribute.NamedArguments.FirstOrDefault(static a => a.Key == "AccountParameter").Value;
                if (accountParameter.Value is string name0 && !SyntaxFacts.IsValidIdentifier(name0))
                {
                    var location = attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation() ?? type.Locations.FirstOrDefault();
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidAggregate, location, type.Name, $"AccountParameter '{name0}' is not a parameter name"));
                }

                var values = array.Values;
                for (var i = 0; i < values.Length; i++)
                {
                    if (values[i].Value is not INamedTypeSymbol { TypeKind: TypeKind.Interface } named || named.IsUnboundGenericType)
                    {
                        var name = values[i].Value is ITypeSymbol given ? given.ToDisplayString() : "null";
                        context.ReportDiagnostic(Diagnostic.Create(
                            DiagnosticDescriptors.InvalidAggregate,
                            ScopeSymbols.ArgumentLocation(attribute, i + 1, context.CancellationToken),
                            type.Name,
                            $"'{name}' is not a closed interface type"));
                    }
                }
            }
        }

        private void CheckAttributeScopes(SymbolAnalysisContext context)
        {
            if (!CanCheck)
            {
                return;
            }

            foreach (var attribute in context.Symbol.GetAttributes())
            {
                CheckAttribute(attribute, context.ReportDiagnostic, context.CancellationToken);
            }
        }

        /// <summary>Every scope of a [CymbioScope] or [CymbioGrants] must be known.</summary>
        private void CheckAttribute(AttributeData attribute, Action<Diagnostic> report, CancellationToken cancellationToken)
        {
            if (!ScopeSymbols.IsScopeAttribute(attribute) && !ScopeSymbols.IsGrantsAttribute(attribute))
            {
                return;
            }

            foreach (var (scope, index) in ScopeSymbols.ScopeArguments(attribute, compilation: null, cancellationToken))
            {
                // Anything but a literal is an argument the compiler could not bind: it reports that error itself.
                if (scope is { Kind: ScopeReferenceKind.Literal, Text: var name } && !_catalog.IsKnown(name))
                {
                    report(UnknownScope(ScopeSymbols.ArgumentLocation(attribute, index, cancellationToken), name));
                }
            }
        }

        private Diagnostic UnknownScope(Location location, string scope)
        {
            var suggestion = ScopeSuggestion.Suggest(scope, _catalog.KnownScopes);
            string detail;
            if (suggestion is not null)
            {
                detail = $"; did you mean '{suggestion}'?";
            }
            else if (_catalog.AnyUnreadable)
            {
                detail = "; a scopes.json of this project cannot be read (CYM0001), so its scopes are unknown";
            }
            else if (!ScopeNames.IsValid(scope))
            {
                detail = "; " + ScopeNames.Explain(scope);
            }
            else
            {
                detail = "; no scopes.json of this project or of a referenced assembly declares it";
            }

            var properties = suggestion is null
                ? ImmutableDictionary<string, string?>.Empty
                : ImmutableDictionary<string, string?>.Empty.Add(SuggestionProperty, suggestion);
            return Diagnostic.Create(DiagnosticDescriptors.UnknownScope, location, properties, scope, detail);
        }

        private static void CheckOperations(SymbolAnalysisContext context, INamedTypeSymbol type)
        {
            var declares = ScopeSymbols.DeclaresScopes(type);
            if (!declares && !ScopeSymbols.InheritsScopes(type))
            {
                return;
            }

            var interfaceScoped = ScopeSymbols.HasRequirementAttribute(type);
            var prefix = RefitRoutes.PathPrefixOf(type);
            var operations = new List<(IMethodSymbol Method, string? Verb, string? Route, ImmutableArray<string> Scopes, bool Own)>();
            var undeclaredInherited = new List<string>();
            foreach (var method in ScopeSymbols.OperationCandidates(type))
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                var own = SymbolEqualityComparer.Default.Equals(method.ContainingType, type);
                var hasHttp = ScopeSymbols.TryGetHttp(method, out var verb, out var route, out var isErrorType);
                if (isErrorType)
                {
                    continue;
                }

                if (!hasHttp)
                {
                    if (own && (interfaceScoped || ScopeSymbols.HasRequirementAttribute(method)))
                    {
                        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ScopedMethodWithoutHttpAttribute, method.Locations.FirstOrDefault(), ScopeSymbols.OperationName(method)));
                    }

                    continue;
                }

                var requirement = Requirements.Of(method, type, compilation: null, context.CancellationToken);
                if (requirement.Scopes.Any(static r => r.Kind != ScopeReferenceKind.Literal))
                {
                    // An argument the compiler could not bind: it reports the error; judging the rest would mislead.
                    continue;
                }

                var scopes = ScopeSymbols.Canonical(requirement.Scopes.Select(static r => r.Text));
                var name = ScopeSymbols.OperationName(method);
                operations.Add((method, verb, RefitRoutes.Template(prefix, route), scopes, own));
                if (!own)
                {
                    // An inherited operation is judged where it is declared. An interface that is not scoped itself is
                    // not checked, so an operation it declares that stays undeclared up to here is reported here.
                    var declaring = method.ContainingType.OriginalDefinition;
                    if (!requirement.IsDeclared && !ScopeSymbols.DeclaresScopes(declaring) && !ScopeSymbols.InheritsScopes(declaring))
                    {
                        undeclaredInherited.Add(method.ContainingType.Name + "." + name);
                    }

                    continue;
                }

                var location = method.Locations.FirstOrDefault();
                if (!requirement.IsDeclared)
                {
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.MissingRequirement, location, name, type.Name));
                }
                else if (verb is "GET" or "HEAD" && scopes.FirstOrDefault(ScopeNames.IsWrite) is { } write)
                {
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.WriteScopeOnSafeMethod, location, name, verb, write));
                }
                else if (verb is "POST" or "PUT" or "PATCH" or "DELETE" && !scopes.IsEmpty && scopes.All(ScopeNames.IsRead))
                {
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ReadScopesOnUnsafeMethod, location, name, verb, string.Join(" ", scopes)));
                }
            }

            if (undeclaredInherited.Count > 0)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.MissingRequirement, type.Locations.FirstOrDefault(), string.Join(", ", undeclaredInherited), type.Name));
            }

            for (var i = 0; i < operations.Count; i++)
            {
                for (var j = 0; j < i; j++)
                {
                    var a = operations[j];
                    var b = operations[i];
                    if (ScopeSymbols.OperationName(a.Method) == ScopeSymbols.OperationName(b.Method)
                        && a.Verb == b.Verb
                        && a.Route == b.Route
                        && !a.Scopes.SequenceEqual(b.Scopes)
                        && (a.Own || b.Own))
                    {
                        var location = (b.Own ? b.Method : a.Method).Locations.FirstOrDefault();
                        context.ReportDiagnostic(Diagnostic.Create(
                            DiagnosticDescriptors.IndistinguishableOverloads,
                            location,
                            ScopeSymbols.OperationName(b.Method),
                            $"{b.Verb ?? "?"} {b.Route}",
                            Describe(a.Scopes),
                            Describe(b.Scopes)));
                        break;
                    }
                }
            }
        }

        private static string Describe(ImmutableArray<string> scopes) => scopes.IsEmpty ? "none" : string.Join(" ", scopes);
    }
}
