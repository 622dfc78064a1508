// Over the ~400-line guideline: splitting this file by concern is issue 9 (refactor), next after issue 8; left whole until then.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Threading;
using Microsoft.CodeAnalysis.Text;

namespace Cymbio.Generators;

/// <summary>
/// Reads <c>scopes.json</c> into a <see cref="ManifestDocument"/>. Never throws for bad input: every defect becomes
/// one <see cref="ManifestProblem"/> located at the offending token. Only cancellation escapes.
/// </summary>
internal static class ManifestParser
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
        new(id, new EquatableArray<string>(arguments), location);

    private static string Describe(JsonException ex)
    {
        // System.Text.Json appends "LineNumber: n | BytePositionInLine: m." — the diagnostic carries the position already.
        var message = ex.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message.Substring(0, cut) : message).TrimEnd();
    }

    private sealed class State
    {
        private readonly string _path;
        private readonly SourceText _text;
        private readonly string _content;
        private readonly byte[] _bytes;
        private readonly CancellationToken _cancellationToken;
        private readonly List<ManifestProblem> _problems = new();
        private int _mappedByte;
        private int _mappedChar;
        private int _reads;

        public State(string path, SourceText text, string content, byte[] bytes, CancellationToken cancellationToken)
        {
            _path = path;
            _text = text;
            _content = content;
            _bytes = bytes;
            _cancellationToken = cancellationToken;
        }

        public ManifestDocument ReadRoot(ref Utf8JsonReader reader)
        {
            Read(ref reader);
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                var location = TokenLocation(ref reader);
                var kind = Kind(reader.TokenType);
                SkipRest(ref reader);
                return ManifestDocument.Unreadable(_path, Problem(DiagnosticIds.ManifestUnreadable, location, $"it must hold a JSON object, not {kind}"));
            }

            string? ns = null;
            string? tokenPath = null;
            int? lifetime = null;
            var environments = new List<ManifestEnvironment>();
            var scopes = new List<ManifestScope>();
            var grants = new List<ManifestGrant>();
            TextLocation? grantsArray = null;
            var seen = new HashSet<string>(StringComparer.Ordinal);

            while (Read(ref reader) && reader.TokenType == JsonTokenType.PropertyName)
            {
                var member = reader.GetString()!;
                var memberLocation = TokenLocation(ref reader);
                Read(ref reader);
                if (!seen.Add(member))
                {
                    Add(DiagnosticIds.ManifestInvalidValue, memberLocation, $"'{member}' appears more than once; only the first is used");
                    reader.Skip();
                    continue;
                }

                switch (member)
                {
                    case "$schema":
                        ReadString(ref reader, member);
                        break;
                    case "namespace":
                        var location = TokenLocation(ref reader);
                        ns = ReadString(ref reader, member);
                        if (ns is not null && !ScopeNames.IsValidNamespace(ns))
                        {
                            Add(DiagnosticIds.ManifestInvalidValue, location, $"'namespace' must be a C# namespace such as 'Contoso.Cymbio', not '{ns}'");
                            ns = null;
                        }

                        break;
                    case "tokenPath":
                        tokenPath = ReadString(ref reader, member);
                        break;
                    case "tokenLifetimeSeconds":
                        lifetime = ReadPositiveInteger(ref reader, member);
                        break;
                    case "environments":
                        ReadEnvironments(ref reader, environments);
                        break;
                    case "scopes":
                        ReadScopes(ref reader, scopes);
                        break;
                    case "grants":
                        grantsArray = ReadGrants(ref reader, grants);
                        break;
                    default:
                        UnknownMember(member, memberLocation, RootMembers);
                        reader.Skip();
                        break;
                }
            }

            // Anything after the root object is a JSON error, which Read reports by throwing.
            while (Read(ref reader))
            {
            }

            return new ManifestDocument(
                _path,
                true,
                ns,
                tokenPath,
                lifetime,
                EquatableArray<ManifestEnvironment>.From(environments),
                EquatableArray<ManifestScope>.From(scopes),
                EquatableArray<ManifestGrant>.From(grants),
                EquatableArray<ManifestProblem>.From(_problems))
            {
                GrantsArray = grantsArray,
            };
        }

        public TextLocation LocationOf(JsonException ex)
        {
            var line = (int)Math.Min(Math.Max(ex.LineNumber ?? 0, 0), _text.Lines.Count - 1);
            var lineStart = _text.Lines[line].Start;
            var lineEnd = _text.Lines[line].End;
            var targetBytes = ex.BytePositionInLine ?? 0;
            var position = lineStart;
            long bytes = 0;
            while (position < lineEnd && bytes < targetBytes)
            {
                var c = _content[position];
                if (char.IsHighSurrogate(c) && position + 1 < lineEnd)
                {
                    bytes += 4;
                    position += 2;
                    continue;
                }

                bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
                position++;
            }

            return TextLocation.Create(_path, _text, new TextSpan(position, position < lineEnd ? 1 : 0));
        }

        private bool Read(ref Utf8JsonReader reader)
        {
            if ((++_reads & 0x3FF) == 0)
            {
                _cancellationToken.ThrowIfCancellationRequested();
            }

            return reader.Read();
        }

        private void SkipRest(ref Utf8JsonReader reader)
        {
            reader.Skip();
            while (Read(ref reader))
            {
            }
        }

        private string? ReadString(ref Utf8JsonReader reader, string member)
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                return reader.GetString();
            }

            WrongType(ref reader, $"'{member}' must be a string");
            return null;
        }

        private int? ReadPositiveInteger(ref Utf8JsonReader reader, string member)
        {
            if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value) && value > 0)
            {
                return value;
            }

            WrongType(ref reader, $"'{member}' must be a whole number of seconds greater than 0");
            return null;
        }

        private void ReadEnvironments(ref Utf8JsonReader reader, List<ManifestEnvironment> environments)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                WrongType(ref reader, "'environments' must be an object mapping names to base addresses");
                return;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            var identifiers = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["TokenPath"] = "tokenPath",
                ["TokenLifetimeSeconds"] = "tokenLifetimeSeconds",
                ["CymbioEnvironments"] = "the generated class",
            };
            while (Read(ref reader) && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                var nameLocation = TokenLocation(ref reader);
                Read(ref reader);
                if (!seen.Add(name))
                {
                    Add(DiagnosticIds.ManifestInvalidValue, nameLocation, $"environment '{name}' appears more than once; only the first is used");
                    reader.Skip();
                    continue;
                }

                // Each environment becomes a constant of CymbioEnvironments; two names must not make one identifier.
                var identifier = ScopeNames.ToIdentifier(name);
                if (identifiers.TryGetValue(identifier, out var taken))
                {
                    Add(DiagnosticIds.ManifestInvalidValue, nameLocation, $"environment '{name}' would generate the constant '{identifier}', which {taken} already uses; rename it");
                    reader.Skip();
                    continue;
                }

                identifiers.Add(identifier, $"'{name}'");

                var valueLocation = TokenLocation(ref reader);
                var address = ReadString(ref reader, "environments." + name);
                if (address is null)
                {
                    continue;
                }

                if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || (uri.Scheme != "https" && uri.Scheme != "http"))
                {
                    Add(DiagnosticIds.ManifestInvalidValue, valueLocation, $"environment '{name}' must be an absolute http(s) address, not '{address}'");
                    continue;
                }

                environments.Add(new ManifestEnvironment(name, address));
            }
        }

        private void ReadScopes(ref Utf8JsonReader reader, List<ManifestScope> scopes)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                WrongType(ref reader, "'scopes' must be an array of { \"name\": …, \"description\": … } objects");
                return;
            }

            var first = new Dictionary<string, TextLocation>(StringComparer.Ordinal);
            while (Read(ref reader) && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    WrongType(ref reader, "each entry of 'scopes' must be an object with a 'name'");
                    continue;
                }

                var objectLocation = TokenLocation(ref reader);
                string? name = null;
                string? description = null;
                TextLocation nameLocation = default;
                var valid = true;
                var members = new HashSet<string>(StringComparer.Ordinal);
                while (Read(ref reader) && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var member = reader.GetString()!;
                    var memberLocation = TokenLocation(ref reader);
                    Read(ref reader);
                    if (!members.Add(member))
                    {
                        Add(DiagnosticIds.ManifestInvalidValue, memberLocation, $"'{member}' appears more than once in this scope; only the first is used");
                        reader.Skip();
                        continue;
                    }

                    switch (member)
                    {
                        case "name":
                            nameLocation = TokenLocation(ref reader);
                            name = ReadString(ref reader, "name");
                            valid &= name is not null;
                            break;
                        case "description":
                            description = ReadString(ref reader, "description");
                            break;
                        default:
                            UnknownMember(member, memberLocation, ScopeMembers);
                            reader.Skip();
                            break;
                    }
                }

                if (name is null)
                {
                    if (valid)
                    {
                        Add(DiagnosticIds.ManifestInvalidValue, objectLocation, "this scope has no 'name'");
                    }

                    continue;
                }

                if (!ScopeNames.IsValid(name))
                {
                    Add(DiagnosticIds.InvalidScopeName, nameLocation, name, ScopeNames.Explain(name));
                    continue;
                }

                if (first.TryGetValue(name, out var earlier))
                {
                    Add(DiagnosticIds.DuplicateScope, nameLocation, name, "scopes", Position(earlier));
                    continue;
                }

                first.Add(name, nameLocation);
                scopes.Add(new ManifestScope(name, description ?? string.Empty, nameLocation));
            }
        }

        private TextLocation? ReadGrants(ref Utf8JsonReader reader, List<ManifestGrant> grants)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                WrongType(ref reader, "'grants' must be an array of scope names");
                return null;
            }

            var open = TokenLocation(ref reader);

            var first = new Dictionary<string, TextLocation>(StringComparer.Ordinal);
            while (Read(ref reader) && reader.TokenType != JsonTokenType.EndArray)
            {
                var location = TokenLocation(ref reader);
                if (reader.TokenType != JsonTokenType.String)
                {
                    WrongType(ref reader, "each entry of 'grants' must be a scope name");
                    continue;
                }

                var name = reader.GetString()!;
                if (!ScopeNames.IsValid(name))
                {
                    Add(DiagnosticIds.InvalidScopeName, location, name, ScopeNames.Explain(name));
                    continue;
                }

                if (first.TryGetValue(name, out var earlier))
                {
                    Add(DiagnosticIds.DuplicateScope, location, name, "grants", Position(earlier));
                    continue;
                }

                first.Add(name, location);
                grants.Add(new ManifestGrant(name, location));
            }

            if (reader.TokenType != JsonTokenType.EndArray)
            {
                return null;
            }

            var close = TokenLocation(ref reader);
            return TextLocation.Create(_path, _text, TextSpan.FromBounds(open.Start, close.Start + close.Length));
        }

        private void UnknownMember(string member, TextLocation location, string[] known)
        {
            var suggestion = ScopeNames.Suggest(member, known);
            Add(DiagnosticIds.ManifestUnknownMember, location, member, suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?");
        }

        private void WrongType(ref Utf8JsonReader reader, string expectation)
        {
            var location = TokenLocation(ref reader);
            var kind = Kind(reader.TokenType);
            reader.Skip();
            Add(DiagnosticIds.ManifestInvalidValue, location, $"{expectation}, not {kind}");
        }

        private void Add(string id, TextLocation location, params string[] arguments) => _problems.Add(Problem(id, location, arguments));

        private TextLocation TokenLocation(ref Utf8JsonReader reader)
        {
            var startByte = (int)reader.TokenStartIndex;
            var byteLength = reader.TokenType switch
            {
                JsonTokenType.String or JsonTokenType.PropertyName => reader.ValueSpan.Length + 2,
                JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null => reader.ValueSpan.Length,
                _ => 1,
            };

            var start = CharOffset(startByte);
            var end = CharOffset(Math.Min(startByte + byteLength, _bytes.Length));
            return TextLocation.Create(_path, _text, TextSpan.FromBounds(start, Math.Max(start, end)));
        }

        /// <summary>Maps a UTF-8 byte offset to a UTF-16 offset, walking forward from the last one mapped.</summary>
        private int CharOffset(int byteOffset)
        {
            if (byteOffset < _mappedByte)
            {
                _mappedByte = 0;
                _mappedChar = 0;
            }

            _mappedChar += Encoding.UTF8.GetCharCount(_bytes, _mappedByte, byteOffset - _mappedByte);
            _mappedByte = byteOffset;
            return Math.Min(_mappedChar, _content.Length);
        }

        private static string Position(TextLocation location) =>
            string.Format(CultureInfo.InvariantCulture, "line {0}, column {1}", location.StartLine + 1, location.StartColumn + 1);
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
