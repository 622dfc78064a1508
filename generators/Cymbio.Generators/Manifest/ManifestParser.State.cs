using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Threading;
using Microsoft.CodeAnalysis.Text;

namespace Cymbio.Generators;

internal static partial class ManifestParser
{
    /// <summary>One parse: the reader's position, the problems found so far, and the token-level helpers.</summary>
    private sealed partial class State
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


        private void UnknownMember(string member, TextLocation location, string[] known)
        {
            var suggestion = ScopeSuggestion.Suggest(member, known);
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
}
