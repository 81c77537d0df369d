using System.Runtime.InteropServices;

// On Windows this talks to the AD RMS client; anywhere else it only shows what the analyzers find.
Console.WriteLine("MsDrm sample: build output lists the MSDRM warnings for the code below.");
if (!OperatingSystem.IsWindows())
{
    Console.WriteLine("msdrm.dll exists only on Windows; nothing to run here.");
    return;
}

Sessions.DuplicateAndForget(0);

internal static class Sessions
{
    // MSDRM002: the HRESULT is dropped. MSDRM001: the duplicate never reaches DRMCloseSession.
    public static void DuplicateAndForget(uint session)
    {
        Native.DRMDuplicateSession(session, out uint duplicate);
        Console.WriteLine($"duplicate: {duplicate}");
    }
}

internal static class Native
{
    [DllImport("msdrm.dll")]
    public static extern int DRMDuplicateSession(uint hSessionIn, out uint phSessionOut);

    [DllImport("msdrm.dll")]
    public static extern int DRMCloseSession(uint hSession);
}
