namespace Cymbio.Generators;

/// <summary>A class with <c>[CymbioAggregate]</c>, reduced to what the emitter needs (all text already rendered).</summary>
/// <param name="HintName">The generated file's name.</param>
/// <param name="Namespace">The class's namespace, or null for the global namespace.</param>
/// <param name="ContainingTypes">The declarations of the classes it is nested in, outermost first (<c>partial class Outer</c>).</param>
/// <param name="Declaration">The class's partial declaration (<c>partial class Name</c>).</param>
/// <param name="ClassName">The class's name.</param>
/// <param name="FullName">The class's fully qualified name.</param>
/// <param name="Account">The <c>CymbioAccount</c> member name.</param>
/// <param name="AccountParameter">The bound parameter's name, or null when no account is bound.</param>
/// <param name="HasSettingsMethod">Whether the class declares <c>static RefitSettings CreateRefitSettings()</c>.</param>
/// <param name="Members">One per interface.</param>
internal sealed record AggregateModel(
    string HintName,
    string? Namespace,
    EquatableArray<string> ContainingTypes,
    string Declaration,
    string ClassName,
    string FullName,
    string Account,
    string? AccountParameter,
    bool HasSettingsMethod,
    EquatableArray<AggregateMember> Members);

/// <summary>One interface of an aggregate: a property and the nested client class behind it.</summary>
/// <param name="PropertyName">The property's name.</param>
/// <param name="ClientClassName">The nested class's name.</param>
/// <param name="ParameterName">The constructor parameter's name.</param>
/// <param name="Interface">The interface, fully qualified.</param>
/// <param name="IsPublic">Whether the interface is public (the nested class is internal otherwise).</param>
/// <param name="Methods">The wrappers.</param>
internal sealed record AggregateMember(
    string PropertyName,
    string ClientClassName,
    string ParameterName,
    string Interface,
    bool IsPublic,
    EquatableArray<WrapperMethod> Methods);

/// <summary>One method of a nested client: it calls the Refit method of the same name.</summary>
/// <param name="Name">The method's name.</param>
/// <param name="ReturnType">The return type, fully qualified.</param>
/// <param name="TypeParameters">The type parameter list (<c>&lt;T&gt;</c>) or empty.</param>
/// <param name="Constraints">The constraint clauses, each <c>where T : …</c>.</param>
/// <param name="Parameters">The parameter declarations that remain.</param>
/// <param name="Arguments">The argument list of the Refit call.</param>
/// <param name="IsDeclared">Whether the Refit method declares a requirement; when not, the wrapper carries no scope attribute (the table refuses the call).</param>
/// <param name="ScopeArguments">The <c>[CymbioScope]</c> arguments, rendered (literals and constant references); empty with <paramref name="IsDeclared"/> for <c>[CymbioNoScope]</c>.</param>
/// <param name="PendingConstants">Scope constants of the project's own manifest, resolved to literals before emission.</param>
/// <param name="Endpoint">The <c>[CymbioEndpoint]</c> attribute to carry, rendered, or null.</param>
/// <param name="Documentation">The XML documentation lines, without the <c>///</c>.</param>
internal sealed record WrapperMethod(
    string Name,
    string ReturnType,
    string TypeParameters,
    EquatableArray<string> Constraints,
    EquatableArray<string> Parameters,
    string Arguments,
    bool IsDeclared,
    EquatableArray<string> ScopeArguments,
    EquatableArray<PendingConstant> PendingConstants,
    string? Endpoint,
    EquatableArray<string> Documentation);
