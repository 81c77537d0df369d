using Verify = MsDrm.CodeFixes.Tests.Infrastructure.DrmCodeFixTest<MsDrm.CodeFixes.MSDRM002HresultIgnoredCodeFixProvider>;

namespace MsDrm.CodeFixes.Tests.Summaries;

/// <summary>MSDRM002's fix at the caller of a forwarding helper (summaries): ThrowIfFailed around the helper's call.</summary>
public class MSDRM002SummaryFixTests
{
    private const string SafeNativeMethods = """

        static class SafeNativeMethods
        {
            [DllImport("msdrm.dll")] private static extern int DRMSetIntervalTime(IntPtr pvoidEnumerator, uint cNumberOfDays);

            internal static int SetIntervalTime(IntPtr enumerator, uint days) => DRMSetIntervalTime(enumerator, days);
        }
        """;

    [Fact]
    public Task ThrowIfFailed_around_the_dropped_forwarding_call() => Verify.VerifyAsync("""
        using System;
        using System.Runtime.InteropServices;
        using MsDrm;

        class C
        {
            void M()
            {
                {|MSDRM002:SafeNativeMethods.SetIntervalTime(IntPtr.Zero, 7)|};
            }
        }
        """ + SafeNativeMethods, """
        using System;
        using System.Runtime.InteropServices;
        using MsDrm;

        class C
        {
            void M()
            {
                DrmException.ThrowIfFailed(SafeNativeMethods.SetIntervalTime(IntPtr.Zero, 7));
            }
        }
        """ + SafeNativeMethods, equivalenceKey: FixKinds.ThrowIfFailed);

    [Fact]
    public Task ThrowIfFailed_after_a_dead_store_of_the_forwarded_result() => Verify.VerifyAsync("""
        using System;
        using System.Runtime.InteropServices;
        using MsDrm;

        class C
        {
            void M()
            {
                int hr = {|MSDRM002:SafeNativeMethods.SetIntervalTime(IntPtr.Zero, 7)|};
            }
        }
        """ + SafeNativeMethods, """
        using System;
        using System.Runtime.InteropServices;
        using MsDrm;

        class C
        {
            void M()
            {
                int hr = SafeNativeMethods.SetIntervalTime(IntPtr.Zero, 7);
                DrmException.ThrowIfFailed(hr);
            }
        }
        """ + SafeNativeMethods, equivalenceKey: FixKinds.ThrowIfFailed);
}
