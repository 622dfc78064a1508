using System;
using System.Threading;
using Cymbio.Demo;
using Spectre.Console;

// The demo: `dotnet run --project src/Cymbio.Demo` (embedded emulator) or `-- --environment staging` (see --help).
return await DemoCommand.RunAsync(args, AnsiConsole.Console, Console.Error, DemoConfiguration.Build(), CancellationToken.None).ConfigureAwait(false);
