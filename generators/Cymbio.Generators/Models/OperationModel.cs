namespace Cymbio.Generators;

/// <summary>An unbound constant name in <c>[CymbioScope]</c>, to resolve against the project's manifest.</summary>
internal sealed record PendingConstant(string Name, bool QualifiedByCymbioScopes, string Expression);

/// <summary>One Refit operation of a scoped interface.</summary>
/// <param name="MethodName">The method's name, as Refit reports it.</param>
/// <param name="Signature">The method's signature, for documentation.</param>
/// <param name="DeclaringInterface">The interface that declares the method.</param>
/// <param name="HttpMethod">The HTTP verb, or null for a custom Refit attribute.</param>
/// <param name="Route">The route template as Refit reports it (<see cref="RefitRoutes.Template"/>).</param>
/// <param name="IsDeclared">Whether a requirement was declared (<see cref="Requirement.IsDeclared"/>); undeclared operations are refused at run time.</param>
/// <param name="Scopes">Scopes known at generation time, canonical.</param>
/// <param name="Constants">Fully qualified references to string constants whose value only the final compilation knows.</param>
/// <param name="PendingConstants">Unbound names, resolved against the manifest before emission.</param>
/// <param name="Errors">Why part of the requirement cannot be generated; emitted as <c>#error</c>, so the build fails closed.</param>
internal sealed record OperationModel(
    string MethodName,
    string Signature,
    string DeclaringInterface,
    string? HttpMethod,
    string? Route,
    bool IsDeclared,
    EquatableArray<string> Scopes,
    EquatableArray<string> Constants,
    EquatableArray<PendingConstant> PendingConstants,
    EquatableArray<string> Errors);
