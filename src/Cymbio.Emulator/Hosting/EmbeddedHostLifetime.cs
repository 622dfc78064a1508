using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace Cymbio.Emulator;

/// <summary>
/// The emulator's host lifetime: it neither waits for nor reacts to anything. The default (console) lifetime would
/// take the hosting process's Ctrl+C and SIGTERM for itself — stopping the server but leaving the test run or
/// the standalone program running; the emulator is stopped by disposing it, and signals stay with whoever owns the
/// process.
/// </summary>
internal sealed class EmbeddedHostLifetime : IHostLifetime
{
    /// <inheritdoc />
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
