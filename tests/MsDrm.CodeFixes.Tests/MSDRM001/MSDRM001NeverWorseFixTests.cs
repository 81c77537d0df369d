using MsDrm.CodeFixes.Tests.Infrastructure;
using Verify = MsDrm.CodeFixes.Tests.Infrastructure.DrmCodeFixTest<MsDrm.CodeFixes.MSDRM001HandleNotClosedCodeFixProvider>;

namespace MsDrm.CodeFixes.Tests.MSDRM001;

/// <summary>
/// The exact text of the fixes for shapes that once made code worse or had no fix (issue 11,
/// point 9); FixNeverWorseTests checks every offered action of more variants.
/// </summary>
public class MSDRM001NeverWorseFixTests
{
    [Fact]
    public Task OverwriteInSequence_BlockEndsBeforeIt_SecondCloseKept() => Verify.VerifyAsync("""
        using System;
        using MsDrm;

        class C
        {
            void M(uint session)
            {
                DrmException.ThrowIfFailed({|MSDRM001:Native.DRMDuplicateSession(session, out uint copy)|});
                _ = Native.DRMIsActivated(copy, 0, IntPtr.Zero);
                DrmException.ThrowIfFailed(Native.DRMDuplicateSession(session, out copy));
                _ = Native.DRMIsActivated(copy, 0, IntPtr.Zero);
                Native.DRMCloseSession(copy);
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
                using (SafeDrmSessionHandle.Adopt(copy))
                {
                    _ = Native.DRMIsActivated(copy, 0, IntPtr.Zero);
                }
                DrmException.ThrowIfFailed(Native.DRMDuplicateSession(session, out copy));
                _ = Native.DRMIsActivated(copy, 0, IntPtr.Zero);
                Native.DRMCloseSession(copy);
            }
        }
        """, equivalenceKey: FixKinds.AdoptInUsing);

    [Fact]
    public Task TwoHandlesInOneShortCircuitCondition_TestsNested() => Verify.VerifyAsync("""
        using System;

        class C
        {
            void M(uint license)
            {
                if ({|MSDRM001:Native.DRMCreateUser("a", "b", "c", out uint user)|} >= 0 && {|MSDRM001:Native.DRMCreateRight("r", IntPtr.Zero, IntPtr.Zero, 0, null!, null!, out uint right)|} >= 0)
                {
                    _ = Native.DRMAddRightWithUser(license, right, user);
                }
            }
        }
        """, """
        using System;
        using MsDrm;

        class C
        {
            void M(uint license)
            {
                if (Native.DRMCreateUser("a", "b", "c", out uint user) >= 0)
                {
                    using (SafeDrmPubHandle.Adopt(user))
                    {
                        if (Native.DRMCreateRight("r", IntPtr.Zero, IntPtr.Zero, 0, null!, null!, out uint right) >= 0)
                        {
                            using (SafeDrmPubHandle.Adopt(right))
                            {
                                _ = Native.DRMAddRightWithUser(license, right, user);
                            }
                        }
                    }
                }
            }
        }
        """, equivalenceKey: FixKinds.AdoptInUsing);

    [Fact]
    public Task ExpressionBodiedProperty_GetterWithUsingDeclaration() => Verify.VerifyAsync("""
        using MsDrm;

        class C
        {
            private readonly SafeDrmSessionHandle _session = null!;

            bool IsOpen => !{|MSDRM001:_session.Duplicate()|}.IsInvalid;
        }
        """, """
        using MsDrm;

        class C
        {
            private readonly SafeDrmSessionHandle _session = null!;

            bool IsOpen
            {
                get
                {
                    using var session = _session.Duplicate();
                    return !session.IsInvalid;
                }
            }
        }
        """);

    [Fact]
    public Task LabelTargetedFromAfterTheRange_BlockCoversTheGoto() => Verify.VerifyAsync("""
        using System;
        using MsDrm;

        class C
        {
            void M(uint session, int n)
            {
                int tries = 0;
                DrmException.ThrowIfFailed({|MSDRM001:Native.DRMDuplicateSession(session, out uint copy)|});
            retry:
                tries++;
                _ = Native.DRMIsActivated(copy, 0, IntPtr.Zero);
                if (tries < n)
                {
                    goto retry;
                }

                Console.WriteLine(tries);
            }
        }
        """, """
        using System;
        using MsDrm;

        class C
        {
            void M(uint session, int n)
            {
                int tries = 0;
                DrmException.ThrowIfFailed(Native.DRMDuplicateSession(session, out uint copy));
                try
                {
                retry:
                    tries++;
                    _ = Native.DRMIsActivated(copy, 0, IntPtr.Zero);
                    if (tries < n)
                    {
                        goto retry;
                    }
                }
                finally
                {
                    Native.DRMCloseSession(copy);
                }

                Console.WriteLine(tries);
            }
        }
        """, equivalenceKey: FixKinds.CloseInFinally);

    [Fact]
    public Task CreatedInLockHeader_CallMovesToALocal() => Verify.VerifyAsync("""
        using System;

        class C
        {
            object Gate(int hr) => this;

            void M(uint session)
            {
                lock (Gate({|MSDRM001:Native.DRMDuplicateSession(session, out uint copy)|}))
                {
                    _ = Native.DRMIsActivated(copy, 0, IntPtr.Zero);
                }
            }
        }
        """, """
        using System;

        class C
        {
            object Gate(int hr) => this;

            void M(uint session)
            {
                var hr = Native.DRMDuplicateSession(session, out uint copy);
                try
                {
                    lock (Gate(hr))
                    {
                        _ = Native.DRMIsActivated(copy, 0, IntPtr.Zero);
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
    public Task RetryLoopInDoCondition_BlockAfterTheLoop() => Verify.VerifyAsync("""
        using System;

        class C
        {
            void M(uint session)
            {
                uint copy;
                do
                {
                    Console.WriteLine("try");
                }
                while ({|MSDRM001:Native.DRMDuplicateSession(session, out copy)|} < 0);
                _ = Native.DRMIsActivated(copy, 0, IntPtr.Zero);
            }
        }
        """, """
        using System;
        using MsDrm;

        class C
        {
            void M(uint session)
            {
                uint copy;
                do
                {
                    Console.WriteLine("try");
                }
                while (Native.DRMDuplicateSession(session, out copy) < 0);
                using (SafeDrmSessionHandle.Adopt(copy))
                {
                    _ = Native.DRMIsActivated(copy, 0, IntPtr.Zero);
                }
            }
        }
        """, equivalenceKey: FixKinds.AdoptInUsing);
}
