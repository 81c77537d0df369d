namespace MsDrm.Sample;

/// <summary>
/// Mistakes later in a handle's life: closed twice, closed with another kind's function, a parent
/// closed before its child, a failure masked by cleanup, and a leak through the program's own helper.
/// Not called by Program: run against the fake, they would be counted there.
/// </summary>
internal static class LifetimeMistakes
{
    private const uint ActivateMachine = 0x1;

    public static void CloseTwice(uint session)
    {
        DrmException.ThrowIfFailed(NativeDrm.DRMDuplicateSession(session, out uint copy));
        NativeDrm.DRMCloseSession(copy);

        // MSDRM003: the copy is already closed; its value may now name someone else's session.
        NativeDrm.DRMCloseSession(copy);
    }

    public static void CloseWithTheWrongFunction(string certificate)
    {
        // MSDRM001: the query handle never reaches DRMCloseQueryHandle.
        DrmException.ThrowIfFailed(NativeDrm.DRMParseUnboundLicense(certificate, out uint query));

        // MSDRM004: DRMClosePubHandle does not close a query handle.
        NativeDrm.DRMClosePubHandle(query);
    }

    public static void CloseTheParentFirst(uint env, uint library, string issuanceLicense)
    {
        DrmException.ThrowIfFailed(NativeDrm.DRMCreateClientSession(NativeDrm.Callback, 0, "WINDOWS", null, out uint client));
        DrmException.ThrowIfFailed(NativeDrm.DRMCreateLicenseStorageSession(env, library, client, 0, issuanceLicense, out uint storage));

        // MSDRM005: the license-storage session made from the client session is still open.
        NativeDrm.DRMCloseSession(client);
        NativeDrm.DRMCloseSession(storage);
    }

    public static int CheckActivatedCopy(uint session)
    {
        int hr = NativeDrm.DRMDuplicateSession(session, out uint copy);
        if (hr < 0)
        {
            return hr;
        }

        hr = NativeDrm.DRMIsActivated(copy, ActivateMachine, IntPtr.Zero);
        if (hr < 0)
        {
            goto Cleanup;
        }

        Console.WriteLine("the copy is activated");

    Cleanup:
        // MSDRM006: a failed DRMIsActivated is replaced by the close's S_OK: the caller sees success.
        hr = NativeDrm.DRMCloseSession(copy);
        return hr;
    }

    public static void LeakThroughAHelper(uint session)
    {
        // MSDRM001: Duplicate creates the copy for its caller, which never closes it.
        DrmException.ThrowIfFailed(Duplicate(session, out uint copy));
        _ = NativeDrm.DRMIsActivated(copy, ActivateMachine, IntPtr.Zero);
    }

    private static int Duplicate(uint session, out uint copy) => NativeDrm.DRMDuplicateSession(session, out copy);
}
