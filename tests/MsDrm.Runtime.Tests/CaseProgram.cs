using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Emit;
using MsDrm.Testing;
using MsDrm.Testing.Cases;
using MsDrm.Testing.FakeNative;

namespace MsDrm.Runtime.Tests;

/// <summary>
/// A rule case's source, compiled and loaded with its <c>msdrm.dll</c> imports routed to the fake, so
/// its method can run on real (fake) handles. Two placeholder arguments the fake rejects
/// (<c>IntPtr.Zero</c> bound-license parameters and principal id) are replaced by valid blocks.
/// </summary>
internal sealed class CaseProgram
{
    private const string Inputs = """
        using System;
        using System.Runtime.InteropServices;
        
        internal static class FakeInputs
        {
            // Zeroed blocks whose first field (uVersion) is 1: a DRMBOUNDLICENSEPARAMS and a DRMID the fake accepts.
            public static readonly IntPtr BoundParams = Block();
            public static readonly IntPtr PrincipalId = Block();

            private static IntPtr Block()
            {
                IntPtr block = Marshal.AllocHGlobal(256);
                for (int i = 0; i < 256; i += 4)
                {
                    Marshal.WriteInt32(block, i, 0);
                }

                Marshal.WriteInt32(block, 0, 1);
                return block;
            }
        }
        """;

    private readonly MethodInfo method;

    private CaseProgram(MethodInfo method) => this.method = method;

    /// <summary>The program of a case side (markup allowed), or null when its class C has no method M or Run to run.</summary>
    public static CaseProgram? Load(string caseSource)
    {
        string source = CaseMarkup.Parse(caseSource).Source
            .Replace("IntPtr.Zero, \"<eul/>\"", "FakeInputs.BoundParams, \"<eul/>\"", StringComparison.Ordinal)
            .Replace("\"UDStdPlg Enabling Principal\", IntPtr.Zero", "\"UDStdPlg Enabling Principal\", FakeInputs.PrincipalId", StringComparison.Ordinal);
        Compilation compilation = CompilationAnalyzerRunner.Compile([("/Case.cs", source), ("/FakeInputs.cs", Inputs)])
            .WithAssemblyName("Case" + Guid.NewGuid().ToString("N"));
        using var image = new MemoryStream();
        EmitResult emitted = compilation.Emit(image);
        if (!emitted.Success)
        {
            throw new InvalidOperationException(string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }

        Assembly assembly = Assembly.Load(image.ToArray());
        FakeMsDrm.RouteImports(assembly);
        MethodInfo? method = assembly.GetType("C")?.GetMethods(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)
            .FirstOrDefault(m => m.Name is "M" or "Run");
        return method is null ? null : new CaseProgram(method);
    }

    /// <summary>Runs the method on fresh inputs; returns its int result, or null for void, or the exception it threw.</summary>
    public (int? Result, Exception? Thrown) Run(CaseInputs inputs, bool flag, int count)
    {
        object instance = Activator.CreateInstance(method.DeclaringType!, nonPublic: true)!;
        object?[] arguments = method.GetParameters().Select(p => inputs.ValueFor(p, flag, count)).ToArray();
        try
        {
            return (method.Invoke(instance, arguments) as int?, null);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            // The case's own exception (a failed HRESULT thrown) is an outcome like a returned value.
            return (null, e.InnerException);
        }
    }
}
