namespace Cymbio.Demo;

/// <summary>Where <see cref="SupplierOrderSync"/> reports its progress.</summary>
internal interface ISyncReporter
{
    /// <summary>Shows what the sync is doing now (a status line that the next step replaces).</summary>
    /// <param name="text">What is being done, in plain text.</param>
    void Working(string text);

    /// <summary>Records a finished step (a line that stays).</summary>
    /// <param name="line">What was done, in plain text.</param>
    void Done(string line);
}
