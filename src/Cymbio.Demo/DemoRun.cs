using System;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Options;
using Refit;
using Spectre.Console;

namespace Cymbio.Demo;

/// <summary>
/// One run of the demo against a Cymbio (the emulator or staging): the header, <see cref="SupplierOrderSync"/> under a
/// status display, and the summary counted by a <see cref="CallCounter"/> below the client. Tests run it in-process on a
/// Spectre <c>TestConsole</c>.
/// </summary>
/// <param name="console">Where it shows itself.</param>
internal sealed class DemoRun(IAnsiConsole console)
{
    /// <summary>Runs the sync.</summary>
    /// <param name="options">The client's options: where, who, and the grants of <see cref="SupplierOrderSync"/>.</param>
    /// <param name="target">What the run is against, in plain text, for the header.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The exit code, what was done and the summary.</returns>
    public async Task<DemoOutcome> RunAsync(CymbioClientOptions options, string target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        DemoConsole.Header(console, target, options);
        var counter = new CallCounter(options.TokenEndpoint, new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) });
        using var cymbio = new CymbioClient(options, primaryHandler: counter);
        using var reporting = new CymbioClient(DemoClientOptions.ForReporting(options));
        var watch = Stopwatch.StartNew();
        try
        {
            // A live status line in a terminal; redirected output (a pipe, a test) gets the finished steps only.
            var report = console.Profile.Capabilities.Interactive
                ? await console.Status().StartAsync("Starting…", context =>
                    new SupplierOrderSync(cymbio, reporting, new DemoConsole.StatusReporter(console, context)).RunAsync(cancellationToken)).ConfigureAwait(false)
                : await new SupplierOrderSync(cymbio, reporting, new DemoConsole.StatusReporter(console, null)).RunAsync(cancellationToken).ConfigureAwait(false);
            var summary = DemoSummary.From(counter, options, watch.Elapsed);
            DemoConsole.Summary(console, summary, report);
            return new DemoOutcome(0, report, summary);
        }
        catch (Exception ex) when (Describe(ex) is { } message && !cancellationToken.IsCancellationRequested)
        {
            var summary = DemoSummary.From(counter, options, watch.Elapsed);
            DemoConsole.Failure(console, message);
            DemoConsole.Summary(console, summary, null);
            return new DemoOutcome(1, null, summary);
        }
    }

    /// <summary>A one-line description of a failure Cymbio or the network can cause; <see langword="null"/> for a bug.</summary>
    /// <param name="ex">The failure.</param>
    /// <returns>The description, or <see langword="null"/>.</returns>
    internal static string? Describe(Exception ex) => ex switch
    {
        ApiException api => $"{api.HttpMethod} {api.Uri?.AbsolutePath} answered {(int)api.StatusCode} {api.ReasonPhrase}{Excerpt(api.Content)}",
        CymbioException or OptionsValidationException or HttpRequestException => ex.Message,
        TaskCanceledException { InnerException: TimeoutException } => "Cymbio did not answer in time.",
        _ => null,
    };

    private static string Excerpt(string? content) =>
        string.IsNullOrWhiteSpace(content) ? string.Empty : ": " + (content.Length > 200 ? content[..200] + "…" : content);
}
