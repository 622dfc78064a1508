using System;
using System.Collections.Generic;
using System.Text.Json;
using Microsoft.CodeAnalysis.Text;

namespace Cymbio.Generators;

internal static partial class ManifestParser
{
    /// <summary>The manifest's sections: environments, scopes and grants.</summary>
    private sealed partial class State
    {
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
    }
}
