using System;
using System.Threading;
using System.Threading.Tasks;
using Cymbio.Emulator;
using Spectre.Console;

namespace Cymbio.Demo;

/// <summary><c>--dashboard</c>: after the run, the embedded emulator stays up for a person to look at its live page.</summary>
internal static class DemoDashboard
{
    /// <summary>Prints where the page is and waits for Ctrl+C (<paramref name="cancellationToken"/>); the run's outcome stands.</summary>
    /// <param name="emulator">The emulator the run used.</param>
    /// <param name="console">Where the address goes.</param>
    /// <param name="cancellationToken">Cancelled by Ctrl+C.</param>
    /// <returns>A task that completes when the person stops it.</returns>
    public static async Task KeepOpenAsync(CymbioEmulator emulator, IAnsiConsole console, CancellationToken cancellationToken)
    {
        console.WriteLine();
        console.MarkupLineInterpolated($"The emulator keeps running: open [link]{emulator.DashboardAddress}[/] to see the run's tokens, requests and denials, and to switch faults. Press Ctrl+C to stop.");
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            console.MarkupLine("Stopped.");
        }
    }
}
