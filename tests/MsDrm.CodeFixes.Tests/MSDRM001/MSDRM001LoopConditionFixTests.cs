using Verify = MsDrm.CodeFixes.Tests.Infrastructure.DrmCodeFixTest<MsDrm.CodeFixes.MSDRM001HandleNotClosedCodeFixProvider>;

namespace MsDrm.CodeFixes.Tests.MSDRM001;

/// <summary>Handles created in a loop condition: each iteration's handle is closed in the body.</summary>
public class MSDRM001LoopConditionFixTests
{
    [Fact]
    public Task RawHandleInWhileCondition() => Verify.VerifyAsync("""
        using MsDrm;

        class C
        {
            void M(uint license, uint right)
            {
                uint index = 0;
                while ({|MSDRM001:Native.DRMGetUsers(license, index++, out uint user)|} >= 0)
                {
                    DrmException.ThrowIfFailed(Native.DRMAddRightWithUser(license, right, user));
                }
            }
        }
        """, """
        using MsDrm;

        class C
        {
            void M(uint license, uint right)
            {
                uint index = 0;
                while (Native.DRMGetUsers(license, index++, out uint user) >= 0)
                {
                    using (SafeDrmPubHandle.Adopt(user))
                    {
                        DrmException.ThrowIfFailed(Native.DRMAddRightWithUser(license, right, user));
                    }
                }
            }
        }
        """);

    [Fact]
    public Task WrapperOutArgumentInWhileCondition() => Verify.VerifyAsync("""
        using System;
        using MsDrm;

        class C
        {
            void M(uint raw)
            {
                uint index = 0;
                using (SafeDrmPubHandle license = SafeDrmPubHandle.Adopt(raw))
                {
                    while ({|MSDRM001:SafeDrmPubHandle.TryGetUser(license, index++, out SafeDrmPubHandle user)|})
                    {
                        Console.WriteLine(user.IsInvalid);
                    }
                }
            }
        }
        """, """
        using System;
        using MsDrm;

        class C
        {
            void M(uint raw)
            {
                uint index = 0;
                using (SafeDrmPubHandle license = SafeDrmPubHandle.Adopt(raw))
                {
                    while (SafeDrmPubHandle.TryGetUser(license, index++, out SafeDrmPubHandle user))
                    {
                        using (user)
                        {
                            Console.WriteLine(user.IsInvalid);
                        }
                    }
                }
            }
        }
        """);
}
