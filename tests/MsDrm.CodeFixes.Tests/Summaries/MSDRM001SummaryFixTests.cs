using Verify = MsDrm.CodeFixes.Tests.Infrastructure.DrmCodeFixTest<MsDrm.CodeFixes.MSDRM001HandleNotClosedCodeFixProvider>;

namespace MsDrm.CodeFixes.Tests.Summaries;

/// <summary>
/// MSDRM001's fixes at the caller when the handle comes from the user's own helper (summaries): the
/// kind and close function come from the helper's summary, carried in the diagnostic's properties.
/// </summary>
public class MSDRM001SummaryFixTests
{
    private const string Rms = """

        static class Rms
        {
            public static int Duplicate(uint session, out uint copy) => Native.DRMDuplicateSession(session, out copy);

            public static SafeDrmSessionHandle Copy(SafeDrmSessionHandle session) => session.Duplicate();

            public static uint GetUnsignedIL(uint owner)
            {
                int hr = Native.DRMCreateIssuanceLicense(IntPtr.Zero, IntPtr.Zero, null, null, owner, null, 0, out uint license);
                return hr >= 0 ? license : 0;
            }
        }
        """;

    [Fact]
    public Task AdoptInUsing_after_ThrowIfFailed_around_the_helper() => Verify.VerifyAsync("""
        using System;
        using MsDrm;

        class C
        {
            void M(uint session)
            {
                DrmException.ThrowIfFailed({|MSDRM001:Rms.Duplicate(session, out uint copy)|});
                int hr = Native.DRMIsActivated(copy, 0, IntPtr.Zero);
                Console.WriteLine(hr);
            }
        }
        """ + Rms, """
        using System;
        using MsDrm;

        class C
        {
            void M(uint session)
            {
                DrmException.ThrowIfFailed(Rms.Duplicate(session, out uint copy));
                int hr;
                using (SafeDrmSessionHandle.Adopt(copy))
                {
                    hr = Native.DRMIsActivated(copy, 0, IntPtr.Zero);
                }
                Console.WriteLine(hr);
            }
        }
        """ + Rms, equivalenceKey: FixKinds.AdoptInUsing);

    [Fact]
    public Task CloseInFinally_on_the_success_side_of_the_helper() => Verify.VerifyAsync("""
        using System;
        using MsDrm;

        class C
        {
            void M(uint session)
            {
                int hr = {|MSDRM001:Rms.Duplicate(session, out uint copy)|};
                if (hr >= 0)
                {
                    _ = Native.DRMIsActivated(copy, 0, IntPtr.Zero);
                }
            }
        }
        """ + Rms, """
        using System;
        using MsDrm;

        class C
        {
            void M(uint session)
            {
                int hr = Rms.Duplicate(session, out uint copy);
                if (hr >= 0)
                {
                    try
                    {
                        _ = Native.DRMIsActivated(copy, 0, IntPtr.Zero);
                    }
                    finally
                    {
                        Native.DRMCloseSession(copy);
                    }
                }
            }
        }
        """ + Rms, equivalenceKey: FixKinds.CloseInFinally);

    [Fact]
    public Task AdoptInUsing_for_a_handle_the_helper_returns() => Verify.VerifyAsync("""
        using System;
        using MsDrm;

        class C
        {
            void M()
            {
                uint issuance = {|MSDRM001:Rms.GetUnsignedIL(0)|};
                Console.WriteLine(issuance);
            }
        }
        """ + Rms, """
        using System;
        using MsDrm;

        class C
        {
            void M()
            {
                uint issuance = Rms.GetUnsignedIL(0);
                using (SafeDrmPubHandle.Adopt(issuance))
                {
                    Console.WriteLine(issuance);
                }
            }
        }
        """ + Rms, equivalenceKey: FixKinds.AdoptInUsing);

    [Fact]
    public Task UsingDeclaration_for_a_wrapper_the_helper_returns() => Verify.VerifyAsync("""
        using System;
        using MsDrm;

        class C
        {
            void M(SafeDrmSessionHandle session)
            {
                var copy = {|MSDRM001:Rms.Copy(session)|};
                Console.WriteLine(copy.Value);
            }
        }
        """ + Rms, """
        using System;
        using MsDrm;

        class C
        {
            void M(SafeDrmSessionHandle session)
            {
                using var copy = Rms.Copy(session);
                Console.WriteLine(copy.Value);
            }
        }
        """ + Rms);
}
