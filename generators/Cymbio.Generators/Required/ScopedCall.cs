namespace Cymbio.Generators;

/// <summary>One call that requires scopes, as the required-scopes step and the scope report see it.</summary>
/// <param name="Scopes">The scopes it adds to the project's requirement (canonical order); those its enclosing <c>[CymbioScope]</c> method covers are left to that method's callers.</param>
/// <param name="Pending">Names of the project's own generated scope constants the requirement uses, resolved against the manifest later.</param>
/// <param name="File">The source file.</param>
/// <param name="Line">The 1-based line of the call.</param>
/// <param name="Caller">The member that makes the call, such as <c>OrderSync.RunAsync</c>.</param>
/// <param name="Callee">The method called, such as <c>ISupplierOrdersApi.ListAsync</c>.</param>
internal sealed record ScopedCall(EquatableArray<string> Scopes, EquatableArray<string> Pending, string File, int Line, string Caller, string Callee);
