using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Cymbio.Analyzers.CodeFixes;

/// <summary>
/// Fixes CYM0019: rewrites the project's grants — <c>[assembly: CymbioGrants]</c> or the <c>grants</c> of
/// <c>scopes.json</c> — to exactly the scopes the project requires (its calls and its references' required scopes, the
/// generator's <c>CymbioRequiredScopes.All</c>), which the diagnostic carries. The grants of a type, method, local
/// function or lambda serve a part of the code, not the project: CYM0019 is not reported for them. Fix All rewrites
/// each grant source once.
/// </summary>
[ExportCodeFixProvider(
    LanguageNames.CSharp,
    Name = nameof(GrantRequiredScopesCodeFix),
    DocumentKinds = new[] { nameof(TextDocumentKind.Document), nameof(TextDocumentKind.AdditionalDocument) })]
[Shared]
public sealed class GrantRequiredScopesCodeFix : CodeFixProvider
{
    /// <summary>The equivalence key.</summary>
    public const string Key = "Cymbio.GrantRequiredScopes";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(CallSiteDiagnosticIds.GrantsNotRequired);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => OncePerSourceFixAll.Instance;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var solution = context.TextDocument.Project.Solution;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (await TargetAsync(solution, diagnostic, context.CancellationToken).ConfigureAwait(false) is { } target)
            {
                var where = target.ManifestPath is null ? "[assembly: CymbioGrants]" : "the 'grants' of scopes.json";
                var scopes = target.Required.Count == 0 ? "none" : AddMissingScopesCodeFix.Quote(target.Required);
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Grant exactly the scopes the code requires in {where} ({scopes})",
                        cancellationToken => ApplyAsync(solution, new[] { diagnostic }, cancellationToken),
                        Key),
                    diagnostic);
            }
        }
    }

    /// <summary>Rewrites every grant source that <paramref name="diagnostics"/> point at, once each.</summary>
    private static async Task<Solution> ApplyAsync(Solution solution, IEnumerable<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var targets = new Dictionary<(DocumentId? Document, string? Path, TextSpan Span), RewriteTarget>();
        foreach (var diagnostic in diagnostics)
        {
            if (await TargetAsync(solution, diagnostic, cancellationToken).ConfigureAwait(false) is { } target)
            {
                targets[(target.Document, target.ManifestPath, target.Span)] = target;
            }
        }

        foreach (var target in targets.Values)
        {
            solution = target.ManifestPath is { } path
                ? await RewriteManifestAsync(solution, path, target, cancellationToken).ConfigureAwait(false)
                : await RewriteAttributeAsync(solution, target, cancellationToken).ConfigureAwait(false);
        }

        return solution;
    }

    /// <summary>What the diagnostic lets the fix rewrite, or <see langword="null"/> when it is not on the project's grants.</summary>
    private static async Task<RewriteTarget?> TargetAsync(Solution solution, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.ContainsKey(CallSiteProperties.ProjectRequired))
        {
            return null;
        }

        var required = AddMissingScopesCodeFix.Scopes(diagnostic, CallSiteProperties.ProjectRequired);
        if (diagnostic.Properties.TryGetValue(CallSiteProperties.ManifestPath, out var path) && path is not null)
        {
            return diagnostic.Properties.TryGetValue(CallSiteProperties.ManifestArrayStart, out var startText) && int.TryParse(startText, out var start)
                && diagnostic.Properties.TryGetValue(CallSiteProperties.ManifestArrayEnd, out var endText) && int.TryParse(endText, out var end)
                && start >= 0 && end > start
                ? new RewriteTarget(required, null, path, TextSpan.FromBounds(start, end + 1))
                : null;
        }

        if (diagnostic.Location.SourceTree is not { } tree || solution.GetDocument(tree) is not { } document)
        {
            return null;
        }

        var root = await tree.GetRootAsync(cancellationToken).ConfigureAwait(false);
        return root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<AttributeSyntax>() is { } attribute
            ? new RewriteTarget(required, document.Id, null, attribute.Span)
            : null;
    }

    /// <summary>
    /// The attribute with exactly the required scopes as its arguments: the constants of <c>CymbioScopes</c> (string
    /// literals when every argument was one), none when nothing is required.
    /// </summary>
    private static async Task<Solution> RewriteAttributeAsync(Solution solution, RewriteTarget target, CancellationToken cancellationToken)
    {
        var document = solution.GetDocument(target.Document)!;
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || root.FindNode(target.Span, getInnermostNodeForTie: true).FirstAncestorOrSelf<AttributeSyntax>() is not { } attribute)
        {
            return solution;
        }

        var written = Expressions(attribute).ToList();
        var literal = written.Count > 0 && written.All(static e => e is LiteralExpressionSyntax);
        var constants = ScopeConstants.Of(model, cancellationToken);
        var arguments = target.Required.Select(scope => SyntaxFactory.AttributeArgument(constants.Expression(scope, attribute.SpanStart, literal)));
        var rewritten = attribute.WithArgumentList(target.Required.Count == 0 ? null : SyntaxFactory.AttributeArgumentList(SyntaxFactory.SeparatedList(arguments)));
        return document.WithSyntaxRoot(root.ReplaceNode(attribute, rewritten.WithTriviaFrom(attribute))).Project.Solution;
    }

    /// <summary>The scope expressions an attribute is written with: its arguments, or the elements of its one array argument.</summary>
    private static IEnumerable<ExpressionSyntax> Expressions(AttributeSyntax attribute)
    {
        foreach (var argument in attribute.ArgumentList?.Arguments ?? default)
        {
            var initializer = argument.Expression switch
            {
                ImplicitArrayCreationExpressionSyntax implicitArray => implicitArray.Initializer,
                ArrayCreationExpressionSyntax array => array.Initializer,
                _ => null,
            };
            foreach (var expression in initializer?.Expressions ?? SyntaxFactory.SingletonSeparatedList(argument.Expression))
            {
                yield return expression;
            }
        }
    }

    /// <summary>The manifest with its <c>grants</c> array replaced, in the array's layout; unchanged when the file moved on since the diagnostic.</summary>
    private static async Task<Solution> RewriteManifestAsync(Solution solution, string path, RewriteTarget target, CancellationToken cancellationToken)
    {
        if (ManifestDocuments.Find(solution, path) is not { } manifest)
        {
            return solution;
        }

        var text = await manifest.GetTextAsync(cancellationToken).ConfigureAwait(false);
        var span = target.Span;
        if (span.End > text.Length || text[span.Start] != '[' || text[span.End - 1] != ']')
        {
            return solution;
        }

        var replacement = ManifestArray(text, span, target.Required);
        return solution.WithAdditionalDocumentText(manifest.Id, text.WithChanges(new TextChange(span, replacement)));
    }

    /// <summary>
    /// <c>[]</c> when nothing is required; else one scope per line when the array spanned lines (indented as its first
    /// element was, or one step in from its <c>]</c>), else on one line, padded inside the brackets as it was.
    /// </summary>
    internal static string ManifestArray(SourceText text, TextSpan span, IReadOnlyList<string> scopes)
    {
        if (scopes.Count == 0)
        {
            return "[]";
        }

        var array = text.ToString(span);
        var quoted = scopes.Select(static s => "\"" + s + "\"").ToList();
        var firstBreak = array.IndexOf('\n');
        if (firstBreak < 0)
        {
            var pad = array.Length > 1 && array[1] == ' ' ? " " : string.Empty;
            return "[" + pad + string.Join(", ", quoted) + pad + "]";
        }

        var newline = firstBreak > 0 && array[firstBreak - 1] == '\r' ? "\r\n" : "\n";
        var closingLine = text.Lines.GetLineFromPosition(span.End - 1);
        var closingIndent = Indent(text.ToString(TextSpan.FromBounds(closingLine.Start, span.End - 1)));
        var firstLine = array.Substring(firstBreak + 1);
        var indent = firstLine.TrimStart(' ', '\t').StartsWith("\"", StringComparison.Ordinal) ? Indent(firstLine) : closingIndent + "  ";
        return "[" + newline + string.Join("," + newline, quoted.Select(q => indent + q)) + newline + closingIndent + "]";
    }

    private static string Indent(string line) => new(line.TakeWhile(static c => c is ' ' or '\t').ToArray());

    /// <summary>One grant source to rewrite: a <c>[assembly: CymbioGrants]</c> (document and attribute span) or a manifest's array (path and span).</summary>
    private sealed record RewriteTarget(IReadOnlyList<string> Required, DocumentId? Document, string? ManifestPath, TextSpan Span);

    /// <summary>Fix All: every CYM0019 in scope, each grant source rewritten once.</summary>
    private sealed class OncePerSourceFixAll : FixAllProvider
    {
        public static readonly OncePerSourceFixAll Instance = new();

        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => FixAllDiagnostics.Scopes;

        public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        {
            var diagnostics = await FixAllDiagnostics.InScopeAsync(fixAllContext, CallSiteDiagnosticIds.GrantsNotRequired).ConfigureAwait(false);
            var solution = fixAllContext.Solution;
            return CodeAction.Create(
                "Grant exactly the scopes the code requires everywhere",
                cancellationToken => ApplyAsync(solution, diagnostics, cancellationToken),
                Key);
        }
    }
}
