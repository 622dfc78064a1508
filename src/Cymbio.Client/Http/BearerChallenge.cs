using System;
using System.Collections.Generic;
using System.Net.Http;

namespace Cymbio;

/// <summary>Reads the <c>Bearer</c> challenge of a 401 or 403 response (<c>error</c>, <c>scope</c>, ...).</summary>
internal static class BearerChallenge
{
    /// <summary>The parameters of a <c>Bearer</c> challenge in <c>WWW-Authenticate</c> (RFC 6750 §3).</summary>
    public static Dictionary<string, string> Parameters(HttpResponseMessage response)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var challenge in response.Headers.WwwAuthenticate)
        {
            if (!string.Equals(challenge.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase) || challenge.Parameter is not { } parameter)
            {
                continue;
            }

            foreach (var part in SplitParameters(parameter))
            {
                var equals = part.IndexOf('=', StringComparison.Ordinal);
                if (equals > 0)
                {
                    result[part[..equals].Trim()] = part[(equals + 1)..].Trim().Trim('"');
                }
            }
        }

        return result;
    }

    private static IEnumerable<string> SplitParameters(string parameter)
    {
        var start = 0;
        var quoted = false;
        for (var i = 0; i < parameter.Length; i++)
        {
            if (parameter[i] == '"')
            {
                quoted = !quoted;
            }
            else if (parameter[i] == ',' && !quoted)
            {
                yield return parameter[start..i];
                start = i + 1;
            }
        }

        yield return parameter[start..];
    }
}
