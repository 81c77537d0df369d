namespace MsDrm.Benchmarks.Corpus;

/// <summary>
/// Members that call msdrm.dll through the user's own <c>Native</c> declarations or the runtime
/// wrapper: correct and leaking handle code, checked and ignored HRESULTs. Each template notes
/// whether it is meant to be reported, so a reader of the corpus can tell; the benchmark counts
/// diagnostics but does not judge them (the analyzer tests do).
/// </summary>
internal static class DrmCode
{
    /// <summary>Every DRM member template; the generator picks one per DRM-using file.</summary>
    internal static readonly Action<SourceWriter, Random, int>[] Members =
    {
        DuplicateSessionClosed, DuplicateSessionLeaked, GetUsersLoopClosed, GetUsersLoopLeaked,
        EnvironmentAndLibrary, EnvironmentLeaked, WrapperDisposed, WrapperLeaked, HresultChecks,
        QueryHandles, WrapperLayer.Closed, WrapperLayer.Leaked,
    };

    private static void DuplicateSessionClosed(SourceWriter w, Random r, int id)
    {
        w.Open($"public static int CopySession{id}(uint session)");
        w.Line("int hr = Native.DRMDuplicateSession(session, out uint copy);");
        w.Open("if (hr < 0)");
        w.Line("return hr;");
        w.Close();
        w.Open("try");
        w.Line($"return Native.DRMIsActivated(copy, {r.Next(0, 4)}u, IntPtr.Zero);");
        w.Close();
        w.Open("finally");
        w.Line("_ = Native.DRMCloseSession(copy);");
        w.Close();
        w.Close().Line();
    }

    private static void DuplicateSessionLeaked(SourceWriter w, Random r, int id)
    {
        // MSDRM001: the duplicate never reaches DRMCloseSession.
        w.Open($"public static int CheckSession{id}(uint session)");
        w.Line("int hr = Native.DRMDuplicateSession(session, out uint copy);");
        w.Line("DrmException.ThrowIfFailed(hr);");
        w.Line($"return Native.DRMIsActivated(copy, {r.Next(0, 4)}u, IntPtr.Zero);");
        w.Close().Line();
    }

    private static void GetUsersLoopClosed(SourceWriter w, Random r, int id)
    {
        w.Open($"public static int CountUsers{id}(uint license)");
        w.Line("int count = 0;");
        w.Open($"for (uint i = 0; i < {r.Next(4, 64)}u; i++)");
        w.Line("int hr = Native.DRMGetUsers(license, i, out uint user);");
        w.Open("if (hr < 0)");
        w.Line("break;");
        w.Close();
        w.Line("count++;");
        w.Line("DrmException.ThrowIfFailed(Native.DRMClosePubHandle(user));");
        w.Close();
        w.Line("return count;");
        w.Close().Line();
    }

    private static void GetUsersLoopLeaked(SourceWriter w, Random r, int id)
    {
        // MSDRM001: each iteration overwrites the previous user handle.
        w.Open($"public static uint LastUser{id}(uint license)");
        w.Line("uint user = 0;");
        w.Open($"for (uint i = 0; i < {r.Next(4, 64)}u; i++)");
        w.Open("if (Native.DRMGetUsers(license, i, out user) < 0)");
        w.Line("return 0;");
        w.Close();
        w.Close();
        w.Line("return user == 0 ? 0u : 1u;");
        w.Close().Line();
    }

    private static void EnvironmentAndLibrary(SourceWriter w, Random r, int id)
    {
        w.Open($"public static int OpenEnvironment{id}(string manifest, string machine)");
        w.Line("int hr = Native.DRMInitEnvironment(0, 1, \"provider\", manifest, machine, out uint env, out uint library);");
        w.Line("DrmException.ThrowIfFailed(hr);");
        w.Open("try");
        w.Line("hr = Native.DRMLoadLibrary(env, 1, \"library\", string.Empty, out uint extra);");
        w.Open("if (hr >= 0)");
        w.Line("_ = Native.DRMCloseHandle(extra);");
        w.Close();
        w.Line($"return hr + {r.Next(0, 2)};");
        w.Close();
        w.Open("finally");
        w.Line("_ = Native.DRMCloseHandle(library);");
        w.Line("_ = Native.DRMCloseEnvironmentHandle(env);");
        w.Close();
        w.Close().Line();
    }

    private static void EnvironmentLeaked(SourceWriter w, Random r, int id)
    {
        // MSDRM001 twice (environment, default library) and MSDRM002 on the unchecked load.
        w.Open($"public static uint LoadOnly{id}(string manifest)");
        w.Line("int hr = Native.DRMInitEnvironment(0, 1, \"provider\", manifest, \"machine\", out uint env, out uint library);");
        w.Open("if (hr < 0)");
        w.Line("return 0;");
        w.Close();
        w.Line("Native.DRMLoadLibrary(env, 1, \"library\", string.Empty, out uint extra);");
        w.Line($"return extra + library + {r.Next(1, 9)}u;");
        w.Close().Line();
    }

    private static void WrapperDisposed(SourceWriter w, Random r, int id)
    {
        w.Open($"public static uint Wrap{id}(uint session)");
        w.Line("DrmException.ThrowIfFailed(Native.DRMDuplicateSession(session, out uint copy));");
        w.Line("using var owned = SafeDrmSessionHandle.Adopt(copy);");
        w.Line("using var second = owned.Duplicate();");
        w.Line($"return second.Value + {r.Next(0, 5)}u;");
        w.Close().Line();
    }

    private static void WrapperLeaked(SourceWriter w, Random r, int id)
    {
        // MSDRM001: the duplicate wrapper is neither disposed nor escapes.
        w.Open($"public static bool WrapLeak{id}(SafeDrmSessionHandle session)");
        w.Line("var copy = session.Duplicate();");
        w.Line($"return copy.Value > {r.Next(0, 5)}u;");
        w.Close().Line();
    }

    private static void HresultChecks(SourceWriter w, Random r, int id)
    {
        // MSDRM002 on the bare DRMRepair call; the others are checked or discarded.
        w.Open($"public static void Repair{id}(uint client)");
        w.Line("Native.DRMRepair();");
        w.Line("_ = Native.DRMGetClientVersion(IntPtr.Zero);");
        w.Line($"Marshal.ThrowExceptionForHR(Native.DRMIsActivated(client, {r.Next(0, 3)}u, IntPtr.Zero));");
        w.Line("int hr = Native.DRMIsActivated(client, 0, IntPtr.Zero);");
        w.Open("if (hr != 0)");
        w.Line("throw new DrmException(hr);");
        w.Close();
        w.Close().Line();
    }

    private static void QueryHandles(SourceWriter w, Random r, int id)
    {
        w.Open($"public static uint CountObjects{id}(string certificate)");
        w.Line("DrmException.ThrowIfFailed(Native.DRMParseUnboundLicense(certificate, out uint root));");
        w.Open("try");
        w.Line("DrmException.ThrowIfFailed(Native.DRMGetUnboundLicenseObjectCount(root, \"principal\", out uint count));");
        w.Open("if (Native.DRMGetUnboundLicenseObject(root, \"principal\", 0, out uint principal) >= 0)");
        w.Line("_ = Native.DRMCloseQueryHandle(principal);");
        w.Close();
        w.Line($"return count + {r.Next(0, 3)}u;");
        w.Close();
        w.Open("finally");
        w.Line("_ = Native.DRMCloseQueryHandle(root);");
        w.Close();
        w.Close().Line();
    }
}
