using Refit;

namespace Cymbio;

/// <summary>
/// An aggregate client, implemented by Cymbio's generator for a class annotated with
/// <see cref="CymbioAggregateAttribute"/>. Not meant to be implemented by hand.
/// </summary>
/// <typeparam name="TSelf">The aggregate.</typeparam>
public interface ICymbioAggregate<TSelf>
    where TSelf : class, ICymbioAggregate<TSelf>
{
    /// <summary>Gets whose account id the aggregate binds.</summary>
    static abstract CymbioAccount Account { get; }

    /// <summary>Gets the Refit settings the aggregate's interfaces need (its <c>CreateRefitSettings()</c>), or <see langword="null"/>.</summary>
    static abstract RefitSettings? DefaultRefitSettings { get; }

    /// <summary>Calls <paramref name="visitor"/> once for each Refit interface the aggregate exposes, so they can be registered.</summary>
    /// <param name="visitor">The visitor.</param>
    static abstract void VisitApis(ICymbioApiVisitor visitor);

    /// <summary>Creates the aggregate over Refit clients from <paramref name="apis"/>.</summary>
    /// <param name="apis">Where the Refit clients come from.</param>
    /// <param name="accountId">The bound account id; ignored when <see cref="Account"/> is <see cref="CymbioAccount.None"/>.</param>
    /// <returns>The aggregate.</returns>
    static abstract TSelf Create(ICymbioApiSource apis, long accountId);
}
