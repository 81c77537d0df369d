using Verify = MsDrm.CodeFixes.Tests.Infrastructure.DrmCodeFixTest<MsDrm.CodeFixes.MSDRM002HresultIgnoredCodeFixProvider>;

namespace MsDrm.CodeFixes.Tests.MSDRM002;

/// <summary>MSDRM002 fix: DrmException.ThrowIfFailed (or Marshal.ThrowExceptionForHR without the runtime).</summary>
public class MSDRM002HresultIgnoredFixTests
{
    [Fact]
    public Task ExpressionStatement_IsWrapped_TriviaKept() => Verify.VerifyAsync("""
        class C
        {
            void M()
            {
                // repair first
                {|MSDRM002:Native.DRMRepair()|}; // trailing
            }
        }
        """, """
        using MsDrm;

        class C
        {
            void M()
            {
                // repair first
                DrmException.ThrowIfFailed(Native.DRMRepair()); // trailing
            }
        }
        """);

    [Fact]
    public Task WithoutRuntime_UsesMarshalThrowExceptionForHR() => Verify.VerifyAsync("""
        using System;

        class C
        {
            void M()
            {
                {|MSDRM002:Native.DRMRepair()|};
            }
        }
        """, """
        using System;
        using System.Runtime.InteropServices;

        class C
        {
            void M()
            {
                Marshal.ThrowExceptionForHR(Native.DRMRepair());
            }
        }
        """, withRuntime: false);

    [Fact]
    public Task ExistingUsing_IsNotDuplicated() => Verify.VerifyAsync("""
        using MsDrm;

        class C
        {
            void M(uint client)
            {
                {|MSDRM002:Native.DRMIsActivated(client, 0, System.IntPtr.Zero)|};
            }
        }
        """, """
        using MsDrm;

        class C
        {
            void M(uint client)
            {
                DrmException.ThrowIfFailed(Native.DRMIsActivated(client, 0, System.IntPtr.Zero));
            }
        }
        """);

    [Fact]
    public Task DeadStore_KeepsDeclaration_ChecksVariable() => Verify.VerifyAsync("""
        class C
        {
            void M()
            {
                int hr = {|MSDRM002:Native.DRMRepair()|};
                System.Console.WriteLine("done");
            }
        }
        """, """
        using MsDrm;

        class C
        {
            void M()
            {
                int hr = Native.DRMRepair();
                DrmException.ThrowIfFailed(hr);
                System.Console.WriteLine("done");
            }
        }
        """);

    [Fact]
    public Task NestedBlocksAndLoop() => Verify.VerifyAsync("""
        class C
        {
            void M(uint[] clients)
            {
                foreach (uint client in clients)
                {
                    if (client != 0)
                    {
                        {|MSDRM002:Native.DRMIsActivated(client, 1, System.IntPtr.Zero)|};
                    }
                }
            }
        }
        """, """
        using MsDrm;

        class C
        {
            void M(uint[] clients)
            {
                foreach (uint client in clients)
                {
                    if (client != 0)
                    {
                        DrmException.ThrowIfFailed(Native.DRMIsActivated(client, 1, System.IntPtr.Zero));
                    }
                }
            }
        }
        """);

    [Fact]
    public Task SwitchSection() => Verify.VerifyAsync("""
        class C
        {
            void M(int mode)
            {
                switch (mode)
                {
                    case 1:
                        {|MSDRM002:Native.DRMRepair()|};
                        break;
                    default:
                        break;
                }
            }
        }
        """, """
        using MsDrm;

        class C
        {
            void M(int mode)
            {
                switch (mode)
                {
                    case 1:
                        DrmException.ThrowIfFailed(Native.DRMRepair());
                        break;
                    default:
                        break;
                }
            }
        }
        """);

    [Fact]
    public Task ExpressionBodiedVoidMethod() => Verify.VerifyAsync("""
        class C
        {
            void Repair() => {|MSDRM002:Native.DRMRepair()|};
        }
        """, """
        using MsDrm;

        class C
        {
            void Repair() => DrmException.ThrowIfFailed(Native.DRMRepair());
        }
        """);

    [Fact]
    public Task VoidLambda() => Verify.VerifyAsync("""
        using System;

        class C
        {
            Action Repair() => () => {|MSDRM002:Native.DRMRepair()|};
        }
        """, """
        using System;
        using MsDrm;

        class C
        {
            Action Repair() => () => DrmException.ThrowIfFailed(Native.DRMRepair());
        }
        """);

    [Fact]
    public Task LocalFunction() => Verify.VerifyAsync("""
        class C
        {
            void M()
            {
                Repair();

                void Repair()
                {
                    {|MSDRM002:Native.DRMRepair()|};
                }
            }
        }
        """, """
        using MsDrm;

        class C
        {
            void M()
            {
                Repair();

                void Repair()
                {
                    DrmException.ThrowIfFailed(Native.DRMRepair());
                }
            }
        }
        """);

    [Fact]
    public Task EmbeddedElseStatement() => Verify.VerifyAsync("""
        class C
        {
            void M(bool fast)
            {
                if (fast)
                    return;
                else
                    {|MSDRM002:Native.DRMRepair()|};
            }
        }
        """, """
        using MsDrm;

        class C
        {
            void M(bool fast)
            {
                if (fast)
                    return;
                else
                    DrmException.ThrowIfFailed(Native.DRMRepair());
            }
        }
        """);

    [Fact]
    public Task ForLoopBody() => Verify.VerifyAsync("""
        class C
        {
            void M()
            {
                for (int i = 0; i < 3; i++)
                {
                    {|MSDRM002:Native.DRMRepair()|};
                }
            }
        }
        """, """
        using MsDrm;

        class C
        {
            void M()
            {
                for (int i = 0; i < 3; i++)
                {
                    DrmException.ThrowIfFailed(Native.DRMRepair());
                }
            }
        }
        """);

    [Fact]
    public Task ConflictingTypeName_StaysQualified() => Verify.VerifyAsync("""
        class DrmException { }

        class C
        {
            void M()
            {
                {|MSDRM002:Native.DRMRepair()|};
            }
        }
        """, """
        class DrmException { }

        class C
        {
            void M()
            {
                MsDrm.DrmException.ThrowIfFailed(Native.DRMRepair());
            }
        }
        """);

    [Fact]
    public Task FileScopedNamespace() => Verify.VerifyAsync("""
        namespace App;

        class C
        {
            void M()
            {
                {|MSDRM002:Native.DRMRepair()|};
            }
        }
        """, """
        using MsDrm;

        namespace App;

        class C
        {
            void M()
            {
                DrmException.ThrowIfFailed(Native.DRMRepair());
            }
        }
        """);

    [Fact]
    public Task CallWithOutArgument() => Verify.VerifyAsync("""
        class C
        {
            uint Count(uint query)
            {
                {|MSDRM002:Native.DRMGetUnboundLicenseObjectCount(query, "principal", out uint count)|};
                return count;
            }
        }
        """, """
        using MsDrm;

        class C
        {
            uint Count(uint query)
            {
                DrmException.ThrowIfFailed(Native.DRMGetUnboundLicenseObjectCount(query, "principal", out uint count));
                return count;
            }
        }
        """);

    [Fact]
    public Task TopLevelStatements() => Verify.VerifyAsync("""
        System.Console.WriteLine("start");
        {|MSDRM002:Native.DRMRepair()|};
        int hr = {|MSDRM002:Native.DRMRepair()|};
        System.Console.WriteLine("end");
        """, """
        using MsDrm;

        System.Console.WriteLine("start");
        DrmException.ThrowIfFailed(Native.DRMRepair());
        int hr = Native.DRMRepair();
        DrmException.ThrowIfFailed(hr);
        System.Console.WriteLine("end");
        """, executable: true);

    [Fact]
    public Task FixAll_ManyInOneDocument() => Verify.VerifyAsync("""
        class C
        {
            void A(uint client)
            {
                {|MSDRM002:Native.DRMRepair()|};
                {|MSDRM002:Native.DRMIsActivated(client, 0, System.IntPtr.Zero)|};
                int hr = {|MSDRM002:Native.DRMRepair()|};
            }

            void B() => {|MSDRM002:Native.DRMRepair()|};

            void D(int n)
            {
                while (n-- > 0)
                {
                    {|MSDRM002:Native.DRMRepair()|};
                }
            }
        }
        """, """
        using MsDrm;

        class C
        {
            void A(uint client)
            {
                DrmException.ThrowIfFailed(Native.DRMRepair());
                DrmException.ThrowIfFailed(Native.DRMIsActivated(client, 0, System.IntPtr.Zero));
                int hr = Native.DRMRepair();
                DrmException.ThrowIfFailed(hr);
            }

            void B() => DrmException.ThrowIfFailed(Native.DRMRepair());

            void D(int n)
            {
                while (n-- > 0)
                {
                    DrmException.ThrowIfFailed(Native.DRMRepair());
                }
            }
        }
        """);

    [Fact]
    public Task UnsignedResult_IsCastUnchecked() => Verify.VerifyAsync("""
        using System.Runtime.InteropServices;

        class C
        {
            [DllImport("msdrm.dll")] static extern uint DRMRepair();

            void M()
            {
                {|MSDRM002:DRMRepair()|};
            }
        }
        """, """
        using System.Runtime.InteropServices;
        using MsDrm;

        class C
        {
            [DllImport("msdrm.dll")] static extern uint DRMRepair();

            void M()
            {
                DrmException.ThrowIfFailed(unchecked((int)DRMRepair()));
            }
        }
        """);

    [Fact]
    public Task OverwrittenAssignment_ChecksAfterIt() => Verify.VerifyAsync("""
        class C
        {
            int M(uint client)
            {
                int hr;
                hr = {|MSDRM002:Native.DRMRepair()|};
                hr = Native.DRMIsActivated(client, 0, System.IntPtr.Zero);
                return hr;
            }
        }
        """, """
        using MsDrm;

        class C
        {
            int M(uint client)
            {
                int hr;
                hr = Native.DRMRepair();
                DrmException.ThrowIfFailed(hr);
                hr = Native.DRMIsActivated(client, 0, System.IntPtr.Zero);
                return hr;
            }
        }
        """);
}
