using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace Cymbio.Emulator;

/// <summary>
/// <c>POST /oauth/token</c>, form-encoded (RFC 6749): the <c>password</c>, <c>client_credentials</c> and
/// <c>refresh_token</c> grants, client authentication in the body or by HTTP Basic, per-account allowed scopes, and
/// RFC 6749 §5.2 errors.
/// </summary>
internal sealed class TokenEndpoint(IReadOnlyList<EmulatorAccount> accounts, EmulatorTokens tokens, CymbioEmulatorOptions options)
{
    private static readonly char[] ScopeSeparators = [' ', ','];

    public async Task HandleAsync(HttpContext context)
    {
        var exchange = context.Features.GetRequiredFeature<EmulatorExchange>();
        if (!context.Request.HasFormContentType)
        {
            await RefuseAsync(context, exchange, 400, "invalid_request", "The token request must be form-encoded (application/x-www-form-urlencoded).").ConfigureAwait(false);
            return;
        }

        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.IO.InvalidDataException or BadHttpRequestException)
        {
            await RefuseAsync(context, exchange, ex is BadHttpRequestException { StatusCode: 413 } ? 413 : 400, "invalid_request", "The token request's form could not be read.").ConfigureAwait(false);
            return;
        }

        var grant = Single(form, "grant_type");
        exchange.Grant = string.IsNullOrEmpty(grant) ? "(none)" : grant;

        var basic = ReadBasic(context.Request);
        var clientId = basic?.Id ?? Single(form, "client_id");
        var clientSecret = basic?.Secret ?? Single(form, "client_secret");
        var account = accounts.FirstOrDefault(a => string.Equals(a.ClientId, clientId, StringComparison.Ordinal));
        if (account is null || clientSecret is null || !FixedTimeEquals(account.ClientSecret, clientSecret))
        {
            if (basic is not null)
            {
                context.Response.Headers.WWWAuthenticate = "Basic realm=\"Cymbio\"";
            }

            await RefuseAsync(context, exchange, 401, "invalid_client", "The client id or secret is wrong.").ConfigureAwait(false);
            return;
        }

        exchange.Account = account.Name;
        ScopeSet ceiling;
        switch (grant)
        {
            case "password":
                var username = Single(form, "username");
                var password = Single(form, "password");
                if (string.IsNullOrEmpty(username) || string.IsNullOrEmpty(password))
                {
                    await RefuseAsync(context, exchange, 400, "invalid_request", "The password grant needs username and password.").ConfigureAwait(false);
                    return;
                }

                if (account.Username is null || account.Password is null
                    || !string.Equals(account.Username, username, StringComparison.OrdinalIgnoreCase) || !FixedTimeEquals(account.Password, password))
                {
                    await RefuseAsync(context, exchange, 400, "invalid_grant", "The user name or password is wrong.").ConfigureAwait(false);
                    return;
                }

                ceiling = account.AllowedScopes;
                break;

            case "client_credentials":
                if (!account.AllowsClientCredentials)
                {
                    await RefuseAsync(context, exchange, 400, "unauthorized_client", "This client may not use the client_credentials grant.").ConfigureAwait(false);
                    return;
                }

                ceiling = account.AllowedScopes;
                break;

            case "refresh_token":
                var refreshToken = Single(form, "refresh_token");
                if (string.IsNullOrEmpty(refreshToken))
                {
                    await RefuseAsync(context, exchange, 400, "invalid_request", "The refresh_token grant needs refresh_token.").ConfigureAwait(false);
                    return;
                }

                if (!tokens.TryRedeem(refreshToken, account.ClientId, out _, out var original))
                {
                    await RefuseAsync(context, exchange, 400, "invalid_grant", "The refresh token is invalid, expired or revoked.").ConfigureAwait(false);
                    return;
                }

                ceiling = original!.IsSubsetOf(account.AllowedScopes) ? original : original.Except(original.Except(account.AllowedScopes));
                break;

            case null or "":
                await RefuseAsync(context, exchange, 400, "invalid_request", "grant_type is required.").ConfigureAwait(false);
                return;

            default:
                await RefuseAsync(context, exchange, 400, "unsupported_grant_type", "The grant types accepted are password, client_credentials and refresh_token.").ConfigureAwait(false);
                return;
        }

        var requested = Single(form, "scope");
        ScopeSet scopes;
        if (string.IsNullOrWhiteSpace(requested))
        {
            scopes = ceiling;
        }
        else
        {
            var names = requested.Split(ScopeSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var refused = names.FirstOrDefault(n => !ceiling.Contains(n));
            if (refused is not null)
            {
                var why = CymbioScopes.All.Contains(refused, StringComparer.Ordinal) ? "is not allowed for this client" : "is not a Cymbio scope";
                await RefuseAsync(context, exchange, 400, "invalid_scope", $"The scope {Printable(refused)} {why}.").ConfigureAwait(false);
                return;
            }

            scopes = ScopeSet.Create(names);
        }

        var lifetime = account.TokenLifetime ?? options.TokenLifetime;
        var (access, refresh, issued) = tokens.Issue(account, grant, scopes, lifetime, options.RefreshTokenLifetime);
        exchange.TokenScopes = scopes;
        exchange.TokenId = issued.Id;
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.Pragma = "no-cache";
        await EmulatorResponses.WriteAsync(context, 200, writer =>
        {
            writer.WriteStartObject();
            if (options.TokenResponseShape == TokenResponseShape.CamelCase)
            {
                writer.WriteString("accessToken", access);
                writer.WriteString("accessTokenExpiresAt", issued.ExpiresAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
                writer.WriteString("refreshToken", refresh);
                writer.WriteString("refreshTokenExpiresAt", (issued.IssuedAt + options.RefreshTokenLifetime).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
                writer.WriteString("scope", scopes.ToString());
            }
            else
            {
                writer.WriteString("access_token", access);
                writer.WriteString("token_type", "Bearer");
                writer.WriteNumber("expires_in", (long)lifetime.TotalSeconds);
                writer.WriteString("refresh_token", refresh);
                writer.WriteString("scope", scopes.ToString());
            }

            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private static Task RefuseAsync(HttpContext context, EmulatorExchange exchange, int status, string error, string description)
    {
        exchange.Error = error;
        return EmulatorResponses.WriteOAuthErrorAsync(context, status, error, description);
    }

    private static string? Single(IFormCollection form, string name) =>
        form.TryGetValue(name, out var values) && values.Count == 1 ? values[0] : null;

    private static (string Id, string Secret)? ReadBasic(HttpRequest request)
    {
        StringValues header = request.Headers.Authorization;
        var value = header.ToString();
        if (!value.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(value["Basic ".Length..].Trim()));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? null : (Uri.UnescapeDataString(decoded[..colon]), Uri.UnescapeDataString(decoded[(colon + 1)..]));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static bool FixedTimeEquals(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual));

    private static string Printable(string text) => EmulatorText.Printable(text);
}
