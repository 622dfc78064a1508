using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Cymbio.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;

namespace Cymbio.Analyzers.CodeFixes;

/// <summary>
/// Fixes CYM0012: adds the missing scopes to the grant source that was used (the <c>[CymbioGrants]</c> or
/// <c>[CymbioScope]</c> attribute, the options' <c>Grants</c>, or the <c>grants</c> of scopes.json), or requires the
/// call's scopes from the enclosing method's callers with <c>[CymbioScope]</c>. Fix All merges every edit of one target.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddMissingScopesCodeFix))]
[Shared]
public sealed partial class AddMissingScopesCodeFix : CodeFixProvider
{
    /// <summary>The equivalence key of "add to the grant source".</summary>
    public const string GrantKey = "Cymbio.AddMissingScopes.Grant";

    /// <summary>The equivalence key of "require from callers".</summary>
    public const string PropagateKey = "Cymbio.AddMissingScopes.Propagate";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(CallSiteDiagnosticIds.MissingScopes);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => MergingFixAll.Instance;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var missing = Scopes(diagnostic, CallSiteProperties.Missing);
            if (missing.Count == 0)
            {
                continue;
            }

            var solution = context.Document.Project.Solution;
            if (await GrantTargetAsync(solution, diagnostic, context.CancellationToken).ConfigureAwait(false) is { } target)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Grant {Quote(missing)} in {target.Title}",
                        cancellationToken => ApplyAsync(solution, new[] { diagnostic }, GrantKey, cancellationToken),
                        GrantKey),
                    diagnostic);
            }

            if (await PropagationTargetAsync(context.Document, root, diagnostic, context.CancellationToken).ConfigureAwait(false) is { } method)
            {
                var required = Scopes(diagnostic, CallSiteProperties.Required);
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Require {Quote(required)} from the callers of '{method.Identifier.ValueText}' ([CymbioScope])",
                        cancellationToken => ApplyAsync(solution, new[] { diagnostic }, PropagateKey, cancellationToken),
                        PropagateKey),
                    diagnostic);
            }
        }
    }

    /// <summary>Applies one kind of fix for every diagnostic, merging the scopes of diagnostics that edit the same target.</summary>
    internal static async Task<Solution> ApplyAsync(Solution solution, IEnumerable<Diagnostic> diagnostics, string key, CancellationToken cancellationToken)
    {
        var syntaxEdits = new Dictionary<(DocumentId Document, TextSpan Span, GrantEditKind Kind), SortedSet<string>>();
        var manifestEdits = new Dictionary<string, (int ArrayEnd, SortedSet<string> Scopes)>(StringComparer.Ordinal);
        foreach (var diagnostic in diagnostics)
        {
            if (key == GrantKey && await GrantTargetAsync(solution, diagnostic, cancellationToken).ConfigureAwait(false) is { } target)
            {
                var scopes = Scopes(diagnostic, CallSiteProperties.Missing);
                if (target.ManifestPath is { } path)
                {
                    if (!manifestEdits.TryGetValue(path, out var edit))
                    {
                        manifestEdits[path] = edit = (target.ArrayEnd, new SortedSet<string>(StringComparer.Ordinal));
                    }

                    edit.Scopes.UnionWith(scopes);
                }
                else
                {
                    Add(syntaxEdits, (target.Document!, target.Span, target.Kind), scopes);
                }
            }
            else if (key == PropagateKey
                && diagnostic.Location.SourceTree is { } tree
                && solution.GetDocument(tree) is { } document
                && await PropagationTargetAsync(document, await tree.GetRootAsync(cancellationToken).ConfigureAwait(false), diagnostic, cancellationToken).ConfigureAwait(false) is { } method)
            {
                Add(syntaxEdits, (document.Id, method.Span, GrantEditKind.Propagate), Scopes(diagnostic, CallSiteProperties.Required));
            }
        }

        foreach (var group in syntaxEdits.GroupBy(static e => e.Key.Document))
        {
            var document = solution.GetDocument(group.Key)!;
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            var root = editor.OriginalRoot;
            var constants = ScopeConstants.Of(editor.SemanticModel, cancellationToken);
            foreach (var edit in group)
            {
                var node = root.FindNode(edit.Key.Span, getInnermostNodeForTie: true);
                var position = edit.Key.Span.Start;
                ExpressionSyntax Expression(string scope, bool literal) => constants.Expression(scope, position, literal);
                switch (edit.Key.Kind)
                {
                    case GrantEditKind.Attribute when node.FirstAncestorOrSelf<AttributeSyntax>() is { } attribute:
                        editor.ReplaceNode(attribute, AddArguments(attribute, edit.Value, Expression));
                        break;
                    case GrantEditKind.Options when OptionsCreation(editor.SemanticModel, node, cancellationToken) is { Syntax: BaseObjectCreationExpressionSyntax syntax } creation:
                        editor.ReplaceNode(syntax, AddGrants(creation, syntax, edit.Value, Expression));
                        break;
                    case GrantEditKind.Propagate when node.FirstAncestorOrSelf<MethodDeclarationSyntax>() is { } method:
                        var attribute2 = SyntaxFactory.Attribute(
                            (NameSyntax)SyntaxFactory.ParseName("global::Cymbio.CymbioScope").WithAdditionalAnnotations(Simplifier.Annotation),
                            SyntaxFactory.AttributeArgumentList(SyntaxFactory.SeparatedList(edit.Value.Select(s => SyntaxFactory.AttributeArgument(Expression(s, literal: false))))));
                        editor.AddAttribute(method, attribute2);
                        break;
                }
            }

            solution = editor.GetChangedDocument().Project.Solution;
        }

        foreach (var edit in manifestEdits)
        {
            if (ManifestDocuments.Find(solution, edit.Key) is not { } manifest)
            {
                continue;
            }

            var text = await manifest.GetTextAsync(cancellationToken).ConfigureAwait(false);
            solution = solution.WithAdditionalDocumentText(manifest.Id, text.WithChanges(ManifestInsertion(text, edit.Value.ArrayEnd, edit.Value.Scopes)));
        }

        return solution;
    }

    private static void Add(Dictionary<(DocumentId, TextSpan, GrantEditKind), SortedSet<string>> edits, (DocumentId, TextSpan, GrantEditKind) key, IEnumerable<string> scopes)
    {
        if (!edits.TryGetValue(key, out var set))
        {
            edits[key] = set = new SortedSet<string>(StringComparer.Ordinal);
        }

        set.UnionWith(scopes);
    }

    /// <summary>Where "add to the grant source" edits, or <see langword="null"/> when that source cannot be edited here.</summary>
    private static async Task<GrantTarget?> GrantTargetAsync(Solution solution, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(CallSiteProperties.SourceKind, out var kindText) || !Enum.TryParse<GrantSourceKind>(kindText, out var kind))
        {
            return null;
        }

        if (kind == GrantSourceKind.Manifest)
        {
            return diagnostic.Properties.TryGetValue(CallSiteProperties.ManifestPath, out var path) && path is not null
                && diagnostic.Properties.TryGetValue(CallSiteProperties.ManifestArrayEnd, out var end) && int.TryParse(end, out var arrayEnd)
                ? new GrantTarget("the 'grants' of scopes.json", GrantEditKind.Manifest, null, default, path, arrayEnd)
                : null;
        }

        if (diagnostic.AdditionalLocations.Count == 0 || diagnostic.AdditionalLocations[0] is not { SourceTree: { } tree } location || solution.GetDocument(tree) is not { } document)
        {
            return null;
        }

        var node = (await tree.GetRootAsync(cancellationToken).ConfigureAwait(false)).FindNode(location.SourceSpan, getInnermostNodeForTie: true);
        switch (kind)
        {
            case GrantSourceKind.Attribute or GrantSourceKind.ProviderType or GrantSourceKind.Propagated when node.FirstAncestorOrSelf<AttributeSyntax>() is { } attribute:
                return new GrantTarget($"[{attribute.Name}]", GrantEditKind.Attribute, document.Id, attribute.Span, null, 0);
            case GrantSourceKind.Options:
                // The options object itself, by its type (not a provider constructed with a grants argument, which is not edited).
                var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
                return model is not null && OptionsCreation(model, node, cancellationToken) is { } creation
                    ? new GrantTarget("the CymbioClientOptions' Grants", GrantEditKind.Options, document.Id, creation.Syntax.Span, null, 0)
                    : null;
            default:
                return null;
        }
    }

    /// <summary>The method that encloses the call, when the diagnostic allows propagation and the method has no <c>[CymbioScope]</c> yet.</summary>
    private static async Task<MethodDeclarationSyntax?> PropagationTargetAsync(Document document, SyntaxNode root, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.ContainsKey(CallSiteProperties.CanPropagate)
            || root.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } method)
        {
            return null;
        }

        // The attribute found by what it binds to, however it is written (alias, qualified, with or without "Attribute").
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        return model?.GetDeclaredSymbol(method, cancellationToken) is { } symbol && !symbol.GetAttributes().Any(ScopeSymbols.IsScopeAttribute)
            ? method
            : null;
    }

    private static AttributeSyntax AddArguments(AttributeSyntax attribute, IEnumerable<string> scopes, Func<string, bool, ExpressionSyntax> write)
    {
        var arguments = attribute.ArgumentList?.Arguments ?? default;
        var literal = arguments.Count > 0 && arguments.All(static a => a.Expression is LiteralExpressionSyntax);
        if (arguments.Count == 1 && arguments[0].Expression is ImplicitArrayCreationExpressionSyntax or ArrayCreationExpressionSyntax)
        {
            var initializer = arguments[0].Expression is ImplicitArrayCreationExpressionSyntax implicitArray ? implicitArray.Initializer : ((ArrayCreationExpressionSyntax)arguments[0].Expression).Initializer!;
            literal = initializer.Expressions.All(static e => e is LiteralExpressionSyntax);
            return attribute.ReplaceNode(initializer, Append(initializer, scopes.Select(s => write(s, literal))));
        }

        var added = scopes.Select(s => SyntaxFactory.AttributeArgument(write(s, literal)));
        return attribute.WithArgumentList((attribute.ArgumentList ?? SyntaxFactory.AttributeArgumentList()).AddArguments(added.ToArray()));
    }

    /// <summary>Appends to <c>{ a, b }</c>, keeping the space (or line break) before the brace after the new last element.</summary>
    private static InitializerExpressionSyntax Append(InitializerExpressionSyntax initializer, IEnumerable<ExpressionSyntax> added)
    {
        var expressions = initializer.Expressions;
        var additions = added.ToList();
        if (expressions.Count == 0 || additions.Count == 0)
        {
            return initializer.AddExpressions(additions.ToArray());
        }

        var last = expressions[expressions.Count - 1];
        var trailing = last.GetTrailingTrivia();
        additions[additions.Count - 1] = additions[additions.Count - 1].WithTrailingTrivia(trailing);
        var updated = expressions.Replace(last, last.WithoutTrailingTrivia()).AddRange(additions);
        return initializer.WithExpressions(updated);
    }

    /// <summary>Inserts scopes before the <c>]</c> of the grants array, in the array's layout (one line or one per line).</summary>
    private static TextChange ManifestInsertion(SourceText text, int arrayEnd, IEnumerable<string> scopes)
    {
        var content = text.ToString();
        var last = arrayEnd - 1;
        while (last >= 0 && char.IsWhiteSpace(content[last]))
        {
            last--;
        }

        var quoted = scopes.Select(static s => "\"" + s + "\"").ToList();
        if (last < 0 || content[last] == '[')
        {
            return new TextChange(new TextSpan(last + 1, 0), string.Join(", ", quoted));
        }

        var open = content.LastIndexOf('[', last);
        var multiline = content.IndexOf('\n', open, last - open) >= 0;
        if (!multiline)
        {
            return new TextChange(new TextSpan(last + 1, 0), string.Concat(quoted.Select(static q => ", " + q)));
        }

        var lineStart = content.LastIndexOf('\n', last) + 1;
        var indent = new string(content.Skip(lineStart).TakeWhile(static c => c is ' ' or '\t').ToArray());
        var newline = lineStart >= 2 && content[lineStart - 2] == '\r' ? "\r\n" : "\n";
        return new TextChange(new TextSpan(last + 1, 0), string.Concat(quoted.Select(q => "," + newline + indent + q)));
    }

    /// <summary>The scopes a diagnostic property carries, space-separated; none when it is absent.</summary>
    internal static List<string> Scopes(Diagnostic diagnostic, string property) =>
        diagnostic.Properties.TryGetValue(property, out var value) && value is not null
            ? value.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries).ToList()
            : new List<string>();

    /// <summary>The scopes as a code action's title lists them.</summary>
    internal static string Quote(IReadOnlyList<string> scopes) => string.Join(", ", scopes.Select(static s => "'" + s + "'"));

    /// <summary>Fix All: collects every diagnostic in scope and applies one merged edit per target.</summary>
    private sealed class MergingFixAll : FixAllProvider
    {
        public static readonly MergingFixAll Instance = new();

        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => FixAllDiagnostics.Scopes;

        public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        {
            var diagnostics = await FixAllDiagnostics.InScopeAsync(fixAllContext, CallSiteDiagnosticIds.MissingScopes).ConfigureAwait(false);
            var key = fixAllContext.CodeActionEquivalenceKey ?? GrantKey;
            var solution = fixAllContext.Solution;
            return CodeAction.Create(
                key == PropagateKey ? "Require the scopes from the callers everywhere" : "Grant the missing scopes everywhere",
                cancellationToken => ApplyAsync(solution, diagnostics, key, cancellationToken),
                key);
        }
    }
}

/// <summary>Where the grant fix edits.</summary>
internal sealed record GrantTarget(string Title, GrantEditKind Kind, DocumentId? Document, TextSpan Span, string? ManifestPath, int ArrayEnd);

/// <summary>What a grant fix edits.</summary>
internal enum GrantEditKind
{
    /// <summary>The arguments of <c>[CymbioGrants]</c> or <c>[CymbioScope]</c>.</summary>
    Attribute,

    /// <summary>The <c>Grants</c> of a <c>CymbioClientOptions</c> creation.</summary>
    Options,

    /// <summary>A new <c>[CymbioScope]</c> on the enclosing method.</summary>
    Propagate,

    /// <summary>The <c>grants</c> array of <c>scopes.json</c>.</summary>
    Manifest,
}
