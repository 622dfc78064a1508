using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace Cymbio.Emulator;

/// <summary>
/// The emulator's middleware: the outer guard (timing, the request log, <c>{"message"}</c> bodies for unknown routes
/// and for every failure, so that no request crashes the server) and, once routing has matched, fault injection and
/// bearer-token checks.
/// </summary>
internal sealed class EmulatorPipeline(EmulatorState state, ILogger logger)
{
    public async Task GuardAsync(HttpContext context, RequestDelegate next)
    {
        var started = Stopwatch.GetTimestamp();
        var timestamp = state.Clock.GetUtcNow();
        var exchange = new EmulatorExchange();
        context.Features.Set(exchange);

        // The log entry is written as the response starts, so that a client that has its answer finds it in the log
        // (and in the counters); or at the end, for a request that was never answered.
        var logged = 0;
        void Log()
        {
            if (Interlocked.Exchange(ref logged, 1) == 0)
            {
                state.Requests.Add(Record(context, exchange, timestamp, started));
            }
        }

        context.Response.OnStarting(() =>
        {
            Log();
            return Task.CompletedTask;
        });
        try
        {
            await next(context).ConfigureAwait(false);
            if (context.Response is { HasStarted: false, StatusCode: 404 or 405 } && exchange.Route is null && exchange.Grant is null)
            {
                var message = context.Response.StatusCode == 404
                    ? "No Cymbio route matches this path."
                    : "This route does not accept this method.";
                await EmulatorResponses.WriteMessageAsync(context, context.Response.StatusCode, message).ConfigureAwait(false);
            }
        }
        catch (EmulatorRequestException ex) when (!context.Response.HasStarted)
        {
            exchange.Error ??= "request";
            await EmulatorResponses.WriteMessageAsync(context, ex.StatusCode, ex.Message).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            await EmulatorResponses.WriteMessageAsync(context, ex.StatusCode, ex.StatusCode == 413 ? "The request body is too large." : "The request is malformed.").ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nothing to answer.
            context.Response.StatusCode = 499;
        }
        catch (Exception ex) when (!context.Response.HasStarted)
        {
            logger.LogError(ex, "The emulator failed on {Method} {Path}", context.Request.Method, exchange.Route?.Template ?? "(unknown route)");
            await EmulatorResponses.WriteMessageAsync(context, 500, "The emulator failed to answer this request.").ConfigureAwait(false);
        }
        finally
        {
            Log();
        }
    }

    private EmulatorRequestRecord Record(HttpContext context, EmulatorExchange exchange, DateTimeOffset timestamp, long started) => new()
    {
        Sequence = state.Requests.NextSequence(),
        Timestamp = timestamp,
        Method = context.Request.Method,
        Path = context.Request.Path.Value ?? string.Empty,
        Route = exchange.Grant is not null ? CymbioEmulator.TokenPath : exchange.Route?.Template,
        Operation = exchange.Grant is not null ? "token" : exchange.Route?.Operation,
        StatusCode = context.Response.StatusCode,
        Account = exchange.Account,
        Grant = exchange.Grant,
        RequiredScopes = exchange.Route?.Scopes,
        TokenScopes = exchange.TokenScopes,
        TokenId = exchange.TokenId,
        Error = exchange.Error,
        Fault = exchange.Fault,
        Duration = Stopwatch.GetElapsedTime(started),
        UserAgent = context.Request.Headers.UserAgent.Count == 0 ? null : ServerText.Printable(context.Request.Headers.UserAgent.ToString(), EmulatorRequestRecord.MaxUserAgentLength),
    };

    /// <summary>Fault injection and the bearer-token check, after routing matched an endpoint.</summary>
    public async Task AuthorizeAsync(HttpContext context, RequestDelegate next)
    {
        var exchange = context.Features.GetRequiredFeature<EmulatorExchange>();
        var endpoint = context.GetEndpoint();
        if (endpoint?.Metadata.GetMetadata<TokenEndpointMarker>() is not null)
        {
            exchange.Grant = await ReadGrantAsync(context).ConfigureAwait(false);
            if (state.Faults.TakeForTokenEndpoint() is { } tokenFault && await PlayAsync(context, exchange, tokenFault, tokenEndpoint: true).ConfigureAwait(false))
            {
                return;
            }

            await next(context).ConfigureAwait(false);
            return;
        }

        var route = endpoint?.Metadata.GetMetadata<EmulatorRoute>();
        if (route is null)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        exchange.Route = route;
        if (state.Faults.TakeForRoute(route.Method, route.Template) is { } fault && await PlayAsync(context, exchange, fault, tokenEndpoint: false).ConfigureAwait(false))
        {
            return;
        }

        var validation = state.Tokens.Validate(ReadBearer(context.Request));
        exchange.Account = validation.Token?.Account;
        exchange.TokenScopes = validation.Token?.Scopes;
        exchange.TokenId = validation.Token?.Id;
        if (validation.Account is not { } caller)
        {
            exchange.Error = "invalid_token";
            EmulatorResponses.SetBearerChallenge(context, "invalid_token", validation.Failure!);
            await EmulatorResponses.WriteMessageAsync(context, 401, validation.Failure!).ConfigureAwait(false);
            return;
        }

        var missing = route.Scopes.Except(validation.Token!.Scopes);
        if (!missing.IsEmpty)
        {
            exchange.Error = "insufficient_scope";
            var message = $"The access token lacks the scope {missing} that {route.Method} {route.Template} requires.";
            EmulatorResponses.SetBearerChallenge(context, "insufficient_scope", message, route.Scopes);
            await EmulatorResponses.WriteMessageAsync(context, 403, message).ConfigureAwait(false);
            return;
        }

        if (route.OwnerParameter is { } owner && context.Request.RouteValues[owner] is string raw
            && long.TryParse(raw, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            && (route.OwnedBySupplier ? caller.SupplierId : caller.RetailerId) != id)
        {
            exchange.Error = "forbidden";
            var kind = route.OwnedBySupplier ? "supplier" : "retailer";
            await EmulatorResponses.WriteMessageAsync(context, 403, $"This account has no access to {kind} {id}.").ConfigureAwait(false);
            return;
        }

        exchange.Caller = caller;
        await next(context).ConfigureAwait(false);
    }

    private async Task<bool> PlayAsync(HttpContext context, EmulatorExchange exchange, EmulatorFault fault, bool tokenEndpoint)
    {
        exchange.Fault = fault.ToString();
        switch (fault)
        {
            case EmulatorFault.DelayFault delay:
                await Task.Delay(delay.Duration, state.Clock, context.RequestAborted).ConfigureAwait(false);
                return false;

            case EmulatorFault.TooManyRequestsFault tooMany:
                context.Response.Headers.RetryAfter = tooMany.Seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await WriteFaultAsync(context, 429, tokenEndpoint, "temporarily_unavailable", "Too many requests.").ConfigureAwait(false);
                return true;

            case EmulatorFault.StatusFault status:
                await WriteFaultAsync(context, status.StatusCode, tokenEndpoint, status.StatusCode >= 500 ? "server_error" : "invalid_request", $"Injected fault: status {status.StatusCode}.").ConfigureAwait(false);
                return true;

            default:
                await EmulatorResponses.WriteMalformedJsonAsync(context, tokenEndpoint).ConfigureAwait(false);
                return true;
        }
    }

    private static Task WriteFaultAsync(HttpContext context, int status, bool tokenEndpoint, string error, string message) =>
        tokenEndpoint
            ? EmulatorResponses.WriteOAuthErrorAsync(context, status, error, message)
            : EmulatorResponses.WriteMessageAsync(context, status, message);

    /// <summary>The token request's <c>grant_type</c>, so that the log counts faulted requests by grant too.</summary>
    private static async Task<string> ReadGrantAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType)
        {
            return "(none)";
        }

        try
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
            return form.TryGetValue("grant_type", out var grant) && grant.Count == 1 && !string.IsNullOrEmpty(grant[0]) ? grant[0]! : "(none)";
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.IO.InvalidDataException or BadHttpRequestException)
        {
            return "(none)";
        }
    }

    private static string? ReadBearer(HttpRequest request)
    {
        var value = request.Headers.Authorization.ToString();
        return value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? value["Bearer ".Length..].Trim() : null;
    }
}

/// <summary>Endpoint metadata marking the token endpoint.</summary>
internal sealed class TokenEndpointMarker
{
    public static TokenEndpointMarker Instance { get; } = new();
}
