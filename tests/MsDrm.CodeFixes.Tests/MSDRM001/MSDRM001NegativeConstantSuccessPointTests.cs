using MsDrm.CodeFixes.Tests.Infrastructure;
using Verify = MsDrm.CodeFixes.Tests.Infrastructure.DrmCodeFixTest<MsDrm.CodeFixes.MSDRM001HandleNotClosedCodeFixProvider>;

namespace MsDrm.CodeFixes.Tests.MSDRM001;

/// <summary>
/// MSDRM001 on a raw handle whose HRESULT is compared with a negative constant (an E_DRM_* value):
/// the equal side is a failure side, so the using block starts after <c>if (hr == E) break;</c>
/// and spans every later use of the handle.
/// </summary>
public class MSDRM001NegativeConstantSuccessPointTests
{
    [Fact]
    public Task EqualsConstField_BreakThenUses_BlockStartsAfterTest() => Verify.VerifyAsync("""
        using System;

        class C
        {
            const int E_DRM_NO_MORE_DATA = unchecked((int)0x8004CF33);

            void M(uint license, uint right)
            {
                for (uint index = 0; ; index++)
                {
                    int hr = {|MSDRM001:Native.DRMGetUsers(license, index, out uint user)|};
                    if (hr == E_DRM_NO_MORE_DATA)
                    {
                        break;
                    }

                    hr = Native.DRMAddRightWithUser(license, right, user);
                    Console.WriteLine(hr);
                }
            }
        }
        """, """
        using System;
        using MsDrm;

        class C
        {
            const int E_DRM_NO_MORE_DATA = unchecked((int)0x8004CF33);

            void M(uint license, uint right)
            {
                for (uint index = 0; ; index++)
                {
                    int hr = Native.DRMGetUsers(license, index, out uint user);
                    if (hr == E_DRM_NO_MORE_DATA)
                    {
                        break;
                    }

                    using (SafeDrmPubHandle.Adopt(user))
                    {
                        hr = Native.DRMAddRightWithUser(license, right, user);
                    }
                    Console.WriteLine(hr);
                }
            }
        }
        """, equivalenceKey: FixKinds.AdoptInUsing);

    [Fact]
    public Task EqualsLiteral_Return_BlockStartsAfterTest() => Verify.VerifyAsync("""
        using System;
        using MsDrm;

        class C
        {
            void M(uint license, uint right)
            {
                int hr = {|MSDRM001:Native.DRMGetUsers(license, 0, out uint user)|};
                if (hr == -2147168461) return;
                _ = Native.DRMAddRightWithUser(license, right, user);
            }
        }
        """, """
        using System;
        using MsDrm;

        class C
        {
            void M(uint license, uint right)
            {
                int hr = Native.DRMGetUsers(license, 0, out uint user);
                if (hr == -2147168461) return;
                using (SafeDrmPubHandle.Adopt(user))
                {
                    _ = Native.DRMAddRightWithUser(license, right, user);
                }
            }
        }
        """, equivalenceKey: FixKinds.AdoptInUsing);

    [Fact]
    public Task EqualsLocalConst_Continue_BlockStartsAfterTest() => Verify.VerifyAsync("""
        using MsDrm;

        class C
        {
            void M(uint license, uint right)
            {
                const int NoMoreData = unchecked((int)0x8004CF33);
                for (uint index = 0; index < 10; index++)
                {
                    int hr = {|MSDRM001:Native.DRMGetUsers(license, index, out uint user)|};
                    if (NoMoreData == hr)
                    {
                        continue;
                    }

                    _ = Native.DRMAddRightWithUser(license, right, user);
                }
            }
        }
        """, """
        using MsDrm;

        class C
        {
            void M(uint license, uint right)
            {
                const int NoMoreData = unchecked((int)0x8004CF33);
                for (uint index = 0; index < 10; index++)
                {
                    int hr = Native.DRMGetUsers(license, index, out uint user);
                    if (NoMoreData == hr)
                    {
                        continue;
                    }

                    using (SafeDrmPubHandle.Adopt(user))
                    {
                        _ = Native.DRMAddRightWithUser(license, right, user);
                    }
                }
            }
        }
        """, equivalenceKey: FixKinds.AdoptInUsing);

    [Fact]
    public Task EqualsEnumMember_Throw_BlockStartsAfterTest() => Verify.VerifyAsync("""
        using System;
        using MsDrm;

        enum DrmError
        {
            NoMoreData = unchecked((int)0x8004CF33),
        }

        class C
        {
            void M(uint license, uint right)
            {
                int hr = {|MSDRM001:Native.DRMGetUsers(license, 0, out uint user)|};
                if (hr == (int)DrmError.NoMoreData)
                {
                    throw new InvalidOperationException("no user");
                }

                _ = Native.DRMAddRightWithUser(license, right, user);
            }
        }
        """, """
        using System;
        using MsDrm;

        enum DrmError
        {
            NoMoreData = unchecked((int)0x8004CF33),
        }

        class C
        {
            void M(uint license, uint right)
            {
                int hr = Native.DRMGetUsers(license, 0, out uint user);
                if (hr == (int)DrmError.NoMoreData)
                {
                    throw new InvalidOperationException("no user");
                }

                using (SafeDrmPubHandle.Adopt(user))
                {
                    _ = Native.DRMAddRightWithUser(license, right, user);
                }
            }
        }
        """, equivalenceKey: FixKinds.AdoptInUsing);

    [Fact]
    public Task NotEqualsConst_BlockInsideThenBranch() => Verify.VerifyAsync("""
        using MsDrm;

        class C
        {
            const int E_DRM_NO_MORE_DATA = unchecked((int)0x8004CF33);

            void M(uint license, uint right)
            {
                int hr = {|MSDRM001:Native.DRMGetUsers(license, 0, out uint user)|};
                if (hr != E_DRM_NO_MORE_DATA)
                {
                    _ = Native.DRMAddRightWithUser(license, right, user);
                }
            }
        }
        """, """
        using MsDrm;

        class C
        {
            const int E_DRM_NO_MORE_DATA = unchecked((int)0x8004CF33);

            void M(uint license, uint right)
            {
                int hr = Native.DRMGetUsers(license, 0, out uint user);
                if (hr != E_DRM_NO_MORE_DATA)
                {
                    using (SafeDrmPubHandle.Adopt(user))
                    {
                        _ = Native.DRMAddRightWithUser(license, right, user);
                    }
                }
            }
        }
        """, equivalenceKey: FixKinds.AdoptInUsing);

    [Fact]
    public Task EqualsConst_WithElse_BlockInsideElseBranch() => Verify.VerifyAsync("""
        using System;
        using MsDrm;

        class C
        {
            const int E_DRM_NO_MORE_DATA = unchecked((int)0x8004CF33);

            void M(uint license, uint right)
            {
                int hr = {|MSDRM001:Native.DRMGetUsers(license, 0, out uint user)|};
                if (hr == E_DRM_NO_MORE_DATA)
                {
                    Console.WriteLine("none");
                }
                else
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
            const int E_DRM_NO_MORE_DATA = unchecked((int)0x8004CF33);

            void M(uint license, uint right)
            {
                int hr = Native.DRMGetUsers(license, 0, out uint user);
                if (hr == E_DRM_NO_MORE_DATA)
                {
                    Console.WriteLine("none");
                }
                else
                {
                    using (SafeDrmPubHandle.Adopt(user))
                    {
                        _ = Native.DRMAddRightWithUser(license, right, user);
                    }
                }
            }
        }
        """, equivalenceKey: FixKinds.AdoptInUsing);
}
