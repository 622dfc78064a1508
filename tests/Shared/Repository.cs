using System;
using System.IO;

namespace Cymbio.Tests.Shared;

/// <summary>
/// The repository the tests run in, found above the test binaries (CallerFilePath is no help: CI builds map source
/// paths to <c>/_/</c> for determinism). Linked into every test project by tests/Directory.Build.props.
/// </summary>
internal static class Repository
{
    /// <summary>The folder holding Cymbio.Generated.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A path below the repository root.</summary>
    public static string PathOf(params string[] parts) => Path.Combine(Root, Path.Combine(parts));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Cymbio.Generated.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("The repository root (Cymbio.Generated.sln) was not found above " + AppContext.BaseDirectory);
    }
}
