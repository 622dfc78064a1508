using System;
using System.Runtime.InteropServices;
using System.Threading;
using Cymbio.Demo;
using Spectre.Console;

// The demo: `dotnet run --project src/Cymbio.Demo` (embedded emulator) or `-- --environment staging` (see --help).
// Ctrl+C and SIGTERM cancel the run (or end --dashboard's wait) and let it finish cleanly.
using var stop = new CancellationTokenSource();
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
return await DemoCommand.RunAsync(args, AnsiConsole.Console, Console.Error, DemoConfiguration.Build(), stop.Token).ConfigureAwait(false);

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}
