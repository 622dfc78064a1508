namespace Cymbio.Demo;

/// <summary>How a run ended.</summary>
/// <param name="ExitCode">0 on success.</param>
/// <param name="Report">What the sync did, when it finished.</param>
/// <param name="Summary">What went over the wire (also after a failure).</param>
internal sealed record DemoOutcome(int ExitCode, SyncReport? Report, DemoSummary Summary);
