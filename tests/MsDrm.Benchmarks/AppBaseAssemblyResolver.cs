using System.Reflection;
using System.Runtime.Loader;

namespace MsDrm.Benchmarks;

/// <summary>
/// Loads an assembly the deps.json does not list from the program's own folder. MsDrm.Runtime
/// packs under the package id "MsDrm.Analyzers", which makes NuGet take the analyzer project
/// reference for the runtime project and leave MsDrm.Analyzers.dll out of deps.json, although the
/// build copies it next to the program.
/// </summary>
internal static class AppBaseAssemblyResolver
{
    internal static void Install() => AssemblyLoadContext.Default.Resolving += Resolve;

    private static Assembly? Resolve(AssemblyLoadContext context, AssemblyName name)
    {
        string path = Path.Combine(AppContext.BaseDirectory, name.Name + ".dll");
        return File.Exists(path) ? context.LoadFromAssemblyPath(path) : null;
    }
}
