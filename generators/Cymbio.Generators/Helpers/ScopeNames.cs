using System;
using System.Collections.Generic;
using System.Text;

namespace Cymbio.Generators;

/// <summary>Rules for scope names and the identifiers generated from them.</summary>
internal static class ScopeNames
{
    public const string ReadPrefix = "read:";
    public const string WritePrefix = "write:";

    /// <summary>
    /// A Cymbio scope is <c>read:&lt;resource&gt;</c> or <c>write:&lt;resource&gt;</c>, where the resource starts with a
    /// letter or digit and continues with letters, digits, <c>.</c>, <c>_</c> or <c>-</c>. Every such name is also an
    /// RFC 6749 §3.3 scope token.
    /// </summary>
    public static bool IsValid(string? name)
    {
        if (name is null)
        {
            return false;
        }

        int resourceStart;
        if (name.StartsWith(ReadPrefix, StringComparison.Ordinal))
        {
            resourceStart = ReadPrefix.Length;
        }
        else if (name.StartsWith(WritePrefix, StringComparison.Ordinal))
        {
            resourceStart = WritePrefix.Length;
        }
        else
        {
            return false;
        }

        if (name.Length == resourceStart || !IsAsciiLetterOrDigit(name[resourceStart]))
        {
            return false;
        }

        for (var i = resourceStart + 1; i < name.Length; i++)
        {
            var c = name[i];
            if (!IsAsciiLetterOrDigit(c) && c != '.' && c != '_' && c != '-')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>An RFC 6749 §3.3 scope token: one or more of <c>%x21 / %x23-5B / %x5D-7E</c> (what the runtime's ScopeSet accepts).</summary>
    public static bool IsScopeToken(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        foreach (var c in value!)
        {
            if (!(c == '\x21' || (c >= '\x23' && c <= '\x5B') || (c >= '\x5D' && c <= '\x7E')))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Explains why <paramref name="name"/> is not a valid scope.</summary>
    public static string Explain(string name)
    {
        foreach (var c in name)
        {
            if (c == ' ' || c == '"' || c == '\\' || c < '\x21' || c > '\x7E')
            {
                return $"it contains '{Printable(c)}', which RFC 6749 section 3.3 does not allow in a scope";
            }
        }

        return "a scope is 'read:<resource>' or 'write:<resource>', the resource made of letters, digits, '.', '_' and '-'";
    }

    public static bool IsRead(string scope) => scope.StartsWith(ReadPrefix, StringComparison.Ordinal);

    public static bool IsWrite(string scope) => scope.StartsWith(WritePrefix, StringComparison.Ordinal);

    /// <summary><c>read:orders</c> → <c>ReadOrders</c>; <c>write:purchase-orders</c> → <c>WritePurchaseOrders</c>.</summary>
    public static string ToIdentifier(string name)
    {
        var builder = new StringBuilder(name.Length);
        var upperNext = true;
        foreach (var c in name)
        {
            if (IsAsciiLetterOrDigit(c))
            {
                builder.Append(upperNext ? char.ToUpperInvariant(c) : c);
                upperNext = false;
            }
            else
            {
                upperNext = true;
            }
        }

        if (builder.Length == 0 || char.IsDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }

    public static bool IsValidNamespace(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        foreach (var part in value!.Split('.'))
        {
            if (part.Length == 0 || !(char.IsLetter(part[0]) || part[0] == '_') || IsKeyword(part))
            {
                return false;
            }

            foreach (var c in part)
            {
                if (!char.IsLetterOrDigit(c) && c != '_')
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Turns an assembly name such as <c>My-App.Orders</c> into a namespace such as <c>My_App.Orders</c>.</summary>
    public static string ToNamespace(string? assemblyName)
    {
        if (string.IsNullOrEmpty(assemblyName))
        {
            return "Cymbio.Generated";
        }

        var parts = assemblyName!.Split('.');
        var builder = new StringBuilder(assemblyName.Length + 2);
        foreach (var part in parts)
        {
            if (part.Length == 0)
            {
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append('.');
            }

            if (!(char.IsLetter(part[0]) || part[0] == '_'))
            {
                builder.Append('_');
            }

            if (IsKeyword(part))
            {
                builder.Append('@');
            }

            foreach (var c in part)
            {
                builder.Append(char.IsLetterOrDigit(c) || c == '_' ? c : '_');
            }
        }

        return builder.Length == 0 ? "Cymbio.Generated" : builder.ToString();
    }

    /// <summary>Whether <paramref name="identifier"/> is a reserved C# keyword (which needs an <c>@</c> to be a name).</summary>
    public static bool IsKeyword(string identifier) =>
        Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(identifier) != Microsoft.CodeAnalysis.CSharp.SyntaxKind.None;

    private static bool IsAsciiLetterOrDigit(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');

    private static string Printable(char c) => c switch
    {
        ' ' => "space",
        '\t' => "\\t",
        '\r' => "\\r",
        '\n' => "\\n",
        _ when c < '\x20' || c > '\x7E' => "\\u" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture),
        _ => c.ToString(),
    };
}
