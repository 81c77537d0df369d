namespace MsDrm.EndToEnd.Tests;

/// <summary>The consumer program whose path diagnostics explain themselves (<see cref="SarifLogTests"/>).</summary>
public static partial class ConsumerPrograms
{
    /// <summary>
    /// One case of each path rule, each in its own method. A marker comment <c>// &lt;case&gt;</c> is on the
    /// line of the case's diagnostic, <c>// &lt;case #K&gt;</c> on the line of its K-th additional location.
    /// <list type="bullet">
    /// <item><c>early-return</c>: MSDRM001, a success-tested duplicate lost at an early <c>return</c> (#1), the test (#2).</item>
    /// <item><c>helper</c>: MSDRM001 through a helper, lost at the end of the method (#1), the test (#2), the DRM call in the helper (#3).</item>
    /// <item><c>double-close</c>: MSDRM003, closed twice; the first close (#1).</item>
    /// <item><c>close-order</c>: MSDRM005, the bound license closed before its decryptor; the decryptor's creation (#1).</item>
    /// <item><c>masked</c>: MSDRM006, a failure overwritten by the close in <c>goto Cleanup</c>; the failure test (#1).</item>
    /// </list>
    /// Every other handle is closed and every other HRESULT checked, so these are the only MSDRM diagnostics.
    /// </summary>
    public const string ExplainedProgram = """
        using System.Runtime.InteropServices;
        using MsDrm;

        internal static class Program
        {
            private static int Main(string[] args)
            {
                EarlyReturn(1, args.Length);
                ThroughHelper(1, args.Length);
                CloseTwice(1);
                DecryptWith(1);
                return Check(1);
            }

            private static void EarlyReturn(uint session, int n)
            {
                int hr = Native.DRMDuplicateSession(session, out uint dup); // <early-return>
                if (hr < 0) // <early-return #2>
                {
                    return;
                }

                if (n > 0)
                {
                    return; // <early-return #1>
                }

                Native.DRMCloseSession(dup);
            }

            private static int Duplicate(uint source, out uint copy) => Native.DRMDuplicateSession(source, out copy); // <helper #3>

            private static void ThroughHelper(uint session, int n)
            {
                if (Duplicate(session, out uint copy) < 0) // <helper> <helper #2>
                {
                    return;
                }

                if (n > 0)
                {
                    Native.DRMCloseSession(copy);
                }
            } // <helper #1>

            private static void CloseTwice(uint session)
            {
                DrmException.ThrowIfFailed(Native.DRMDuplicateSession(session, out uint twice));
                Native.DRMCloseSession(twice); // <double-close #1>
                Native.DRMCloseSession(twice); // <double-close>
            }

            private static void DecryptWith(uint environment)
            {
                DrmException.ThrowIfFailed(Native.DRMCreateBoundLicense(environment, IntPtr.Zero, "<eul/>", out uint license, out _));
                DrmException.ThrowIfFailed(Native.DRMCreateEnablingBitsDecryptor(license, "VIEW", 0, null, out uint decryptor)); // <close-order #1>
                Native.DRMCloseHandle(license); // <close-order>
                Native.DRMCloseHandle(decryptor);
            }

            private static int Check(uint session)
            {
                DrmException.ThrowIfFailed(Native.DRMDuplicateSession(session, out uint dup));
                int hr = Native.DRMIsActivated(dup, 0, IntPtr.Zero);
                if (hr < 0) // <masked #1>
                {
                    goto Cleanup;
                }

                Console.WriteLine("activated");
            Cleanup:
                hr = Native.DRMCloseSession(dup); // <masked>
                return hr;
            }
        }

        internal static class Native
        {
            [DllImport("msdrm.dll")]
            public static extern int DRMDuplicateSession(uint hSessionIn, out uint phSessionOut);

            [DllImport("msdrm.dll")]
            public static extern int DRMIsActivated(uint hClient, uint uFlags, IntPtr pActServInfo);

            [DllImport("msdrm.dll", CharSet = CharSet.Unicode)]
            public static extern int DRMCreateBoundLicense(uint hEnv, IntPtr pParams, string wszLicenseChain, out uint phBoundLicense, out uint phErrorLog);

            [DllImport("msdrm.dll", CharSet = CharSet.Unicode)]
            public static extern int DRMCreateEnablingBitsDecryptor(uint hBoundLicense, string wszRight, uint hAuxLib, string? wszAuxPlug, out uint phDecryptor);

            [DllImport("msdrm.dll")]
            public static extern int DRMCloseSession(uint hSession);

            [DllImport("msdrm.dll")]
            public static extern int DRMCloseHandle(uint handle);
        }

        """;
}
