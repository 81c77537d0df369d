namespace MsDrm.Sample;

/// <summary>Session work with the mistakes the analyzers catch (see the comments on each call).</summary>
internal static class SessionAudit
{
    /// <summary>DRM_ACTIVATE_MACHINE: asks whether the machine is activated.</summary>
    private const uint ActivateMachine = 0x1;

    public static uint OpenClientSession()
    {
        int hr = NativeDrm.DRMCreateClientSession(NativeDrm.Callback, 0, "WINDOWS", null, out uint session);
        DrmException.ThrowIfFailed(hr);
        return session; // Returned: the caller owns it (no warning here).
    }

    public static void CheckDuplicate(uint session)
    {
        // MSDRM001: the duplicate is a new session that never reaches DRMCloseSession.
        int hr = NativeDrm.DRMDuplicateSession(session, out uint duplicate);
        if (hr < 0)
        {
            return;
        }

        hr = NativeDrm.DRMIsActivated(duplicate, ActivateMachine, IntPtr.Zero);
        Console.WriteLine(hr >= 0 ? "the duplicate session is activated" : "the duplicate session is not activated");
    }

    public static void CheckActivation(uint session)
    {
        // MSDRM002: the HRESULT is the only answer DRMIsActivated gives, and it is dropped.
        NativeDrm.DRMIsActivated(session, ActivateMachine, IntPtr.Zero);

        // MSDRM002 and MSDRM001: a failed duplication goes unnoticed, and the copy is never closed.
        NativeDrm.DRMDuplicateSession(session, out uint spare);
        _ = NativeDrm.DRMIsActivated(spare, ActivateMachine, IntPtr.Zero);
    }
}
