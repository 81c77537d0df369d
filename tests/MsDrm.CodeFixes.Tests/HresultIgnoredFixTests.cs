using MsDrm.CodeFixes.Tests.Infrastructure;
using Verify = MsDrm.CodeFixes.Tests.Infrastructure.DrmCodeFixTest<MsDrm.CodeFixes.HresultIgnoredCodeFixProvider>;

namespace MsDrm.CodeFixes.Tests;

public class HresultIgnoredFixTests
{
    [Fact]
    public Task ExpressionStatement_IsWrappedInThrowIfFailed() => Verify.VerifyAsync("""
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
}
