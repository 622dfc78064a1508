namespace Cymbio.Generators;

/// <summary>One interface's table for the module initializer: the interface and the generated class holding the table.</summary>
/// <param name="TypeOfName">The interface as <c>typeof</c> names it.</param>
/// <param name="ClassName">The generated class, fully qualified with <c>global::</c>.</param>
internal sealed record ScopeTableRegistration(string TypeOfName, string ClassName);
