using System;
using System.IO;

namespace Cymbio.Tests.Shared;

/// <summary>
/// A consumer of freshly packed Cymbio packages: the packages in a folder feed, everything else from the packages this
/// machine already has. Used by the package test and by the build-time benchmark.
/// </summary>
internal static class PackageFeed
{
    /// <summary>The NuGet global packages folder: <c>NUGET_PACKAGES</c>, or the default <c>~/.nuget/packages</c>.</summary>
    public static string GlobalPackagesFolder =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } packages
            ? packages
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    /// <summary>
    /// The arguments of <c>dotnet pack</c>, run in the repository root, that pack Cymbio.Client as already built in
    /// <paramref name="configuration"/> into <paramref name="feed"/> as <paramref name="version"/>.
    /// </summary>
    public static string[] PackClientArguments(string configuration, string feed, string version) =>
        PackArguments("src/Cymbio.Client/Cymbio.Client.csproj", configuration, feed, version);

    /// <summary>
    /// The arguments of <c>dotnet pack</c>, run in the repository root, that pack <paramref name="project"/> (a path
    /// below the root) as already built in <paramref name="configuration"/> into <paramref name="feed"/> as
    /// <paramref name="version"/>.
    /// </summary>
    public static string[] PackArguments(string project, string configuration, string feed, string version) =>
        new[] { "pack", project, "-c", configuration, "--no-build", "-o", feed, "-p:PackageVersion=" + version };

    /// <summary>
    /// Writes a <c>nuget.config</c> to <paramref name="directory"/> that restores from <paramref name="feed"/> (and
    /// nuget.org), with the global packages folder as a fallback so that nothing already on the machine is downloaded.
    /// </summary>
    public static void WriteNuGetConfig(string directory, string feed)
    {
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <fallbackPackageFolders>
                <add key="global" value="{GlobalPackagesFolder}" />
              </fallbackPackageFolders>
            </configuration>
            """);
    }
}
