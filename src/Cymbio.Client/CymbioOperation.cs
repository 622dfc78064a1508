using System;

namespace Cymbio;

/// <summary>
/// One operation of a scoped Refit interface and the scopes it requires, as the Cymbio.Generated source generator
/// read them from <see cref="CymbioScopeAttribute"/>.
/// </summary>
public sealed class CymbioOperation : IEquatable<CymbioOperation>
{
    /// <summary>Initializes an operation.</summary>
    /// <param name="methodName">The interface method's name, as Refit reports it in <c>Refit.MethodName</c>.</param>
    /// <param name="httpMethod">The HTTP method (<c>GET</c>, <c>POST</c>, …), or <see langword="null"/> when the method has no recognised Refit HTTP attribute.</param>
    /// <param name="routeTemplate">The relative path template of the Refit HTTP attribute, as Refit reports it in <c>Refit.RelativePathTemplate</c>; <see langword="null"/> when unknown.</param>
    /// <param name="scopes">The scopes the operation requires.</param>
    public CymbioOperation(string methodName, string? httpMethod, string? routeTemplate, ScopeSet scopes)
    {
        ArgumentException.ThrowIfNullOrEmpty(methodName);
        ArgumentNullException.ThrowIfNull(scopes);
        MethodName = methodName;
        HttpMethod = httpMethod;
        RouteTemplate = routeTemplate;
        Scopes = scopes;
    }

    /// <summary>Gets the interface method's name.</summary>
    public string MethodName { get; }

    /// <summary>Gets the HTTP method in upper case, or <see langword="null"/> when unknown.</summary>
    public string? HttpMethod { get; }

    /// <summary>Gets the Refit relative path template, or <see langword="null"/> when unknown.</summary>
    public string? RouteTemplate { get; }

    /// <summary>Gets the scopes the operation requires.</summary>
    public ScopeSet Scopes { get; }

    /// <summary>Returns the operation as <c>MethodName (GET /path): scopes</c>.</summary>
    /// <returns>A description for messages and debugging.</returns>
    public override string ToString()
    {
        var route = HttpMethod is null && RouteTemplate is null ? string.Empty : $" ({HttpMethod ?? "?"} {RouteTemplate})";
        return $"{MethodName}{route}: {(Scopes.IsEmpty ? "(no scopes)" : Scopes.ToString())}";
    }

    /// <inheritdoc/>
    public bool Equals(CymbioOperation? other) =>
        other is not null
        && string.Equals(MethodName, other.MethodName, StringComparison.Ordinal)
        && string.Equals(HttpMethod, other.HttpMethod, StringComparison.OrdinalIgnoreCase)
        && string.Equals(RouteTemplate, other.RouteTemplate, StringComparison.Ordinal)
        && Scopes.Equals(other.Scopes);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as CymbioOperation);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(
        StringComparer.Ordinal.GetHashCode(MethodName),
        HttpMethod is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(HttpMethod),
        RouteTemplate is null ? 0 : StringComparer.Ordinal.GetHashCode(RouteTemplate),
        Scopes);
}
