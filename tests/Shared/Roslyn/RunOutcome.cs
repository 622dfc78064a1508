using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Cymbio.Tests.Shared.Roslyn;

/// <summary>What <see cref="RoslynTestEnvironment.Run"/> returns: the generator's run and every diagnostic of the result.</summary>
internal sealed record RunOutcome(
    GeneratorDriverRunResult Result,
    Compilation Output,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    ImmutableArray<Diagnostic> AllDiagnostics)
{
    /// <summary>CS8784/CS8785 (generator failed) and AD0001 (analyzer threw): must never appear.</summary>
    public IEnumerable<Diagnostic> Crashes =>
        GeneratorDiagnostics.Concat(AllDiagnostics).Where(d => d.Id is "CS8784" or "CS8785" or "AD0001");

    public IEnumerable<Exception> Exceptions => Result.Results.Select(r => r.Exception).OfType<Exception>();

    public IEnumerable<Diagnostic> Cymbio => AllDiagnostics.Where(d => d.Id.StartsWith("CYM", StringComparison.Ordinal)).OrderBy(d => d.Location.SourceSpan.Start);

    public IEnumerable<Diagnostic> Errors => AllDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>
    /// Errors inside generated files other than our own deliberate <c>#error</c> (CS1029): generated code must compile
    /// whatever the input, or fail with a reason.
    /// </summary>
    public IEnumerable<Diagnostic> ErrorsInGeneratedCode => Errors.Where(d =>
        d.Id != "CS1029" && d.Location.SourceTree is { } tree && Result.GeneratedTrees.Contains(tree));

    public string? Generated(string hintName) =>
        Result.Results.SelectMany(r => r.GeneratedSources).Where(s => s.HintName == hintName).Select(s => s.SourceText.ToString()).FirstOrDefault();

    public IEnumerable<string> HintNames => Result.Results.SelectMany(r => r.GeneratedSources).Select(s => s.HintName);
}
