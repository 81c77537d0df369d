using System.Diagnostics;
using System.Security.Cryptography;

namespace MsDrm.Testing.FakeNative;

/// <summary>Compiles fake_msdrm.c with the system C compiler into a cache folder keyed by the source's hash.</summary>
public static class FakeMsDrmBuilder
{
    /// <summary>The message of the exception thrown when no C compiler can be found.</summary>
    public const string CompilerRequiredMessage = "a C compiler (cc/gcc) is required to build the fake msdrm library for tests";

    /// <summary>Where the C source is copied next to the test assemblies.</summary>
    public static string SourcePath => Path.Combine(AppContext.BaseDirectory, "FakeNative", "fake_msdrm.c");

    /// <summary>The folder built libraries are cached in, one sub-folder per source hash.</summary>
    public static string DefaultCacheRoot => Path.Combine(Path.GetTempPath(), "msdrm-fake-native");

    /// <summary>
    /// Returns the path of the built library, compiling it first when the source changed since the last
    /// build (the cache folder name is the source's hash, so a stale library is never reused). Uses the
    /// compiler named by <c>CC</c>, else <c>cc</c>, <c>gcc</c> or <c>clang</c> on <c>PATH</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">No C compiler was found, or compiling failed.</exception>
    public static string Build() =>
        Build(SourcePath, DefaultCacheRoot, Environment.GetEnvironmentVariable("CC"), Environment.GetEnvironmentVariable("PATH"));

    /// <summary>Builds <paramref name="sourcePath"/> into <paramref name="cacheRoot"/> (see <see cref="Build()"/>).</summary>
    /// <param name="sourcePath">The C source.</param>
    /// <param name="cacheRoot">The cache folder.</param>
    /// <param name="compiler">A compiler name or path to prefer (like <c>CC</c>), or null.</param>
    /// <param name="searchPath">The folders to look for compilers in (like <c>PATH</c>).</param>
    /// <returns>The path of the built library.</returns>
    /// <exception cref="InvalidOperationException">No C compiler was found, or compiling failed.</exception>
    public static string Build(string sourcePath, string cacheRoot, string? compiler, string? searchPath)
    {
        if (!File.Exists(sourcePath))
        {
            throw new FileNotFoundException("fake_msdrm.c was not copied next to the test assemblies", sourcePath);
        }

        string hash = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(sourcePath)))[..16];
        string folder = Path.Combine(cacheRoot, hash);
        string library = Path.Combine(folder, LibraryFileName);
        if (File.Exists(library))
        {
            return library;
        }

        string found = FindCompiler(compiler, searchPath ?? "") ?? throw new InvalidOperationException(
            CompilerRequiredMessage + " (install gcc, or set CC to a compiler's path).");
        Directory.CreateDirectory(folder);

        // Build to a private name, then rename: test processes running in parallel never see half a file.
        string temporary = $"{library}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        Compile(found, sourcePath, temporary);
        File.Move(temporary, library, overwrite: true);
        return library;
    }

    private static string LibraryFileName =>
        OperatingSystem.IsWindows() ? "fake_msdrm.dll" : OperatingSystem.IsMacOS() ? "libfake_msdrm.dylib" : "libfake_msdrm.so";

    private static void Compile(string compiler, string source, string output)
    {
        var start = new ProcessStartInfo(compiler)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { "-shared", "-fPIC", "-O2", "-pthread", "-o", output, source })
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {compiler}");
        Task<string> errors = process.StandardError.ReadToEndAsync();
        string messages = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0 || !File.Exists(output))
        {
            throw new InvalidOperationException($"{compiler} failed to build the fake msdrm library ({process.ExitCode}):\n{messages}{errors.Result}");
        }
    }

    private static string? FindCompiler(string? preferred, string searchPath)
    {
        string[] candidates = string.IsNullOrWhiteSpace(preferred) ? new[] { "cc", "gcc", "clang" } : new[] { preferred, "cc", "gcc", "clang" };
        return candidates.Select(name => FindOnPath(name, searchPath)).FirstOrDefault(path => path is not null);
    }

    private static string? FindOnPath(string name, string searchPath)
    {
        if (Path.IsPathRooted(name))
        {
            return File.Exists(name) ? name : null;
        }

        string[] folders = searchPath.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        string[] suffixes = OperatingSystem.IsWindows() ? new[] { ".exe", "" } : new[] { "" };
        return folders.SelectMany(folder => suffixes.Select(suffix => Path.Combine(folder, name + suffix))).FirstOrDefault(File.Exists);
    }
}
