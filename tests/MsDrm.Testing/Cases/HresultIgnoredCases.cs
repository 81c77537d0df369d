namespace MsDrm.Testing.Cases;

/// <summary>
/// MSDRM002 cases: each Wrong drops an HRESULT (markup around the invocation), each Correct checks
/// it and is also correct for every other rule (each handle it creates is closed on every path).
/// The sources use the <c>Native</c> declarations of <see cref="DrmDeclarations"/>.
/// </summary>
public static class HresultIgnoredCases
{
    private const string Template = """
        using System;
        using System.Collections.Generic;
        using System.Runtime.InteropServices;
        using System.Threading.Tasks;
        using MsDrm;

        internal static class Sample
        {
            internal static void Run(uint session, uint env, uint library, uint license, uint issuance, bool flag, int mode)
            {
        BODY
            }
        MEMBERS
        }
        """;

    /// <summary>Every case, in a stable order; names are unique.</summary>
    public static IReadOnlyList<RuleCase> All { get; } = Build();

    /// <summary>The case called <paramref name="name"/>.</summary>
    public static RuleCase Get(string name) => All.Single(c => c.Name == name);

    private static RuleCase InRun(string name, string wrongBody, string correctBody, string members = "")
        => new(name, Wrap(wrongBody, members), Wrap(correctBody, members));

    private static string Wrap(string body, string members)
        => Template.Replace("BODY", body).Replace("MEMBERS", members);

    private static List<RuleCase> Build() =>
    [
        .. ExpressionStatementCases(),
        .. DeclarationShapeCases(),
        .. DeadStoreCases(),
        .. NestedFunctionCases(),
        .. MemberKindCases(),
    ];

    private static IEnumerable<RuleCase> ExpressionStatementCases()
    {
        yield return InRun(
            "Statement_CreateUser",
            """
            {|MSDRM002:Native.DRMCreateUser("a", "b", "c", out uint user)|};
            Native.DRMClosePubHandle(user);
            """,
            """
            int hr = Native.DRMCreateUser("a", "b", "c", out uint user);
            if (hr < 0) return;
            Native.DRMClosePubHandle(user);
            """);
        yield return InRun(
            "Statement_DuplicateSession",
            """
            {|MSDRM002:Native.DRMDuplicateSession(session, out uint copy)|};
            Native.DRMCloseSession(copy);
            """,
            """
            DrmException.ThrowIfFailed(Native.DRMDuplicateSession(session, out uint copy));
            try
            {
                Console.WriteLine(copy);
            }
            finally
            {
                Native.DRMCloseSession(copy);
            }
            """);
        yield return InRun(
            "Statement_InitEnvironment",
            """
            {|MSDRM002:Native.DRMInitEnvironment(0, 0, "provider", "manifest", "machine", out uint newEnv, out uint defaultLibrary)|};
            Native.DRMCloseHandle(defaultLibrary);
            Native.DRMCloseEnvironmentHandle(newEnv);
            """,
            """
            int hr = Native.DRMInitEnvironment(0, 0, "provider", "manifest", "machine", out uint newEnv, out uint defaultLibrary);
            if (hr >= 0)
            {
                Native.DRMCloseHandle(defaultLibrary);
                Native.DRMCloseEnvironmentHandle(newEnv);
            }
            """);
        yield return InRun(
            "Statement_LoadLibrary",
            """
            {|MSDRM002:Native.DRMLoadLibrary(env, 0, "plugin", "", out uint lib)|};
            Native.DRMCloseHandle(lib);
            """,
            """
            int hr = Native.DRMLoadLibrary(env, 0, "plugin", "", out uint lib);
            if (hr < 0) throw new DrmException(hr);
            Native.DRMCloseHandle(lib);
            """);
        yield return InRun(
            "Statement_CreateClientSession",
            """
            {|MSDRM002:Native.DRMCreateClientSession(null, 1, "Windows", "user@example.com", out uint client)|};
            Native.DRMCloseSession(client);
            """,
            """
            Marshal.ThrowExceptionForHR(Native.DRMCreateClientSession(null, 1, "Windows", "user@example.com", out uint client));
            try
            {
                Console.WriteLine(client);
            }
            finally
            {
                Native.DRMCloseSession(client);
            }
            """);
        yield return InRun(
            "Statement_ParseUnboundLicense",
            """
            {|MSDRM002:Native.DRMParseUnboundLicense("<XrML/>", out uint query)|};
            Native.DRMCloseQueryHandle(query);
            """,
            """
            if (Native.DRMParseUnboundLicense("<XrML/>", out uint query) >= 0)
            {
                Native.DRMCloseQueryHandle(query);
            }
            """);
        yield return InRun(
            "Statement_GetUnboundLicenseObject",
            """
            {|MSDRM002:Native.DRMGetUnboundLicenseObject(license, "issued-principal", 0, out uint principal)|};
            Native.DRMCloseQueryHandle(principal);
            """,
            """
            int hr = Native.DRMGetUnboundLicenseObject(license, "issued-principal", 0, out uint principal);
            if (hr < 0) return;
            Native.DRMCloseQueryHandle(principal);
            """);
        yield return InRun(
            "Statement_CreateRight",
            """
            {|MSDRM002:Native.DRMCreateRight("VIEW", IntPtr.Zero, IntPtr.Zero, 0, null, null, out uint right)|};
            Native.DRMClosePubHandle(right);
            """,
            """
            int hr = Native.DRMCreateRight("VIEW", IntPtr.Zero, IntPtr.Zero, 0, null, null, out uint right);
            if (hr < 0) return;
            Native.DRMClosePubHandle(right);
            """);
        yield return InRun(
            "Statement_CreateEnablingBitsDecryptor",
            """
            {|MSDRM002:Native.DRMCreateEnablingBitsDecryptor(license, "EDIT", 0, "", out uint decryptor)|};
            Native.DRMCloseHandle(decryptor);
            """,
            """
            int hr = Native.DRMCreateEnablingBitsDecryptor(license, "EDIT", 0, "", out uint decryptor);
            if (hr < 0) return;
            Native.DRMCloseHandle(decryptor);
            """);
        yield return InRun(
            "Statement_Encrypt",
            """
            byte[] input = new byte[16];
            byte[] output = new byte[16];
            uint written = 16;
            {|MSDRM002:Native.DRMEncrypt(license, 0, 16, input, ref written, output)|};
            """,
            """
            byte[] input = new byte[16];
            byte[] output = new byte[16];
            uint written = 16;
            DrmException.ThrowIfFailed(Native.DRMEncrypt(license, 0, 16, input, ref written, output));
            """);
        yield return InRun(
            "Statement_AddRightWithUser",
            """
            {|MSDRM002:Native.DRMAddRightWithUser(issuance, library, license)|};
            """,
            """
            int hr = Native.DRMAddRightWithUser(issuance, library, license);
            if (hr < 0) throw new DrmException(hr);
            """);
        yield return InRun(
            "Statement_Repair",
            """
            {|MSDRM002:Native.DRMRepair()|};
            """,
            """
            if (Native.DRMRepair() < 0)
            {
                Console.WriteLine("repair failed");
            }
            """);
        yield return InRun(
            "Statement_GetClientVersion",
            """
            {|MSDRM002:Native.DRMGetClientVersion(IntPtr.Zero)|};
            """,
            """
            Marshal.ThrowExceptionForHR(Native.DRMGetClientVersion(IntPtr.Zero));
            """);
        yield return InRun(
            "Statement_IsActivated",
            """
            {|MSDRM002:Native.DRMIsActivated(session, 1, IntPtr.Zero)|};
            """,
            """
            bool activated = Native.DRMIsActivated(session, 1, IntPtr.Zero) >= 0;
            Console.WriteLine(activated);
            """);
        yield return InRun(
            "Statement_TwoCallsBothReported",
            """
            {|MSDRM002:Native.DRMRepair()|};
            {|MSDRM002:Native.DRMGetClientVersion(IntPtr.Zero)|};
            """,
            """
            DrmException.ThrowIfFailed(Native.DRMRepair());
            DrmException.ThrowIfFailed(Native.DRMGetClientVersion(IntPtr.Zero));
            """);
        yield return InRun(
            "Statement_InsideIfAndElse",
            """
            if (flag)
            {
                {|MSDRM002:Native.DRMRepair()|};
            }
            else
            {
                {|MSDRM002:Native.DRMGetClientVersion(IntPtr.Zero)|};
            }
            """,
            """
            int hr = flag ? Native.DRMRepair() : Native.DRMGetClientVersion(IntPtr.Zero);
            DrmException.ThrowIfFailed(hr);
            """);
        yield return InRun(
            "Statement_InsideCatch",
            """
            try
            {
                DrmException.ThrowIfFailed(Native.DRMGetClientVersion(IntPtr.Zero));
            }
            catch (DrmException)
            {
                {|MSDRM002:Native.DRMRepair()|};
            }
            """,
            """
            try
            {
                DrmException.ThrowIfFailed(Native.DRMGetClientVersion(IntPtr.Zero));
            }
            catch (DrmException)
            {
                DrmException.ThrowIfFailed(Native.DRMRepair());
            }
            """);
        yield return InRun(
            "Statement_InsideSwitchSection",
            """
            switch (mode)
            {
                case 1:
                    {|MSDRM002:Native.DRMRepair()|};
                    break;
                default:
                    break;
            }
            """,
            """
            switch (mode)
            {
                case 1:
                    DrmException.ThrowIfFailed(Native.DRMRepair());
                    break;
                default:
                    break;
            }
            """);
        yield return InRun(
            "Statement_InsideUsingBlock",
            """
            DrmException.ThrowIfFailed(Native.DRMDuplicateSession(session, out uint copy));
            using (SafeDrmSessionHandle wrapper = SafeDrmSessionHandle.Adopt(copy))
            {
                {|MSDRM002:Native.DRMIsActivated(wrapper.Value, 1, IntPtr.Zero)|};
            }
            """,
            """
            DrmException.ThrowIfFailed(Native.DRMDuplicateSession(session, out uint copy));
            using (SafeDrmSessionHandle wrapper = SafeDrmSessionHandle.Adopt(copy))
            {
                DrmException.ThrowIfFailed(Native.DRMIsActivated(wrapper.Value, 1, IntPtr.Zero));
            }
            """);
    }

    private static IEnumerable<RuleCase> DeclarationShapeCases()
    {
        yield return InRun(
            "Shape_EntryPointRename",
            """
            {|MSDRM002:Own.CopySession(session, out uint copy)|};
            Own.CloseSession(copy);
            """,
            """
            int hr = Own.CopySession(session, out uint copy);
            if (hr < 0) return;
            Own.CloseSession(copy);
            """,
            """
                private static class Own
                {
                    [DllImport("msdrm.dll", EntryPoint = "DRMDuplicateSession")] internal static extern int CopySession(uint source, out uint copy);
                    [DllImport("msdrm.dll", EntryPoint = "DRMCloseSession")] internal static extern int CloseSession(uint session);
                }
            """);
        yield return InRun(
            "Shape_OtherLibraryName",
            """
            {|MSDRM002:Shim.DRMCreateUser("a", "b", "c", out uint user)|};
            Shim.DRMClosePubHandle(user);
            """,
            """
            DrmException.ThrowIfFailed(Shim.DRMCreateUser("a", "b", "c", out uint user));
            Shim.DRMClosePubHandle(user);
            """,
            """
                private static class Shim
                {
                    [DllImport("drm_shim", CharSet = CharSet.Unicode)] internal static extern int DRMCreateUser(string name, string id, string type, out uint user);
                    [DllImport("drm_shim")] internal static extern int DRMClosePubHandle(uint pub);
                }
            """);
        yield return InRun(
            "Shape_LibraryImport",
            """
            {|MSDRM002:Imports.DRMDuplicatePubHandle(issuance, out uint copy)|};
            Imports.DRMClosePubHandle(copy);
            """,
            """
            int hr = Imports.DRMDuplicatePubHandle(issuance, out uint copy);
            if (hr < 0) return;
            Imports.DRMClosePubHandle(copy);
            """,
            """
                private static partial class Imports
                {
                    [LibraryImport("msdrm.dll")] internal static partial int DRMDuplicatePubHandle(uint source, out uint copy);
                    [LibraryImport("msdrm.dll")] internal static partial int DRMClosePubHandle(uint pub);

                    // Stands in for the source generator's implementation part.
                    internal static partial int DRMDuplicatePubHandle(uint source, out uint copy) { copy = 0; return 0; }
                    internal static partial int DRMClosePubHandle(uint pub) => 0;
                }
            """).WithStaticClassPartial();
        yield return InRun(
            "Shape_IntPtrHandles",
            """
            {|MSDRM002:Wide.DRMParseUnboundLicense("<XrML/>", out IntPtr query)|};
            Wide.DRMCloseQueryHandle(query);
            """,
            """
            int hr = Wide.DRMParseUnboundLicense("<XrML/>", out IntPtr query);
            if (hr < 0) return;
            Wide.DRMCloseQueryHandle(query);
            """,
            """
                private static class Wide
                {
                    [DllImport("msdrm.dll", CharSet = CharSet.Unicode)] internal static extern int DRMParseUnboundLicense(string certificate, out IntPtr query);
                    [DllImport("msdrm.dll")] internal static extern int DRMCloseQueryHandle(IntPtr query);
                }
            """);
        yield return InRun(
            "Shape_NintHandles",
            """
            {|MSDRM002:NativeInt.DRMDuplicateHandle((nint)library, out nint copy)|};
            NativeInt.DRMCloseHandle(copy);
            """,
            """
            int hr = NativeInt.DRMDuplicateHandle((nint)library, out nint copy);
            if (hr < 0) return;
            NativeInt.DRMCloseHandle(copy);
            """,
            """
                private static class NativeInt
                {
                    [DllImport("msdrm.dll")] internal static extern int DRMDuplicateHandle(nint source, out nint copy);
                    [DllImport("msdrm.dll")] internal static extern int DRMCloseHandle(nint handle);
                }
            """);
        yield return InRun(
            "Shape_UIntResult",
            """
            {|MSDRM002:Unsigned.DRMRepair()|};
            """,
            """
            uint hr = Unsigned.DRMRepair();
            if ((int)hr < 0) throw new DrmException((int)hr);
            """,
            """
                private static class Unsigned
                {
                    [DllImport("msdrm.dll")] internal static extern uint DRMRepair();
                }
            """);
        yield return InRun(
            "Shape_EnumResult",
            """
            {|MSDRM002:Typed.DRMGetClientVersion(IntPtr.Zero)|};
            """,
            """
            if (Typed.DRMGetClientVersion(IntPtr.Zero) != HResult.S_OK)
            {
                Console.WriteLine("no client version");
            }
            """,
            """
                internal enum HResult : int
                {
                    S_OK = 0,
                }

                private static class Typed
                {
                    [DllImport("msdrm.dll")] internal static extern HResult DRMGetClientVersion(IntPtr info);
                }
            """);
        yield return InRun(
            "Shape_RuntimeNativeMethods",
            """
            {|MSDRM002:NativeMethods.DRMDuplicateSession(session, out uint copy)|};
            NativeMethods.DRMCloseSession(copy);
            """,
            """
            DrmException.ThrowIfFailed(NativeMethods.DRMDuplicateSession(session, out uint copy));
            try
            {
                Console.WriteLine(copy);
            }
            finally
            {
                NativeMethods.DRMCloseSession(copy);
            }
            """);
        yield return InRun(
            "Shape_RuntimeNativeMethodsEnvironment",
            """
            {|MSDRM002:NativeMethods.DRMDuplicateEnvironmentHandle(env, out uint copy)|};
            NativeMethods.DRMCloseEnvironmentHandle(copy);
            """,
            """
            int hr = NativeMethods.DRMDuplicateEnvironmentHandle(env, out uint copy);
            if (hr < 0) return;
            NativeMethods.DRMCloseEnvironmentHandle(copy);
            """);
    }

    private static IEnumerable<RuleCase> DeadStoreCases()
    {
        yield return InRun(
            "DeadStore_DeclaredNeverRead",
            """
            int hr = {|MSDRM002:Native.DRMCreateUser("a", "b", "c", out uint user)|};
            Native.DRMClosePubHandle(user);
            """,
            """
            int hr = Native.DRMCreateUser("a", "b", "c", out uint user);
            if (hr < 0) return;
            Native.DRMClosePubHandle(user);
            """);
        yield return InRun(
            "DeadStore_AssignedNeverRead",
            """
            int hr;
            hr = {|MSDRM002:Native.DRMRepair()|};
            """,
            """
            int hr;
            hr = Native.DRMRepair();
            Console.WriteLine(hr);
            """);
        yield return InRun(
            "DeadStore_OverwrittenInSequence",
            """
            int hr = {|MSDRM002:Native.DRMRepair()|};
            hr = Native.DRMGetClientVersion(IntPtr.Zero);
            DrmException.ThrowIfFailed(hr);
            """,
            """
            int hr = Native.DRMRepair();
            DrmException.ThrowIfFailed(hr);
            hr = Native.DRMGetClientVersion(IntPtr.Zero);
            DrmException.ThrowIfFailed(hr);
            """);
        yield return InRun(
            "DeadStore_OverwrittenOnOneBranch",
            """
            int hr = {|MSDRM002:Native.DRMRepair()|};
            if (flag)
            {
                hr = Native.DRMGetClientVersion(IntPtr.Zero);
            }

            DrmException.ThrowIfFailed(hr);
            """,
            """
            int hr = Native.DRMRepair();
            if (hr >= 0 && flag)
            {
                hr = Native.DRMGetClientVersion(IntPtr.Zero);
            }

            DrmException.ThrowIfFailed(hr);
            """);
        yield return InRun(
            "DeadStore_ReadOnlyOnSomePaths",
            """
            int hr = {|MSDRM002:Native.DRMDuplicateSession(session, out uint copy)|};
            if (flag)
            {
                Console.WriteLine(hr);
            }

            Native.DRMCloseSession(copy);
            """,
            """
            int hr = Native.DRMDuplicateSession(session, out uint copy);
            if (hr < 0)
            {
                return;
            }

            if (flag)
            {
                Console.WriteLine(copy);
            }

            Native.DRMCloseSession(copy);
            """);
        yield return InRun(
            "DeadStore_EarlyReturnBeforeRead",
            """
            int hr = {|MSDRM002:Native.DRMRepair()|};
            if (flag)
            {
                return;
            }

            DrmException.ThrowIfFailed(hr);
            """,
            """
            int hr = Native.DRMRepair();
            DrmException.ThrowIfFailed(hr);
            if (flag)
            {
                return;
            }
            """);
        yield return InRun(
            "DeadStore_ThrowBeforeRead",
            """
            int hr = {|MSDRM002:Native.DRMRepair()|};
            if (mode < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(mode));
            }

            DrmException.ThrowIfFailed(hr);
            """,
            """
            if (mode < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(mode));
            }

            int hr = Native.DRMRepair();
            DrmException.ThrowIfFailed(hr);
            """);
        yield return InRun(
            "DeadStore_InLoopNeverRead",
            """
            int hr;
            for (uint i = 0; i < 3; i++)
            {
                hr = {|MSDRM002:Native.DRMGetUsers(issuance, i, out uint user)|};
                Native.DRMClosePubHandle(user);
            }
            """,
            """
            for (uint i = 0; ; i++)
            {
                int hr = Native.DRMGetUsers(issuance, i, out uint user);
                if (hr < 0)
                {
                    break;
                }

                Native.DRMClosePubHandle(user);
            }
            """);
        yield return InRun(
            "DeadStore_OverwrittenByNextIteration",
            """
            int hr = 0;
            for (int i = 0; i < mode; i++)
            {
                hr = {|MSDRM002:Native.DRMRepair()|};
            }

            DrmException.ThrowIfFailed(hr);
            """,
            """
            int hr = 0;
            for (int i = 0; i < mode && hr >= 0; i++)
            {
                hr = Native.DRMRepair();
            }

            DrmException.ThrowIfFailed(hr);
            """);
        yield return InRun(
            "DeadStore_WhileLoopDeclaration",
            """
            uint index = 0;
            while (index < 10)
            {
                int hr = {|MSDRM002:Native.DRMGetUserRights(issuance, library, index++, out uint right)|};
                Native.DRMClosePubHandle(right);
            }
            """,
            """
            uint index = 0;
            while (index < 10)
            {
                int hr = Native.DRMGetUserRights(issuance, library, index++, out uint right);
                if (hr < 0)
                {
                    break;
                }

                Native.DRMClosePubHandle(right);
            }
            """);
        yield return InRun(
            "DeadStore_Switch",
            """
            int hr = 0;
            switch (mode)
            {
                case 1:
                    hr = {|MSDRM002:Native.DRMRepair()|};
                    break;
                case 2:
                    hr = {|MSDRM002:Native.DRMGetClientVersion(IntPtr.Zero)|};
                    break;
            }

            hr = Native.DRMIsActivated(session, 1, IntPtr.Zero);
            Console.WriteLine(hr);
            """,
            """
            int hr = 0;
            switch (mode)
            {
                case 1:
                    hr = Native.DRMRepair();
                    break;
                case 2:
                    hr = Native.DRMGetClientVersion(IntPtr.Zero);
                    break;
            }

            DrmException.ThrowIfFailed(hr);
            hr = Native.DRMIsActivated(session, 1, IntPtr.Zero);
            Console.WriteLine(hr);
            """);
        yield return InRun(
            "DeadStore_TryFinallyNeverRead",
            """
            int hr = 0;
            try
            {
                hr = {|MSDRM002:Native.DRMRepair()|};
            }
            finally
            {
                Console.WriteLine("done");
            }
            """,
            """
            int hr = 0;
            try
            {
                hr = Native.DRMRepair();
            }
            finally
            {
                Console.WriteLine(hr);
            }
            """);
        yield return InRun(
            "DeadStore_InFinallyNeverRead",
            """
            int hr = 0;
            try
            {
                Console.WriteLine("work");
            }
            finally
            {
                hr = {|MSDRM002:Native.DRMRepair()|};
            }

            Console.WriteLine("done");
            """,
            """
            int hr = 0;
            try
            {
                Console.WriteLine("work");
            }
            finally
            {
                hr = Native.DRMRepair();
            }

            Console.WriteLine(hr);
            """);
        yield return InRun(
            "DeadStore_ReadOnlyInCatchIsARead",
            """
            int hr = 0;
            try
            {
                hr = {|MSDRM002:Native.DRMRepair()|};
                DrmException.ThrowIfFailed(Native.DRMGetClientVersion(IntPtr.Zero));
            }
            catch (DrmException)
            {
                Console.WriteLine("failed");
            }
            """,
            """
            int hr = 0;
            try
            {
                hr = Native.DRMRepair();
                DrmException.ThrowIfFailed(Native.DRMGetClientVersion(IntPtr.Zero));
            }
            catch (DrmException)
            {
                Console.WriteLine(hr);
            }
            """);
        yield return InRun(
            "DeadStore_ChainAllDead",
            """
            int hr;
            int last;
            hr = last = {|MSDRM002:Native.DRMRepair()|};
            """,
            """
            int hr;
            int last;
            hr = last = Native.DRMRepair();
            DrmException.ThrowIfFailed(last);
            """);
        yield return InRun(
            "DeadStore_CastToInt",
            """
            int hr = (int){|MSDRM002:Unsigned.DRMRepair()|};
            """,
            """
            int hr = (int)Unsigned.DRMRepair();
            DrmException.ThrowIfFailed(hr);
            """,
            """
                private static class Unsigned
                {
                    [DllImport("msdrm.dll")] internal static extern uint DRMRepair();
                }
            """);
        yield return InRun(
            "DeadStore_LocalNamedUnderscoreIsNotADiscard",
            """
            var _ = {|MSDRM002:Native.DRMRepair()|};
            """,
            """
            _ = Native.DRMRepair();
            """);
        yield return InRun(
            "DeadStore_ReadAsRefArgumentIsARead",
            """
            int hr = {|MSDRM002:Native.DRMRepair()|};
            hr = 0;
            Check(ref hr);
            """,
            """
            int hr = Native.DRMRepair();
            Check(ref hr);
            """,
            """
                private static void Check(ref int hr) => DrmException.ThrowIfFailed(hr);
            """);
        yield return InRun(
            "DeadStore_OverwrittenByOutArgument",
            """
            int hr = {|MSDRM002:Native.DRMRepair()|};
            int.TryParse("1", out hr);
            Console.WriteLine(hr);
            """,
            """
            int hr = Native.DRMRepair();
            Console.WriteLine(hr);
            int.TryParse("1", out hr);
            Console.WriteLine(hr);
            """);
        yield return InRun(
            "DeadStore_ReadByEarlierArgumentOfTheOutCall",
            """
            int hr = {|MSDRM002:Native.DRMRepair()|};
            Replace(0, out hr);
            Console.WriteLine(hr);
            """,
            """
            int hr = Native.DRMRepair();
            Replace(hr, out hr);
            Console.WriteLine(hr);
            """,
            """
                private static void Replace(int old, out int fresh) => fresh = old < 0 ? old : 0;
            """);
        yield return InRun(
            "DeadStore_ReadThroughRefLocalAlias",
            """
            int hr = 0;
            ref int alias = ref hr;
            int other = {|MSDRM002:Native.DRMRepair()|};
            Console.WriteLine(alias);
            """,
            """
            int hr = 0;
            ref int alias = ref hr;
            hr = Native.DRMRepair();
            Console.WriteLine(alias);
            """);
        yield return InRun(
            "DeadStore_ReadThroughSpanOverTheLocal",
            """
            int hr = {|MSDRM002:Native.DRMRepair()|};
            int spare = 0;
            Span<int> view = MemoryMarshal.CreateSpan(ref spare, 1);
            DrmException.ThrowIfFailed(view[0]);
            """,
            """
            int hr = 0;
            Span<int> view = MemoryMarshal.CreateSpan(ref hr, 1);
            hr = Native.DRMRepair();
            DrmException.ThrowIfFailed(view[0]);
            """);
    }

    private static IEnumerable<RuleCase> NestedFunctionCases()
    {
        yield return InRun(
            "Lambda_StatementBody",
            """
            Action repair = () => {|MSDRM002:Native.DRMRepair()|};
            repair();
            """,
            """
            Func<int> repair = () => Native.DRMRepair();
            DrmException.ThrowIfFailed(repair());
            """);
        yield return InRun(
            "Lambda_BlockBody",
            """
            Action<uint> duplicate = source =>
            {
                {|MSDRM002:Native.DRMDuplicateSession(source, out uint copy)|};
                Native.DRMCloseSession(copy);
            };
            duplicate(session);
            """,
            """
            Action<uint> duplicate = source =>
            {
                DrmException.ThrowIfFailed(Native.DRMDuplicateSession(source, out uint copy));
                Native.DRMCloseSession(copy);
            };
            duplicate(session);
            """);
        yield return InRun(
            "Lambda_DeadStore",
            """
            Action repair = () =>
            {
                int hr = {|MSDRM002:Native.DRMRepair()|};
            };
            repair();
            """,
            """
            Action repair = () =>
            {
                int hr = Native.DRMRepair();
                DrmException.ThrowIfFailed(hr);
            };
            repair();
            """);
        yield return InRun(
            "Lambda_CapturedReadIsARead",
            """
            int hr = {|MSDRM002:Native.DRMRepair()|};
            Action report = () => Console.WriteLine("done");
            report();
            """,
            """
            int hr = Native.DRMRepair();
            Action report = () => Console.WriteLine(hr);
            report();
            """);
        yield return InRun(
            "LocalFunction_Statement",
            """
            Repair();

            static void Repair()
            {
                {|MSDRM002:Native.DRMRepair()|};
            }
            """,
            """
            Repair();

            static void Repair()
            {
                DrmException.ThrowIfFailed(Native.DRMRepair());
            }
            """);
        yield return InRun(
            "LocalFunction_DeadStore",
            """
            Check();

            void Check()
            {
                int hr = {|MSDRM002:Native.DRMIsActivated(session, 1, IntPtr.Zero)|};
            }
            """,
            """
            Check();

            void Check()
            {
                int hr = Native.DRMIsActivated(session, 1, IntPtr.Zero);
                Console.WriteLine(hr >= 0);
            }
            """);
        yield return InRun(
            "LocalFunction_ReadsCapturedLocal",
            """
            int hr = {|MSDRM002:Native.DRMRepair()|};
            Report();

            void Report() => Console.WriteLine("done");
            """,
            """
            int hr = Native.DRMRepair();
            Report();

            void Report() => DrmException.ThrowIfFailed(hr);
            """);
    }

    private static IEnumerable<RuleCase> MemberKindCases()
    {
        yield return InRun(
            "Member_AsyncMethod",
            """
            RunAsync(session).GetAwaiter().GetResult();
            """,
            """
            RunAsync(session).GetAwaiter().GetResult();
            """,
            "MEMBER").WithMember(
            """
                private static async Task RunAsync(uint session)
                {
                    await Task.Yield();
                    {|MSDRM002:Native.DRMDuplicateSession(session, out uint copy)|};
                    Native.DRMCloseSession(copy);
                }
            """,
            """
                private static async Task RunAsync(uint session)
                {
                    await Task.Yield();
                    DrmException.ThrowIfFailed(Native.DRMDuplicateSession(session, out uint copy));
                    Native.DRMCloseSession(copy);
                }
            """);
        yield return InRun(
            "Member_AsyncDeadStore",
            "",
            "",
            "MEMBER").WithMember(
            """
                private static async Task<bool> CheckAsync()
                {
                    int hr = {|MSDRM002:Native.DRMRepair()|};
                    await Task.Delay(1);
                    return true;
                }
            """,
            """
                private static async Task<bool> CheckAsync()
                {
                    int hr = Native.DRMRepair();
                    await Task.Delay(1);
                    return hr >= 0;
                }
            """);
        yield return InRun(
            "Member_ExpressionBodiedVoidMethod",
            "",
            "",
            "MEMBER").WithMember(
            """
                private static void Repair() => {|MSDRM002:Native.DRMRepair()|};
            """,
            """
                private static int Repair() => Native.DRMRepair();
            """);
        yield return InRun(
            "Member_Constructor",
            "",
            "",
            "MEMBER").WithMember(
            """
                private sealed class Holder
                {
                    private readonly uint user;

                    internal Holder()
                    {
                        {|MSDRM002:Native.DRMCreateUser("a", "b", "c", out user)|};
                    }
                }
            """,
            """
                private sealed class Holder
                {
                    private readonly uint user;

                    internal Holder()
                    {
                        DrmException.ThrowIfFailed(Native.DRMCreateUser("a", "b", "c", out user));
                    }
                }
            """);
        yield return InRun(
            "Member_Iterator",
            "",
            "",
            "MEMBER").WithMember(
            """
                private static IEnumerable<uint> UserIndexes(uint issuance)
                {
                    for (uint i = 0; i < 3; i++)
                    {
                        {|MSDRM002:Native.DRMGetUsers(issuance, i, out uint user)|};
                        Native.DRMClosePubHandle(user);
                        yield return i;
                    }
                }
            """,
            """
                private static IEnumerable<uint> UserIndexes(uint issuance)
                {
                    for (uint i = 0; ; i++)
                    {
                        if (Native.DRMGetUsers(issuance, i, out uint user) < 0)
                        {
                            yield break;
                        }

                        Native.DRMClosePubHandle(user);
                        yield return i;
                    }
                }
            """);
        yield return InRun(
            "Member_PropertyGetterDeadStore",
            "",
            "",
            "MEMBER").WithMember(
            """
                private static bool Healthy
                {
                    get
                    {
                        int hr = {|MSDRM002:Native.DRMGetClientVersion(IntPtr.Zero)|};
                        return true;
                    }
                }
            """,
            """
                private static bool Healthy
                {
                    get
                    {
                        int hr = Native.DRMGetClientVersion(IntPtr.Zero);
                        return hr >= 0;
                    }
                }
            """);
    }

    /// <summary>Makes the sample class partial (LibraryImport needs a partial containing type).</summary>
    private static RuleCase WithStaticClassPartial(this RuleCase c) => c with
    {
        Wrong = c.Wrong.Replace("internal static class Sample", "internal static partial class Sample"),
        Correct = c.Correct.Replace("internal static class Sample", "internal static partial class Sample"),
    };

    /// <summary>Puts different members into the Wrong and Correct sources (their MEMBER placeholder).</summary>
    private static RuleCase WithMember(this RuleCase c, string wrongMember, string correctMember) => c with
    {
        Wrong = c.Wrong.Replace("MEMBER", wrongMember),
        Correct = c.Correct.Replace("MEMBER", correctMember),
    };
}
