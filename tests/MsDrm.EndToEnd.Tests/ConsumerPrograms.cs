namespace MsDrm.EndToEnd.Tests;

/// <summary>The source of the consumer console program, with marker comments on the expected diagnostics.</summary>
public static partial class ConsumerPrograms
{
    /// <summary>The comment on the line where MSDRM001 (duplicated session never closed) is expected.</summary>
    public const string LeakMarker = "// expect MSDRM001";

    /// <summary>The comment on the line where MSDRM002 (HRESULT ignored) is expected.</summary>
    public const string IgnoredMarker = "// expect MSDRM002";

    /// <summary>The comment on the line where the MSDRM001 duplicate is lost (the end of its method).</summary>
    public const string LeakLostMarker = "// duplicate still open here";

    /// <summary>
    /// Opens a client session, leaks one duplicate of it (MSDRM001) and drops the HRESULT of another
    /// duplication (MSDRM002). Everything else is correct, so after the code fixes the build is clean.
    /// Handles are never printed: handing one to a non-DRM method (even string interpolation) is an
    /// escape, which MSDRM001 does not report.
    /// It calls msdrm.dll through its own declarations and, once fixed, through MsDrm.Runtime.
    /// </summary>
    public const string LeakyProgram = """
        using System.Runtime.InteropServices;

        internal static class Program
        {
            private static int Main()
            {
                int hr = Native.DRMCreateClientSession(Native.Callback, 0, "WINDOWS", null, out uint session);
                if (hr < 0)
                {
                    Console.Error.WriteLine($"DRMCreateClientSession failed: 0x{hr:X8}");
                    return 1;
                }

                Sessions.CheckDuplicate(session);
                Sessions.DuplicateAndClose(session);
                _ = Native.DRMCloseSession(session);
                Console.WriteLine("done");
                return 0;
            }
        }

        internal static class Sessions
        {
            public static void CheckDuplicate(uint session)
            {
                int hr = Native.DRMDuplicateSession(session, out uint duplicate); // expect MSDRM001
                if (hr < 0)
                {
                    return;
                }

                hr = Native.DRMIsActivated(duplicate, 1, IntPtr.Zero);
                Console.WriteLine(hr >= 0 ? "duplicate is activated" : "duplicate is not activated");
            } // duplicate still open here

            public static void DuplicateAndClose(uint session)
            {
                Native.DRMDuplicateSession(session, out uint copy); // expect MSDRM002
                _ = Native.DRMCloseSession(copy);
            }
        }

        internal static class Native
        {
            public delegate int DrmCallback(int message, int hr, IntPtr parameter, IntPtr context);

            // Kept in a static field: msdrm.dll holds on to the callback for the session's lifetime.
            public static readonly DrmCallback Callback = (message, hr, parameter, context) => 0;

            [DllImport("msdrm.dll", CharSet = CharSet.Unicode)]
            public static extern int DRMCreateClientSession(DrmCallback pfnCallback, uint uCallbackVersion, string wszGroupIDProviderType, string? wszGroupID, out uint phClient);

            [DllImport("msdrm.dll")]
            public static extern int DRMIsActivated(uint hClient, uint uFlags, IntPtr pActServInfo);

            [DllImport("msdrm.dll")]
            public static extern int DRMDuplicateSession(uint hSessionIn, out uint phSessionOut);

            [DllImport("msdrm.dll")]
            public static extern int DRMCloseSession(uint hSession);
        }

        """;
}
