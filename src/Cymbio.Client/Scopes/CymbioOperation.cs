using System;

namespace Cymbio;

/// <summary>
/// One operation of a scoped Refit interface and the scopes it requires, as the Cymbio.Generated source generator
/// read them from <see cref="CymbioScopeAttribute"/>.
/// </summary>
public sealed class CymbioOperation : IEquatable<CymbioOperation>
{
    /// <summary>Initializes an operation whose requirement was declared.</summary>
    /// <param name="methodName">The interface method's name, as Refit reports it in <c>Refit.MethodName</c>.</param>
    /// <param name="httpMethod">The HTTP method (<c>GET</c>, <c>POST</c>, …), or <see langword="null"/> when the method has no recognised Refit HTTP attribute.</param>
    /// <param name="routeTemplate">The relative path template of the Refit HTTP attribute, as Refit reports it in <c>Refit.RelativePathTemplate</c>; <see langword="null"/> when unknown.</param>
    /// <param name="scopes">The scopes the operation requires.</param>
    public CymbioOperation(string methodName, string? httpMethod, string? routeTemplate, ScopeSet scopes)
        : this(methodName, httpMethod, routeTemplate, scopes, isDeclared: true)
    {
    }

    /// <summary>Initializes an operation.</summary>
    /// <param name="methodName">The interface method's name, as Refit reports it in <c>Refit.MethodName</c>.</param>
    /// <param name="httpMethod">The HTTP method, or <see langword="null"/> when unknown.</param>
    /// <param name="routeTemplate">The relative path template as Refit reports it; <see langword="null"/> when unknown.</param>
    /// <param name="scopes">The scopes the operation requires.</param>
    /// <param name="isDeclared">
    /// Whether the requirement was declared (<see cref="CymbioScopeAttribute"/> with scopes, or
    /// <see cref="CymbioNoScopeAttribute"/>). An undeclared operation is refused by the runtime.
    /// </param>
    public CymbioOperation(string methodName, string? httpMethod, string? routeTemplate, ScopeSet scopes, bool isDeclared)
    {
        ArgumentException.ThrowIfNullOrEmpty(methodName);
        ArgumentNullException.ThrowIfNull(scopes);
        MethodName = methodName;
        HttpMethod = httpMethod;
        RouteTemplate = routeTemplate;
        Scopes = scopes;
        IsDeclared = isDeclared;
    }

    /// <summary>Gets the interface method's name.</summary>
    public string MethodName { get; }

    /// <summary>Gets the HTTP method in upper case, or <see langword="null"/> when unknown.</summary>
    public string? HttpMethod { get; }

    /// <summary>Gets the Refit relative path template, or <see langword="null"/> when unknown.</summary>
    public string? RouteTemplate { get; }

    /// <summary>Gets the scopes the operation requires.</summary>
    public ScopeSet Scopes { get; }

    /// <summary>
    /// Gets a value indicating whether the operation's requirement was declared: <see cref="CymbioScopeAttribute"/>
    /// with scopes or <see cref="CymbioNoScopeAttribute"/>, on the method or an interface on its way to the client's
    /// interface. The runtime refuses an undeclared operation (fail closed); the build reports it as CYM0008.
    /// </summary>
    public bool IsDeclared { get; }

    /// <summary>Returns the operation as <c>MethodName (GET /path): scopes</c>.</summary>
    /// <returns>A description for messages and debugging.</returns>
    public override string ToString()
    {
        var route = HttpMethod is null && RouteTemplate is null ? string.Empty : $" ({HttpMethod ?? "?"} {RouteTemplate})";
        var scopes = !IsDeclared ? "(no requirement declared)" : Scopes.IsEmpty ? "(no scopes)" : Scopes.ToString();
        return $"{MethodName}{route}: {scopes}";
    }

    /// <inheritdoc/>
    public bool Equals(CymbioOperation? other) =>
        other is not null
        && string.Equals(MethodName, other.MethodName, StringComparison.Ordinal)
        && string.Equals(HttpMethod, other.HttpMethod, StringComparison.OrdinalIgnoreCase)
        && string.Equals(RouteTemplate, other.RouteTemplate, StringComparison.Ordinal)
        && Scopes.Equals(other.Scopes)
        && IsDeclared == other.IsDeclared;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as CymbioOperation);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(
        StringComparer.Ordinal.GetHashCode(MethodName),
        HttpMethod is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(HttpMethod),
        RouteTemplate is null ? 0 : StringComparer.Ordinal.GetHashCode(RouteTemplate),
        Scopes,
        IsDeclared);
}
