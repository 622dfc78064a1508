using System;
using System.Collections.Generic;

namespace Cymbio.Emulator;

/// <summary>The parts of a running emulator its middleware and handlers share.</summary>
internal sealed class EmulatorState(CymbioEmulatorOptions options, IReadOnlyList<EmulatorAccount> accounts)
{
    public CymbioEmulatorOptions Options { get; } = options;

    public IReadOnlyList<EmulatorAccount> Accounts { get; } = accounts;

    public TimeProvider Clock => Options.TimeProvider;

    public EmulatorTokens Tokens { get; } = new(options.TimeProvider);

    public EmulatorFaults Faults { get; } = new();

    public EmulatorRequestLog Requests { get; } = new(options.RequestLogCapacity);

    public EmulatorData Data { get; } = new(options.TimeProvider, options.SeedData);
}
