using System;
using System.Text;
using System.Text.Json;
using System.Threading;
using Microsoft.CodeAnalysis.Text;

namespace Cymbio.Generators;

/// <summary>
/// Reads <c>scopes.json</c> into a <see cref="ManifestDocument"/>. Never throws for bad input: every defect becomes
/// one <see cref="ManifestProblem"/> located at the offending token. Only cancellation escapes.
/// </summary>
internal static partial class ManifestParser
{
    private static readonly string[] RootMembers = { "$schema", "namespace", "tokenPath", "tokenLifetimeSeconds", "environments", "scopes", "grants" };
    private static readonly string[] ScopeMembers = { "name", "description" };

    public static ManifestDocument Parse(string path, SourceText? text, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (text is null)
        {
            return ManifestDocument.Unreadable(path, Problem(DiagnosticIds.ManifestUnreadable, new TextLocation(path, 0, 0, 0, 0, 0, 0), "the file could not be read"));
        }

        var content = text.ToString();
        if (content.Trim().Length == 0)
        {
            return ManifestDocument.Unreadable(path, Problem(DiagnosticIds.ManifestUnreadable, TextLocation.Create(path, text, new TextSpan(0, 0)), "the file is empty; it must hold a JSON object"));
        }

        if (content[0] == '\uFEFF')
        {
            // A byte order mark that survived decoding: read it as white space so that columns stay the same.
            content = " " + content.Substring(1);
        }

        var bytes = Encoding.UTF8.GetBytes(content);
        var state = new State(path, text, content, bytes, cancellationToken);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 64 });
        try
        {
            return state.ReadRoot(ref reader);
        }
        catch (JsonException ex)
        {
            return ManifestDocument.Unreadable(path, Problem(DiagnosticIds.ManifestUnreadable, state.LocationOf(ex), "the file is not valid JSON: " + Describe(ex)));
        }
    }

    private static ManifestProblem Problem(string id, TextLocation location, params string[] arguments) =>
        new(id, EquatableArray<string>.From(arguments), location);

    private static string Describe(JsonException ex)
    {
        // System.Text.Json appends "LineNumber: n | BytePositionInLine: m." — the diagnostic carries the position already.
        var message = ex.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message.Substring(0, cut) : message).TrimEnd();
    }

    private static string Kind(JsonTokenType type) => type switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => "nothing",
    };
}
