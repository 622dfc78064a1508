namespace Cymbio;

/// <summary>Receives each Refit interface of an aggregate (<see cref="ICymbioAggregate{TSelf}.VisitApis"/>).</summary>
public interface ICymbioApiVisitor
{
    /// <summary>Called once for the Refit interface <typeparamref name="TApi"/>.</summary>
    /// <typeparam name="TApi">The Refit interface.</typeparam>
    void Visit<TApi>()
        where TApi : class;
}
