namespace MsDrm.Testing.Cases;

/// <summary>
/// Builds full compilation units for MSDRM001 cases: class <c>C</c> with the helpers the cases
/// use (HRESULT constants, Succeeded/Failed methods, a field, a property, a list) around a body.
/// </summary>
public static class HandleNotClosedSource
{
    /// <summary>A case whose Wrong and Correct differ in the body of <c>void M(...)</c>.</summary>
    public static RuleCase Body(string name, string wrong, string correct)
        => new(name, Unit(Method(wrong)), Unit(Method(correct)));

    /// <summary>A case whose Wrong and Correct differ in class members of <c>C</c>.</summary>
    public static RuleCase Members(string name, string wrong, string correct, string extraTypes = "")
        => new(name, Unit(wrong, extraTypes), Unit(correct, extraTypes));

    private static string Method(string body) => $$"""
            void M(uint s, uint env, uint lib, uint bound, uint lic, uint pub, uint query, bool flag, int count, SafeDrmSessionHandle safe)
            {
        {{body}}
            }
        """;

    public static string Unit(string members, string extraTypes = "") => $$"""
        using System;
        using System.Collections.Generic;
        using System.Runtime.InteropServices;
        using MsDrm;

        internal enum DrmError
        {
            E_DRM_NO_MORE_DATA = unchecked((int)0x8004CF33),
        }

        internal static class HrExtensions
        {
            public static bool Succeeded(this int hr) => hr >= 0;
        }

        internal static class Hr
        {
            public static bool Failed(int hr) => hr < 0;
        }

        {{extraTypes}}
        internal class C
        {
            private const int E_DRM_NO_MORE_DATA = unchecked((int)0x8004CF33);
            private uint field;
            private readonly List<uint> list = new List<uint>();
            private readonly uint[] array = new uint[4];

            private uint Prop { get; set; }

            private static bool SUCCEEDED(int hr) => hr >= 0;

            private static uint kept;
            private static SafeDrmSessionHandle keptWrapper;

            // Keep and KeepWrapper take ownership (they store the handle); Print only reads it.
            private static void Keep(uint handle) => kept = handle;

            private static void KeepRef(ref uint handle) { }

            private static void KeepWrapper(SafeDrmSessionHandle handle) => keptWrapper = handle;

            private static void Print(uint handle) => Console.WriteLine("handle " + handle);

        {{members}}
        }
        """;
}
