using System;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Cymbio.Emulator;

/// <summary>
/// The dashboard's requests, under <see cref="CymbioEmulator.DashboardPath"/>: the page and its script and style
/// (embedded in this assembly, no build step), the server-sent events (<c>events</c>) and the fault switches
/// (<c>faults</c>, a JSON POST). They bypass the request log, the fault rules and the bearer-token check.
/// </summary>
internal sealed class DashboardEndpoint(DashboardFeed feed, DashboardFaultSwitches switches, CancellationToken stopping)
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    // Scripts, styles and connections only from the emulator itself; no inline script can run, whatever a request
    // managed to put on the page.
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public Task HandleAsync(HttpContext context)
    {
        var response = context.Response;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "no-store";
        response.Headers["Referrer-Policy"] = "no-referrer";
        // Loopback host names only: a web page whose own host name was re-pointed at 127.0.0.1 (DNS rebinding) would
        // otherwise be same-origin with the dashboard.
        if (!IsLoopbackHost(context.Request.Host.Host))
        {
            return WriteTextAsync(context, 403, "The dashboard answers requests for a loopback host name only (127.0.0.1, localhost or [::1]).");
        }

        var path = context.Request.Path.Value ?? string.Empty;
        var method = context.Request.Method;
        return (path, method) switch
        {
            ("" or "/" or "/index.html", "GET" or "HEAD") => AssetAsync(context, "index.html", "text/html; charset=utf-8"),
            ("/dashboard.js", "GET" or "HEAD") => AssetAsync(context, "dashboard.js", "text/javascript; charset=utf-8"),
            ("/dashboard.css", "GET" or "HEAD") => AssetAsync(context, "dashboard.css", "text/css; charset=utf-8"),
            ("/favicon.svg", "GET" or "HEAD") => AssetAsync(context, "favicon.svg", "image/svg+xml"),
            ("/events", "GET") => EventsAsync(context),
            ("/faults", "POST") => FaultsAsync(context),
            ("/faults", "GET") => WriteFaultsAsync(context, switches.Current),
            _ => WriteTextAsync(context, 404, "Not found."),
        };
    }

    private static bool IsLoopbackHost(string host) =>
        host is "127.0.0.1" or "[::1]" or "::1" || string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase);

    private static async Task AssetAsync(HttpContext context, string name, string contentType)
    {
        await using var stream = typeof(DashboardEndpoint).Assembly.GetManifestResourceStream("Cymbio.Emulator.Dashboard." + name)
            ?? throw new InvalidOperationException($"The dashboard asset {name} is not embedded.");
        context.Response.ContentType = contentType;
        context.Response.ContentLength = stream.Length;
        if (name.EndsWith(".html", StringComparison.Ordinal))
        {
            context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        }

        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await stream.CopyToAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private async Task EventsAsync(HttpContext context)
    {
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers["X-Accel-Buffering"] = "no";
        using var live = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        using var subscription = feed.Subscribe();
        // One timer for the keep-alive, pushed back on every wake-up; a new one only after it fired (an idle stream).
        var beat = CancellationTokenSource.CreateLinkedTokenSource(live.Token);
        try
        {
            // A page that lost the stream reconnects after a second and gets a fresh snapshot.
            await response.WriteAsync("retry: 1000\n\n", live.Token).ConfigureAwait(false);
            await WriteEventAsync(response, subscription.Snapshot, live.Token).ConfigureAwait(false);
            while (!live.IsCancellationRequested)
            {
                beat.CancelAfter(Heartbeat);
                try
                {
                    if (!await subscription.Updates.WaitToReadAsync(beat.Token).ConfigureAwait(false))
                    {
                        return;
                    }
                }
                catch (OperationCanceledException) when (!live.IsCancellationRequested)
                {
                    await response.WriteAsync(": keep-alive\n\n", live.Token).ConfigureAwait(false);
                    await response.Body.FlushAsync(live.Token).ConfigureAwait(false);
                    beat.Dispose();
                    beat = CancellationTokenSource.CreateLinkedTokenSource(live.Token);
                    continue;
                }

                while (subscription.Updates.TryRead(out var message))
                {
                    await WriteEventAsync(response, message, live.Token).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (live.IsCancellationRequested)
        {
            // The page went away, or the emulator is stopping.
        }
        finally
        {
            beat.Dispose();
        }
    }

    private static async Task WriteEventAsync(HttpResponse response, DashboardMessage message, CancellationToken cancellationToken)
    {
        await response.WriteAsync($"event: {message.Event}\ndata: {message.Data}\n\n", cancellationToken).ConfigureAwait(false);
        await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task FaultsAsync(HttpContext context)
    {
        // Only the page itself: a JSON body (a form on another site cannot send one without a CORS preflight, which is
        // never answered) and, when the browser names one, the emulator's own origin.
        if (!string.Equals(context.Request.ContentType?.Split(';')[0].Trim(), "application/json", StringComparison.OrdinalIgnoreCase))
        {
            await WriteTextAsync(context, 415, "Send the switches as application/json.").ConfigureAwait(false);
            return;
        }

        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length > 0 && !string.Equals(origin, $"{context.Request.Scheme}://{context.Request.Host}", StringComparison.OrdinalIgnoreCase))
        {
            await WriteTextAsync(context, 403, "The fault switches accept requests from the dashboard's own page only.").ConfigureAwait(false);
            return;
        }

        DashboardFaultRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync(context.Request.Body, DashboardJsonContext.Default.DashboardFaultRequest, context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            request = null;
        }

        if (request is null)
        {
            await WriteTextAsync(context, 400, "The body is not the switches' JSON.").ConfigureAwait(false);
            return;
        }

        try
        {
            switches.Set(request.TokenEndpointDown, request.TooManyRequestsRetryAfterSeconds, request.SlowResponsesMilliseconds);
        }
        catch (ArgumentOutOfRangeException ex)
        {
            await WriteTextAsync(context, 400, ex.Message.Split(" (Parameter", StringSplitOptions.None)[0]).ConfigureAwait(false);
            return;
        }

        await WriteFaultsAsync(context, switches.Current).ConfigureAwait(false);
    }

    private static Task WriteFaultsAsync(HttpContext context, DashboardFaults faults)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(faults, DashboardJsonContext.Default.DashboardFaults), context.RequestAborted);
    }

    private static Task WriteTextAsync(HttpContext context, int status, string text)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text, Encoding.UTF8, context.RequestAborted);
    }
}

/// <summary>The fault switches as the page posts them; <see langword="null"/> switches a fault off.</summary>
internal sealed record DashboardFaultRequest(bool TokenEndpointDown, int? TooManyRequestsRetryAfterSeconds, int? SlowResponsesMilliseconds);
