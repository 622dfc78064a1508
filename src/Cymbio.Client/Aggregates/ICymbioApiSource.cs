namespace Cymbio;

/// <summary>Supplies the Refit clients an aggregate is built over (a <see cref="CymbioClient"/> or a service provider).</summary>
public interface ICymbioApiSource
{
    /// <summary>Gets the Refit client for <typeparamref name="TApi"/>.</summary>
    /// <typeparam name="TApi">The Refit interface.</typeparam>
    /// <returns>The client.</returns>
    TApi Get<TApi>()
        where TApi : class;
}
