using System.Globalization;
using System.Linq;
using Spectre.Console;

namespace Cymbio.Demo;

/// <summary>How the demo shows itself: the header, the progress lines, the summary and failures.</summary>
internal static class DemoConsole
{
    /// <summary>Shows what the run is against; never a secret.</summary>
    /// <param name="console">The console.</param>
    /// <param name="target">The target, in plain text.</param>
    /// <param name="options">The client's options.</param>
    public static void Header(IAnsiConsole console, string target, CymbioClientOptions options)
    {
        console.Write(new Rule("[bold]Cymbio supplier order sync[/]").LeftJustified());
        console.MarkupLine($"Target:  {Markup.Escape(target)}");
        console.MarkupLine($"Account: client {Markup.Escape(options.ClientId ?? "?")}, {Markup.Escape(options.EffectiveGrantType.ToString())}, supplier {options.SupplierId}");
        console.MarkupLine($"Grants:  {Markup.Escape(string.Join(" ", options.Grants))}");
    }

    /// <summary>Shows the summary: calls by operation, token requests, scopes used against granted.</summary>
    /// <param name="console">The console.</param>
    /// <param name="summary">What went over the wire.</param>
    /// <param name="report">What the sync did, or <see langword="null"/> after a failure.</param>
    public static void Summary(IAnsiConsole console, DemoSummary summary, SyncReport? report)
    {
        console.WriteLine();
        console.Write(new Rule("[bold]Summary[/]").LeftJustified());
        var calls = new Table().Title("Calls by operation").AddColumn("Operation").AddColumn("Scopes").AddColumn(new TableColumn("Calls").RightAligned());
        foreach (var call in summary.Calls)
        {
            calls.AddRow(Markup.Escape(call.Name), Markup.Escape(call.Scopes.ToString()), call.Count.ToString(CultureInfo.InvariantCulture));
        }

        calls.AddRow("[bold]Total[/]", string.Empty, $"[bold]{summary.TotalCalls}[/]");
        console.Write(calls);
        console.MarkupLine($"Token requests: [bold]{summary.TokenRequests}[/]");
        console.MarkupLine($"Duration: {summary.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s");

        var scopes = new Table().Title("Scopes used vs granted").AddColumn("Scope").AddColumn("Granted").AddColumn("Used");
        foreach (var scope in summary.Granted.Union(summary.Used))
        {
            scopes.AddRow(Markup.Escape(scope), YesNo(summary.Granted.Contains(scope)), YesNo(summary.Used.Contains(scope)));
        }

        console.Write(scopes);
        var inGrants = summary.Used.IsSubsetOf(summary.Granted);
        console.MarkupLine(inGrants
            ? $"Scopes used ⊆ granted: [green]yes[/] ({summary.Used.Count} of {summary.Granted.Count} granted scopes used)"
            : $"Scopes used ⊆ granted: [red]no[/] (used but not granted: {Markup.Escape(summary.Used.Except(summary.Granted).ToString())})");
        console.MarkupLine($"Required by the code (build): {Markup.Escape(summary.Required.ToString())}");
        console.MarkupLine($"Requested from the token endpoint: {Markup.Escape(summary.Requested.ToString())}");
        console.MarkupLine(summary.Requested.Equals(summary.Required)
            ? "Requested scopes = required scopes: [green]yes[/]"
            : $"Requested scopes = required scopes: [red]no[/]");
        if (report?.Refusal is { } refusal)
        {
            console.MarkupLine($"Refused before sending (no request made): [yellow]{Markup.Escape(refusal)}[/]");
        }

        if (report is not null)
        {
            console.MarkupLine($"[green]Done:[/] {report.Accepted.Count} accepted, {report.Shipped.Count} shipped, {report.Pushed.Count} inventory level(s) pushed ({report.Confirmed.Count} confirmed), {report.CancellationsApproved.Count} cancellation(s) approved.");
        }
    }

    /// <summary>Shows why the run failed, without a stack trace.</summary>
    /// <param name="console">The console.</param>
    /// <param name="message">The failure.</param>
    public static void Failure(IAnsiConsole console, string message) =>
        console.MarkupLine($"[red]The sync failed:[/] {Markup.Escape(message)}");

    private static string YesNo(bool value) => value ? "[green]yes[/]" : "[grey]no[/]";

    /// <summary>Reports <see cref="SupplierOrderSync"/>'s progress in a Spectre status display.</summary>
    /// <param name="console">The console the finished steps are written to.</param>
    /// <param name="status">The live status, or <see langword="null"/> when the console is not interactive.</param>
    internal sealed class StatusReporter(IAnsiConsole console, StatusContext? status) : ISyncReporter
    {
        /// <inheritdoc/>
        public void Working(string text) => status?.Status(Markup.Escape(text));

        /// <inheritdoc/>
        public void Done(string line) => console.MarkupLine($"[green]✓[/] {Markup.Escape(line)}");
    }
}
