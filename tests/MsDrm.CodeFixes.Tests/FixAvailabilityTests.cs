using Microsoft.CodeAnalysis.CSharp;
using MsDrm.CodeFixes.Tests.Infrastructure;
using Verify = MsDrm.CodeFixes.Tests.Infrastructure.DrmCodeFixTest<MsDrm.CodeFixes.MSDRM001HandleNotClosedCodeFixProvider>;

namespace MsDrm.CodeFixes.Tests;

/// <summary>When each MSDRM001 fix is offered, and what it falls back to.</summary>
public class FixAvailabilityTests
{
    [Fact]
    public Task CSharp7_WrapperGetsUsingBlock()
    {
        var test = new Verify("""
            using System;
            using MsDrm;

            class C
            {
                void M(SafeDrmSessionHandle session)
                {
                    var copy = {|MSDRM001:session.Duplicate()|};
                    Console.WriteLine(copy.Value);
                    Console.WriteLine("done");
                }
            }
            """, """
            using System;
            using MsDrm;

            class C
            {
                void M(SafeDrmSessionHandle session)
                {
                    using (var copy = session.Duplicate())
                    {
                        Console.WriteLine(copy.Value);
                    }
                    Console.WriteLine("done");
                }
            }
            """)
        {
            LanguageVersion = LanguageVersion.CSharp7_3,
        };
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task WithoutRuntime_OnlyTryFinallyIsOffered() => Verify.VerifyAsync("""
        class C
        {
            void M(uint session)
            {
                int hr = {|MSDRM001:Native.DRMDuplicateSession(session, out uint copy)|};
                if (hr >= 0)
                {
                    _ = Native.DRMIsActivated(copy, 0, System.IntPtr.Zero);
                }
            }
        }
        """, """
        class C
        {
            void M(uint session)
            {
                int hr = Native.DRMDuplicateSession(session, out uint copy);
                if (hr >= 0)
                {
                    try
                    {
                        _ = Native.DRMIsActivated(copy, 0, System.IntPtr.Zero);
                    }
                    finally
                    {
                        Native.DRMCloseSession(copy);
                    }
                }
            }
        }
        """, withRuntime: false);

    [Fact]
    public Task OwnCloseImportUnderAnotherName_IsCalledBySimpleName() => Verify.VerifyAsync("""
        using System.Runtime.InteropServices;

        class C
        {
            [DllImport("msdrm.dll", EntryPoint = "DRMCloseQueryHandle")] static extern int CloseQuery(uint handle);

            void M(string certificate)
            {
                if ({|MSDRM001:Native.DRMParseUnboundLicense(certificate, out uint query)|} >= 0)
                {
                    _ = Native.DRMGetUnboundLicenseObjectCount(query, "principal", out _);
                }
            }
        }
        """, """
        using System.Runtime.InteropServices;

        class C
        {
            [DllImport("msdrm.dll", EntryPoint = "DRMCloseQueryHandle")] static extern int CloseQuery(uint handle);

            void M(string certificate)
            {
                if (Native.DRMParseUnboundLicense(certificate, out uint query) >= 0)
                {
                    try
                    {
                        _ = Native.DRMGetUnboundLicenseObjectCount(query, "principal", out _);
                    }
                    finally
                    {
                        CloseQuery(query);
                    }
                }
            }
        }
        """, equivalenceKey: FixKinds.CloseInFinally);

    [Fact]
    public Task WrapperReturnedOnOnePath_NoFixOffered()
    {
        const string source = """
            using MsDrm;

            class C
            {
                SafeDrmSessionHandle? M(SafeDrmSessionHandle session, bool keep)
                {
                    var copy = {|MSDRM001:session.Duplicate()|};
                    if (keep)
                    {
                        return copy;
                    }

                    return null;
                }
            }
            """;
        return Verify.VerifyAsync(source, source);
    }
}
