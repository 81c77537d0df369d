using static MsDrm.Testing.Cases.HandleNotClosedSource;

namespace MsDrm.Testing.Cases;

/// <summary>
/// The user's own declarations: EntryPoint renames, other library names, handle types other than
/// uint, ref instead of out, LibraryImport, and the runtime's NativeMethods.
/// </summary>
internal static class HandleNotClosedDeclarations
{
    internal static IEnumerable<RuleCase> Cases => new[]
    {
        Declared("EntryPoint_rename_and_other_library",
            """
                [DllImport("rmsclient.dll", EntryPoint = "DRMDuplicateSession")]
                public static extern int CopySession(uint source, out uint copy);

                [DllImport("rmsclient.dll", EntryPoint = "DRMCloseSession")]
                public static extern int EndSession(uint session);
            """,
            "Imports.CopySession(s, out uint dup)", "Imports.EndSession(dup);"),
        Declared("IntPtr_handles",
            """
                [DllImport("msdrm.dll")]
                public static extern int DRMDuplicateSession(IntPtr source, out IntPtr copy);

                [DllImport("msdrm.dll")]
                public static extern int DRMCloseSession(IntPtr session);
            """,
            "Imports.DRMDuplicateSession((IntPtr)s, out IntPtr dup)", "Imports.DRMCloseSession(dup);"),
        Declared("nint_handles",
            """
                [DllImport("msdrm.dll", CharSet = CharSet.Unicode)]
                public static extern int DRMCreateUser(string name, string id, string type, out nint user);

                [DllImport("msdrm.dll")]
                public static extern int DRMClosePubHandle(nint pub);
            """,
            "Imports.DRMCreateUser(\"a\", null, \"Windows\", out nint user)", "Imports.DRMClosePubHandle(user);"),
        Declared("int_handles",
            """
                [DllImport("msdrm.dll", CharSet = CharSet.Unicode)]
                public static extern int DRMParseUnboundLicense(string certificate, out int root);

                [DllImport("msdrm.dll")]
                public static extern int DRMCloseQueryHandle(int query);
            """,
            "Imports.DRMParseUnboundLicense(\"cert\", out int root)", "Imports.DRMCloseQueryHandle(root);"),
        Declared("UIntPtr_and_nuint_handles",
            """
                [DllImport("msdrm.dll")]
                public static extern int DRMDuplicateHandle(UIntPtr source, out UIntPtr copy);

                [DllImport("msdrm.dll")]
                public static extern int DRMCloseHandle(nuint handle);
            """,
            "Imports.DRMDuplicateHandle((UIntPtr)lib, out UIntPtr copy)", "Imports.DRMCloseHandle(copy);"),
        Declared("ref_creation",
            """
                [DllImport("msdrm.dll")]
                public static extern int DRMDuplicateEnvironmentHandle(uint source, ref uint copy);
            """,
            "Imports.DRMDuplicateEnvironmentHandle(env, ref envCopy)", "Native.DRMCloseEnvironmentHandle(envCopy);", "uint envCopy = 0;"),
        Declared("LibraryImport_partial",
            """
                [LibraryImport("msdrm.dll", EntryPoint = "DRMCreateClientSession", StringMarshalling = StringMarshalling.Utf16)]
                public static partial int CreateClient(IntPtr callback, uint version, string type, string id, out uint client);

                public static partial int CreateClient(IntPtr callback, uint version, string type, string id, out uint client)
                {
                    client = 1;
                    return 0;
                }
            """,
            "Imports.CreateClient(IntPtr.Zero, 1, \"t\", \"i\", out uint client)", "Native.DRMCloseSession(client);"),
        Body("Runtime_NativeMethods",
            "        DrmException.ThrowIfFailed({|MSDRM001:NativeMethods.DRMDuplicateSession(s, out uint dup)|});",
            "        DrmException.ThrowIfFailed(NativeMethods.DRMDuplicateSession(s, out uint dup));\n        NativeMethods.DRMCloseSession(dup);"),
    };

    /// <summary>A case calling the user's own <c>Imports</c> class (partial, so LibraryImport can sit in it).</summary>
    private static RuleCase Declared(string name, string imports, string call, string close, string before = "")
    {
        string types = "internal static partial class Imports\n{\n" + imports + "\n}\n";
        return Members(name,
            $$"""
                void M(uint s, uint env, uint lib)
                {
                    {{before}}
                    DrmException.ThrowIfFailed({|MSDRM001:{{call}}|});
                }
            """,
            $$"""
                void M(uint s, uint env, uint lib)
                {
                    {{before}}
                    DrmException.ThrowIfFailed({{call}});
                    {{close}}
                }
            """,
            types);
    }
}
