using System;
using System.Collections.Generic;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using Microsoft.CodeAnalysis;

namespace MsDrm.Analyzers.ApiModel;

/// <summary>
/// The simple names a call must have to bind to a method the API model knows without reading a
/// body: an export's own name (an import declared under it, <c>NativeMethods</c>), the throwing
/// helpers, every member of the runtime's types, and imports in referenced assemblies declared under
/// another name (<c>EntryPoint = "DRM..."</c>). Imports under another name in source are found by
/// symbol, not here. Lets a helper whose calls carry none of these names be passed over without
/// binding its body (see <c>Summaries.DrmReachability</c>).
/// </summary>
internal sealed class DrmCallNames
{
    private readonly HashSet<string> names = new(StringComparer.Ordinal);

    private DrmCallNames()
    {
    }

    /// <summary>False when a referenced assembly could not be read: every name must then be taken as a possible DRM call.</summary>
    internal bool IsComplete { get; private set; } = true;

    internal bool Contains(string name) => names.Contains(name);

    internal static DrmCallNames Create(Compilation compilation, DrmCallRecognizer recognizer)
    {
        var index = new DrmCallNames();
        index.names.UnionWith(DrmApi.Functions.Keys);
        index.names.Add("ThrowIfFailed");
        index.names.Add("ThrowExceptionForHR");
        index.names.Add("ThrowOnFailure");
        foreach (INamedTypeSymbol? type in recognizer.RuntimeTypes())
        {
            if (type is not null)
            {
                index.names.UnionWith(type.MemberNames);
            }
        }

        foreach (MetadataReference reference in compilation.References)
        {
            if (reference is PortableExecutableReference executable)
            {
                index.IsComplete &= index.AddRenamedImports(executable);
            }
        }

        return index;
    }

    /// <summary>Adds the names of P/Invokes whose entry point is an export under another name; false when the file cannot be read.</summary>
    private bool AddRenamedImports(PortableExecutableReference reference)
    {
        try
        {
            IEnumerable<ModuleMetadata> modules = reference.GetMetadata() switch
            {
                AssemblyMetadata assembly => assembly.GetModules(),
                ModuleMetadata module => new[] { module },
                _ => Array.Empty<ModuleMetadata>(),
            };
            foreach (ModuleMetadata module in modules)
            {
                AddRenamedImports(module.GetMetadataReader());
            }

            return true;
        }
        catch (Exception exception) when (exception is BadImageFormatException or System.IO.IOException or InvalidOperationException or NotSupportedException)
        {
            return false;
        }
    }

    private void AddRenamedImports(MetadataReader reader)
    {
        // Reference assemblies have no P/Invokes: one table count and done.
        if (reader.GetTableRowCount(TableIndex.ImplMap) == 0)
        {
            return;
        }

        foreach (MethodDefinitionHandle handle in reader.MethodDefinitions)
        {
            MethodDefinition method = reader.GetMethodDefinition(handle);
            if ((method.Attributes & MethodAttributes.PinvokeImpl) == 0)
            {
                continue;
            }

            string entryPoint = reader.GetString(method.GetImport().Name);
            string name = reader.GetString(method.Name);
            if (name != entryPoint && DrmApi.TryGet(entryPoint, out _))
            {
                // A [LibraryImport] stub calls a compiler-named local function `<Name>g____PInvoke|..`: callers use Name.
                names.Add(name.StartsWith("<", StringComparison.Ordinal) && name.IndexOf('>') is int end and > 1 ? name.Substring(1, end - 1) : name);
            }
        }
    }
}
