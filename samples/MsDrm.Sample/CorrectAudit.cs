namespace MsDrm.Sample;

/// <summary>
/// The same duplicate shown without a warning: the HRESULT goes to DrmException.ThrowIfFailed and
/// the duplicate is owned by a SafeDrmSessionHandle, which closes it on every path. This is what
/// the code fixes of MSDRM001 and MSDRM002 write.
/// </summary>
internal static class CorrectAudit
{
    public static void CheckDuplicate(uint session)
    {
        DrmException.ThrowIfFailed(NativeDrm.DRMDuplicateSession(session, out uint duplicate));
        using (SafeDrmSessionHandle.Adopt(duplicate))
        {
            int hr = NativeDrm.DRMIsActivated(duplicate, 0x1, IntPtr.Zero);
            Console.WriteLine(hr >= 0 ? "the duplicate session is activated" : "the duplicate session is not activated");
        }
    }
}
