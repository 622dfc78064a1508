namespace Cymbio.Demo;

/// <summary>Where the demo runs its supplier order sync.</summary>
internal enum DemoEnvironment
{
    /// <summary>An embedded Cymbio emulator on loopback, with its own test accounts (the default; no configuration).</summary>
    Emulator,

    /// <summary>Cymbio staging (<see cref="CymbioEnvironment.Staging"/>), with the caller's credentials.</summary>
    Staging,
}
