using MsDrm.CodeFixes.Tests.Infrastructure;
using Verify = MsDrm.CodeFixes.Tests.Infrastructure.DrmCodeFixTest<MsDrm.CodeFixes.MSDRM001HandleNotClosedCodeFixProvider>;

namespace MsDrm.CodeFixes.Tests.MSDRM001;

/// <summary>MSDRM001 on a raw handle: try/finally with the project's own close import.</summary>
public class MSDRM001CloseInFinallyFixTests
{
    [Fact]
    public Task AfterThrowIfFailed_HoistsLaterDeclaration() => Verify.VerifyAsync("""
        using System;
        using MsDrm;

        class C
        {
            void M(uint session)
            {
                DrmException.ThrowIfFailed({|MSDRM001:Native.DRMDuplicateSession(session, out uint copy)|});
                // Check the copy.
                int hr = Native.DRMIsActivated(copy, 0, IntPtr.Zero);
                Console.WriteLine(hr);
            }
        }
        """, """
        using System;
        using MsDrm;

        class C
        {
            void M(uint session)
            {
                DrmException.ThrowIfFailed(Native.DRMDuplicateSession(session, out uint copy));
                int hr;
                try
                {
                    // Check the copy.
                    hr = Native.DRMIsActivated(copy, 0, IntPtr.Zero);
                }
                finally
                {
                    Native.DRMCloseSession(copy);
                }
                Console.WriteLine(hr);
            }
        }
        """, equivalenceKey: FixKinds.CloseInFinally);

    [Fact]
    public Task InsideSuccessBranch() => Verify.VerifyAsync("""
        using System;

        class C
        {
            void M(uint session)
            {
                int hr = {|MSDRM001:Native.DRMDuplicateSession(session, out uint copy)|};
                if (hr >= 0)
                {
                    _ = Native.DRMIsActivated(copy, 0, IntPtr.Zero);
                }
            }
        }
        """, """
        using System;

        class C
        {
            void M(uint session)
            {
                int hr = Native.DRMDuplicateSession(session, out uint copy);
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
        """, equivalenceKey: FixKinds.CloseInFinally);

    [Fact]
    public Task AfterEarlyReturn() => Verify.VerifyAsync("""
        using System;

        class C
        {
            int M(uint session)
            {
                int hr = {|MSDRM001:Native.DRMDuplicateSession(session, out uint copy)|};
                if (hr < 0)
                {
                    return hr;
                }

                _ = Native.DRMIsActivated(copy, 0, IntPtr.Zero);
                return 0;
            }
        }
        """, """
        using System;

        class C
        {
            int M(uint session)
            {
                int hr = Native.DRMDuplicateSession(session, out uint copy);
                if (hr < 0)
                {
                    return hr;
                }

                try
                {
                    _ = Native.DRMIsActivated(copy, 0, IntPtr.Zero);
                }
                finally
                {
                    Native.DRMCloseSession(copy);
                }
                return 0;
            }
        }
        """, equivalenceKey: FixKinds.CloseInFinally);

    [Fact]
    public Task CallInsideCondition() => Verify.VerifyAsync("""
        using System;

        class C
        {
            void M(string certificate)
            {
                if ({|MSDRM001:Native.DRMParseUnboundLicense(certificate, out uint query)|} >= 0)
                {
                    _ = Native.DRMGetUnboundLicenseObjectCount(query, "principal", out _);
                }
            }
        }
        """, """
        using System;

        class C
        {
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
                        Native.DRMCloseQueryHandle(query);
                    }
                }
            }
        }
        """, equivalenceKey: FixKinds.CloseInFinally);

    [Fact]
    public Task ElseBranchOfFailureTest() => Verify.VerifyAsync("""
        using System;

        class C
        {
            void M(uint environment)
            {
                int hr = {|MSDRM001:Native.DRMDuplicateEnvironmentHandle(environment, out uint copy)|};
                if (hr < 0)
                {
                    Console.WriteLine("failed");
                }
                else
                {
                    _ = Native.DRMCreateEnablingPrincipal(copy, 0, "owner", IntPtr.Zero, "credentials", out uint principal);
                    Native.DRMCloseHandle(principal);
                }
            }
        }
        """, """
        using System;

        class C
        {
            void M(uint environment)
            {
                int hr = Native.DRMDuplicateEnvironmentHandle(environment, out uint copy);
                if (hr < 0)
                {
                    Console.WriteLine("failed");
                }
                else
                {
                    try
                    {
                        _ = Native.DRMCreateEnablingPrincipal(copy, 0, "owner", IntPtr.Zero, "credentials", out uint principal);
                        Native.DRMCloseHandle(principal);
                    }
                    finally
                    {
                        Native.DRMCloseEnvironmentHandle(copy);
                    }
                }
            }
        }
        """, equivalenceKey: FixKinds.CloseInFinally);

    [Fact]
    public Task SucceededHelper() => Verify.VerifyAsync("""
        using System;

        static class Hr
        {
            public static bool Succeeded(int hr) => hr >= 0;
        }

        class C
        {
            void M(uint handle)
            {
                int hr = {|MSDRM001:Native.DRMDuplicateHandle(handle, out uint copy)|};
                if (Hr.Succeeded(hr))
                {
                    uint size = 0;
                    _ = Native.DRMEncrypt(copy, 0, 0, Array.Empty<byte>(), ref size, Array.Empty<byte>());
                }
            }
        }
        """, """
        using System;

        static class Hr
        {
            public static bool Succeeded(int hr) => hr >= 0;
        }

        class C
        {
            void M(uint handle)
            {
                int hr = Native.DRMDuplicateHandle(handle, out uint copy);
                if (Hr.Succeeded(hr))
                {
                    try
                    {
                        uint size = 0;
                        _ = Native.DRMEncrypt(copy, 0, 0, Array.Empty<byte>(), ref size, Array.Empty<byte>());
                    }
                    finally
                    {
                        Native.DRMCloseHandle(copy);
                    }
                }
            }
        }
        """, equivalenceKey: FixKinds.CloseInFinally);

    [Fact]
    public Task EmbeddedSuccessBranch_GetsBraces() => Verify.VerifyAsync("""
        using System;

        class C
        {
            void M(uint pub)
            {
                int hr = {|MSDRM001:Native.DRMDuplicatePubHandle(pub, out uint copy)|};
                if (hr >= 0)
                    _ = Native.DRMAddRightWithUser(copy, 0, 0);
            }
        }
        """, """
        using System;

        class C
        {
            void M(uint pub)
            {
                int hr = Native.DRMDuplicatePubHandle(pub, out uint copy);
                if (hr >= 0)
                {
                    try
                    {
                        _ = Native.DRMAddRightWithUser(copy, 0, 0);
                    }
                    finally
                    {
                        Native.DRMClosePubHandle(copy);
                    }
                }
            }
        }
        """, equivalenceKey: FixKinds.CloseInFinally);

    [Fact]
    public Task LoopBodyWithBreak() => Verify.VerifyAsync("""
        using System;

        class C
        {
            void M(uint license, int n)
            {
                for (uint i = 0; i < n; i++)
                {
                    int hr = {|MSDRM001:Native.DRMGetUsers(license, i, out uint user)|};
                    if (hr < 0)
                    {
                        break;
                    }

                    _ = Native.DRMAddRightWithUser(license, 0, user);
                }
            }
        }
        """, """
        using System;

        class C
        {
            void M(uint license, int n)
            {
                for (uint i = 0; i < n; i++)
                {
                    int hr = Native.DRMGetUsers(license, i, out uint user);
                    if (hr < 0)
                    {
                        break;
                    }

                    try
                    {
                        _ = Native.DRMAddRightWithUser(license, 0, user);
                    }
                    finally
                    {
                        Native.DRMClosePubHandle(user);
                    }
                }
            }
        }
        """, equivalenceKey: FixKinds.CloseInFinally);

    [Fact]
    public Task SwitchSection() => Verify.VerifyAsync("""
        using System;

        class C
        {
            void M(int mode, uint session)
            {
                switch (mode)
                {
                    case 1:
                        int hr = {|MSDRM001:Native.DRMDuplicateSession(session, out uint copy)|};
                        if (hr < 0)
                            return;
                        _ = Native.DRMIsActivated(copy, 0, IntPtr.Zero);
                        break;
                }
            }
        }
        """, """
        using System;

        class C
        {
            void M(int mode, uint session)
            {
                switch (mode)
                {
                    case 1:
                        int hr = Native.DRMDuplicateSession(session, out uint copy);
                        if (hr < 0)
                            return;
                        try
                        {
                            _ = Native.DRMIsActivated(copy, 0, IntPtr.Zero);
                        }
                        finally
                        {
                            Native.DRMCloseSession(copy);
                        }
                        break;
                }
            }
        }
        """, equivalenceKey: FixKinds.CloseInFinally);

    [Fact]
    public Task HoistsDeclarationUsedAfter() => Verify.VerifyAsync("""
        using System;

        class C
        {
            void M(uint session)
            {
                int hr = {|MSDRM001:Native.DRMDuplicateSession(session, out uint copy)|};
                if (hr < 0)
                {
                    return;
                }

                int activated = Native.DRMIsActivated(copy, 0, IntPtr.Zero);
                var message = "activated: " + activated;
                Console.WriteLine(message);
            }
        }
        """, """
        using System;

        class C
        {
            void M(uint session)
            {
                int hr = Native.DRMDuplicateSession(session, out uint copy);
                if (hr < 0)
                {
                    return;
                }

                int activated;
                try
                {
                    activated = Native.DRMIsActivated(copy, 0, IntPtr.Zero);
                }
                finally
                {
                    Native.DRMCloseSession(copy);
                }
                var message = "activated: " + activated;
                Console.WriteLine(message);
            }
        }
        """, equivalenceKey: FixKinds.CloseInFinally);

    [Fact]
    public Task TopLevelStatements() => Verify.VerifyAsync("""
        using System;

        int hr = {|MSDRM001:Native.DRMParseUnboundLicense("<xrml/>", out uint query)|};
        if (hr < 0)
        {
            return;
        }

        _ = Native.DRMGetUnboundLicenseObjectCount(query, "principal", out _);
        """, """
        using System;

        int hr = Native.DRMParseUnboundLicense("<xrml/>", out uint query);
        if (hr < 0)
        {
            return;
        }

        try
        {
            _ = Native.DRMGetUnboundLicenseObjectCount(query, "principal", out _);
        }
        finally
        {
            Native.DRMCloseQueryHandle(query);
        }
        """, equivalenceKey: FixKinds.CloseInFinally, executable: true);

    [Fact]
    public Task ExpressionBodiedMember_SplitsReturn() => Verify.VerifyAsync("""
        class C
        {
            int M(uint session) => {|MSDRM001:Native.DRMDuplicateSession(session, out uint copy)|};
        }
        """, """
        class C
        {
            int M(uint session)
            {
                var result = Native.DRMDuplicateSession(session, out uint copy);
                try
                {
                }
                finally
                {
                    Native.DRMCloseSession(copy);
                }

                return result;
            }
        }
        """, equivalenceKey: FixKinds.CloseInFinally);

    /// <summary>The default library is made from the environment: it is closed first (MSDRM005).</summary>
    [Fact]
    public Task TwoHandlesFromOneCall() => Verify.VerifyAsync("""
        using System;

        class C
        {
            void M()
            {
                int hr = {|MSDRM001:{|MSDRM001:Native.DRMInitEnvironment(0, 0, "p", "m", "c", out uint environment, out uint library)|}|};
                if (hr >= 0)
                {
                    Console.WriteLine(environment + library);
                }
            }
        }
        """, """
        using System;

        class C
        {
            void M()
            {
                int hr = Native.DRMInitEnvironment(0, 0, "p", "m", "c", out uint environment, out uint library);
                if (hr >= 0)
                {
                    try
                    {
                        try
                        {
                            Console.WriteLine(environment + library);
                        }
                        finally
                        {
                            Native.DRMCloseHandle(library);
                        }
                    }
                    finally
                    {
                        Native.DRMCloseEnvironmentHandle(environment);
                    }
                }
            }
        }
        """, equivalenceKey: FixKinds.CloseInFinally);

    [Fact]
    public Task SeveralHandlesInOneMethod() => Verify.VerifyAsync("""
        using System;

        class C
        {
            void M(uint session, string certificate)
            {
                int hr = {|MSDRM001:Native.DRMDuplicateSession(session, out uint copy)|};
                if (hr < 0)
                {
                    return;
                }

                hr = {|MSDRM001:Native.DRMParseUnboundLicense(certificate, out uint query)|};
                if (hr < 0)
                {
                    return;
                }

                Console.WriteLine(copy + query);
            }
        }
        """, """
        using System;

        class C
        {
            void M(uint session, string certificate)
            {
                int hr = Native.DRMDuplicateSession(session, out uint copy);
                if (hr < 0)
                {
                    return;
                }

                try
                {
                    hr = Native.DRMParseUnboundLicense(certificate, out uint query);
                    if (hr < 0)
                    {
                        return;
                    }

                    try
                    {
                        Console.WriteLine(copy + query);
                    }
                    finally
                    {
                        Native.DRMCloseQueryHandle(query);
                    }
                }
                finally
                {
                    Native.DRMCloseSession(copy);
                }
            }
        }
        """, equivalenceKey: FixKinds.CloseInFinally);

    [Fact]
    public Task LambdaBody() => Verify.VerifyAsync("""
        using System;

        class C
        {
            Action M(uint session)
            {
                return () =>
                {
                    int hr = {|MSDRM001:Native.DRMDuplicateSession(session, out uint copy)|};
                    if (hr >= 0)
                    {
                        _ = Native.DRMIsActivated(copy, 0, IntPtr.Zero);
                    }
                };
            }
        }
        """, """
        using System;

        class C
        {
            Action M(uint session)
            {
                return () =>
                {
                    int hr = Native.DRMDuplicateSession(session, out uint copy);
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
                };
            }
        }
        """, equivalenceKey: FixKinds.CloseInFinally);

    [Fact]
    public Task HandleUsedAfterTheTest_StartsAfterCreation() => Verify.VerifyAsync("""
        using System;

        class C
        {
            void M(uint session)
            {
                uint copy;
                int hr = {|MSDRM001:Native.DRMDuplicateSession(session, out copy)|};
                if (hr >= 0)
                {
                    _ = Native.DRMIsActivated(copy, 0, IntPtr.Zero);
                }

                _ = Native.DRMIsActivated(copy, 1, IntPtr.Zero);
            }
        }
        """, """
        using System;

        class C
        {
            void M(uint session)
            {
                uint copy;
                int hr = Native.DRMDuplicateSession(session, out copy);
                try
                {
                    if (hr >= 0)
                    {
                        _ = Native.DRMIsActivated(copy, 0, IntPtr.Zero);
                    }

                    _ = Native.DRMIsActivated(copy, 1, IntPtr.Zero);
                }
                finally
                {
                    Native.DRMCloseSession(copy);
                }
            }
        }
        """, equivalenceKey: FixKinds.CloseInFinally);

    [Fact]
    public Task ConflictingTypeName_StaysQualified() => Verify.VerifyAsync("""
        using System;

        class SafeDrmSessionHandle { }

        class C
        {
            void M(uint session)
            {
                int hr = {|MSDRM001:Native.DRMDuplicateSession(session, out uint copy)|};
                if (hr >= 0)
                {
                    _ = Native.DRMIsActivated(copy, 0, IntPtr.Zero);
                }
            }
        }
        """, """
        using System;

        class SafeDrmSessionHandle { }

        class C
        {
            void M(uint session)
            {
                int hr = Native.DRMDuplicateSession(session, out uint copy);
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
        """, equivalenceKey: FixKinds.CloseInFinally);

    [Fact]
    public Task ExplicitCloseOnOnePath_IsRemoved() => Verify.VerifyAsync("""
        using System;

        class C
        {
            void M(uint session, bool quick)
            {
                int hr = {|MSDRM001:Native.DRMDuplicateSession(session, out uint copy)|};
                if (hr < 0)
                {
                    return;
                }

                if (quick)
                {
                    Native.DRMCloseSession(copy);
                    return;
                }

                _ = Native.DRMIsActivated(copy, 0, IntPtr.Zero);
            }
        }
        """, """
        using System;

        class C
        {
            void M(uint session, bool quick)
            {
                int hr = Native.DRMDuplicateSession(session, out uint copy);
                if (hr < 0)
                {
                    return;
                }

                try
                {
                    if (quick)
                    {
                        return;
                    }

                    _ = Native.DRMIsActivated(copy, 0, IntPtr.Zero);
                }
                finally
                {
                    Native.DRMCloseSession(copy);
                }
            }
        }
        """, equivalenceKey: FixKinds.CloseInFinally);

    [Fact]
    public Task DiscardedHandle_GetsAName() => Verify.VerifyAsync("""
        using MsDrm;

        class C
        {
            void M(uint session)
            {
                DrmException.ThrowIfFailed({|MSDRM001:Native.DRMDuplicateSession(session, out _)|});
            }
        }
        """, """
        using MsDrm;

        class C
        {
            void M(uint session)
            {
                DrmException.ThrowIfFailed(Native.DRMDuplicateSession(session, out uint session1));
                try
                {
                }
                finally
                {
                    Native.DRMCloseSession(session1);
                }
            }
        }
        """, equivalenceKey: FixKinds.CloseInFinally);

    [Fact]
    public Task CopiesOfTheHandle_AreCovered() => Verify.VerifyAsync("""
        using System;
        using MsDrm;

        class C
        {
            void M(uint session)
            {
                DrmException.ThrowIfFailed({|MSDRM001:Native.DRMDuplicateSession(session, out uint copy)|});
                uint alias = copy;
                int asInt = (int)alias;
                Console.WriteLine(asInt > 0);
                Console.WriteLine("done");
            }
        }
        """, """
        using System;
        using MsDrm;

        class C
        {
            void M(uint session)
            {
                DrmException.ThrowIfFailed(Native.DRMDuplicateSession(session, out uint copy));
                try
                {
                    uint alias = copy;
                    int asInt = (int)alias;
                    Console.WriteLine(asInt > 0);
                }
                finally
                {
                    Native.DRMCloseSession(copy);
                }
                Console.WriteLine("done");
            }
        }
        """, equivalenceKey: FixKinds.CloseInFinally);

    [Fact]
    public Task RecreatedInLoop_CloseAfterLoopMovesIn() => Verify.VerifyAsync("""
        using MsDrm;

        class C
        {
            void M(uint session, int count)
            {
                uint copy = 0;
                for (int i = 0; i < count; i++)
                {
                    DrmException.ThrowIfFailed({|MSDRM001:Native.DRMDuplicateSession(session, out copy)|});
                    _ = Native.DRMIsActivated(copy, 0, System.IntPtr.Zero);
                }

                Native.DRMCloseSession(copy);
            }
        }
        """, """
        using MsDrm;

        class C
        {
            void M(uint session, int count)
            {
                uint copy = 0;
                for (int i = 0; i < count; i++)
                {
                    DrmException.ThrowIfFailed(Native.DRMDuplicateSession(session, out copy));
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
        """, equivalenceKey: FixKinds.CloseInFinally);
}
