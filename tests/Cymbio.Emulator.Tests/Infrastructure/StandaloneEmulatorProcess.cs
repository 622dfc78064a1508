using System;
using System.IO;
using Cymbio.Tests.Shared;

namespace Cymbio.Emulator.Tests.Infrastructure;

/// <summary>The emulator as a user runs it: <c>dotnet Cymbio.Emulator.dll …</c> in its own process.</summary>
internal static class StandaloneEmulatorProcess
{
    /// <summary>Starts <c>dotnet Cymbio.Emulator.dll <paramref name="arguments"/></c> from the test's output folder.</summary>
    public static ChildProcess Start(params string[] arguments) =>
        ChildProcess.StartDotnet(Path.Combine(AppContext.BaseDirectory, "Cymbio.Emulator.dll"), AppContext.BaseDirectory, arguments);
}
