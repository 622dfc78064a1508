using System;
using System.Net;

namespace Cymbio;

/// <summary>
/// The one rule for where credentials and tokens may travel: HTTPS, or plain HTTP to a loopback address (a local
/// emulator or test server). The options validator, the token provider and the authentication handler all ask here.
/// </summary>
internal static class SecureTransport
{
    /// <summary>Returns the problem when <paramref name="address"/> is neither HTTPS nor loopback; otherwise <see langword="null"/>.</summary>
    /// <param name="address">The address to check.</param>
    /// <param name="setting">What the address is, for the message (for example <c>Cymbio:BaseAddress</c>).</param>
    public static string? Problem(Uri address, string setting)
    {
        if (!address.IsAbsoluteUri)
        {
            return $"{setting} must be an absolute address.";
        }

        if (address.Scheme == Uri.UriSchemeHttps || (address.Scheme == Uri.UriSchemeHttp && IsLoopback(address)))
        {
            return null;
        }

        return $"{setting} must use HTTPS ('{address.GetLeftPart(UriPartial.Authority)}' does not); plain HTTP is allowed only for loopback addresses.";
    }

    /// <summary>Whether <paramref name="address"/> names this machine (<c>localhost</c> or a loopback IP literal).</summary>
    public static bool IsLoopback(Uri address) =>
        address.IsLoopback || (IPAddress.TryParse(address.DnsSafeHost, out var ip) && IPAddress.IsLoopback(ip));

    /// <summary>
    /// Refuses to send when a <paramref name="problem"/> was found: whatever the options validation said, nothing secret
    /// travels over plain HTTP to another machine (RFC 6749 §3.2, RFC 6750 §5.3).
    /// </summary>
    /// <param name="problem">The result of <see cref="Problem"/>.</param>
    /// <param name="withheld">What is not sent, as a sentence subject (for example <c>No token is</c>).</param>
    public static void ThrowIfInsecure(string? problem, string withheld)
    {
        if (problem is not null)
        {
            throw new InvalidOperationException($"{problem} {withheld} sent over an unencrypted connection.");
        }
    }
}
