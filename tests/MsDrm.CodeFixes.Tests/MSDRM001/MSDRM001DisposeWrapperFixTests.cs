using MsDrm.CodeFixes.Tests.Infrastructure;
using Verify = MsDrm.CodeFixes.Tests.Infrastructure.DrmCodeFixTest<MsDrm.CodeFixes.MSDRM001HandleNotClosedCodeFixProvider>;

namespace MsDrm.CodeFixes.Tests.MSDRM001;

/// <summary>MSDRM001 on a SafeDrm*Handle: using var, or a using block up to the last use.</summary>
public class MSDRM001DisposeWrapperFixTests
{
    [Fact]
    public Task UsingDeclaration_KeepsComments() => Verify.VerifyAsync("""
        using System;
        using MsDrm;

        class C
        {
            void M(SafeDrmSessionHandle session)
            {
                // Work on a copy.
                var copy = {|MSDRM001:session.Duplicate()|}; // owned
                Console.WriteLine(copy.Value);
            }
        }
        """, """
        using System;
        using MsDrm;

        class C
        {
            void M(SafeDrmSessionHandle session)
            {
                // Work on a copy.
                using var copy = session.Duplicate(); // owned
                Console.WriteLine(copy.Value);
            }
        }
        """);

    [Fact]
    public Task AdoptedWrapper_ExplicitType() => Verify.VerifyAsync("""
        using MsDrm;

        class C
        {
            uint M(uint raw)
            {
                SafeDrmHandle owner = {|MSDRM001:SafeDrmHandle.Adopt(raw)|};
                return owner.Value;
            }
        }
        """, """
        using MsDrm;

        class C
        {
            uint M(uint raw)
            {
                using SafeDrmHandle owner = SafeDrmHandle.Adopt(raw);
                return owner.Value;
            }
        }
        """);

    [Fact]
    public Task SwitchSection_UsingBlock_HoistsLaterDeclaration() => Verify.VerifyAsync("""
        using System;
        using MsDrm;

        class C
        {
            void M(int mode, SafeDrmSessionHandle session)
            {
                switch (mode)
                {
                    case 1:
                        var copy = {|MSDRM001:session.Duplicate()|};
                        var value = copy.Value;
                        Console.WriteLine(copy.IsInvalid);
                        Console.WriteLine(value);
                        break;
                    default:
                        break;
                }
            }
        }
        """, """
        using System;
        using MsDrm;

        class C
        {
            void M(int mode, SafeDrmSessionHandle session)
            {
                switch (mode)
                {
                    case 1:
                        uint value;
                        using (var copy = session.Duplicate())
                        {
                            value = copy.Value;
                            Console.WriteLine(copy.IsInvalid);
                        }
                        Console.WriteLine(value);
                        break;
                    default:
                        break;
                }
            }
        }
        """);

    [Fact]
    public Task DroppedDuplicate_EmptyUsingBlock() => Verify.VerifyAsync("""
        using MsDrm;

        class C
        {
            void M(SafeDrmSessionHandle session)
            {
                {|MSDRM001:session.Duplicate()|};
            }
        }
        """, """
        using MsDrm;

        class C
        {
            void M(SafeDrmSessionHandle session)
            {
                using (session.Duplicate())
                {
                }
            }
        }
        """);

    [Fact]
    public Task DroppedAdopt_SpansUsesOfRawHandle() => Verify.VerifyAsync("""
        using System;
        using MsDrm;

        class C
        {
            void M(uint raw)
            {
                {|MSDRM001:SafeDrmPubHandle.Adopt(raw)|};
                Console.WriteLine(raw);
                _ = Native.DRMAddRightWithUser(raw, 0, 0);
                Console.WriteLine("done");
            }
        }
        """, """
        using System;
        using MsDrm;

        class C
        {
            void M(uint raw)
            {
                using (SafeDrmPubHandle.Adopt(raw))
                {
                    Console.WriteLine(raw);
                    _ = Native.DRMAddRightWithUser(raw, 0, 0);
                }
                Console.WriteLine("done");
            }
        }
        """);

    [Fact]
    public Task AssignmentToExistingLocal_UsingAssignment() => Verify.VerifyAsync("""
        using System;
        using MsDrm;

        class C
        {
            void M(SafeDrmSessionHandle session)
            {
                SafeDrmSessionHandle copy;
                Console.WriteLine("before");
                copy = {|MSDRM001:session.Duplicate()|};
                Console.WriteLine(copy.Value);
                Console.WriteLine("after");
            }
        }
        """, """
        using System;
        using MsDrm;

        class C
        {
            void M(SafeDrmSessionHandle session)
            {
                SafeDrmSessionHandle copy;
                Console.WriteLine("before");
                using (copy = session.Duplicate())
                {
                    Console.WriteLine(copy.Value);
                }
                Console.WriteLine("after");
            }
        }
        """);

    [Fact]
    public Task NestedLoopAndIf() => Verify.VerifyAsync("""
        using System;
        using MsDrm;

        class C
        {
            void M(SafeDrmSessionHandle[] sessions)
            {
                foreach (var session in sessions)
                {
                    if (!session.IsInvalid)
                    {
                        var copy = {|MSDRM001:session.Duplicate()|};
                        Console.WriteLine(copy.Value);
                    }
                }
            }
        }
        """, """
        using System;
        using MsDrm;

        class C
        {
            void M(SafeDrmSessionHandle[] sessions)
            {
                foreach (var session in sessions)
                {
                    if (!session.IsInvalid)
                    {
                        using var copy = session.Duplicate();
                        Console.WriteLine(copy.Value);
                    }
                }
            }
        }
        """);

    [Fact]
    public Task TopLevelStatements() => Verify.VerifyAsync("""
        using System;
        using MsDrm;

        var session = {|MSDRM001:SafeDrmSessionHandle.Adopt(1)|};
        Console.WriteLine(session.Value);
        """, """
        using System;
        using MsDrm;

        using var session = SafeDrmSessionHandle.Adopt(1);
        Console.WriteLine(session.Value);
        """, executable: true);

    [Fact]
    public Task ExpressionBodiedMember_BecomesBlock() => Verify.VerifyAsync("""
        using MsDrm;

        class C
        {
            void M(SafeDrmSessionHandle session) => {|MSDRM001:session.Duplicate()|};
        }
        """, """
        using MsDrm;

        class C
        {
            void M(SafeDrmSessionHandle session)
            {
                using (session.Duplicate())
                {
                }
            }
        }
        """);

    [Fact]
    public Task LocalFunction() => Verify.VerifyAsync("""
        using System;
        using MsDrm;

        class C
        {
            void M(SafeDrmSessionHandle session)
            {
                Print();

                void Print()
                {
                    var copy = {|MSDRM001:session.Duplicate()|};
                    Console.WriteLine(copy.Value);
                }
            }
        }
        """, """
        using System;
        using MsDrm;

        class C
        {
            void M(SafeDrmSessionHandle session)
            {
                Print();

                void Print()
                {
                    using var copy = session.Duplicate();
                    Console.WriteLine(copy.Value);
                }
            }
        }
        """);

    [Fact]
    public Task LambdaBlockBody() => Verify.VerifyAsync("""
        using System;
        using MsDrm;

        class C
        {
            Action M(SafeDrmSessionHandle session)
            {
                return () =>
                {
                    var copy = {|MSDRM001:session.Duplicate()|};
                    Console.WriteLine(copy.Value);
                };
            }
        }
        """, """
        using System;
        using MsDrm;

        class C
        {
            Action M(SafeDrmSessionHandle session)
            {
                return () =>
                {
                    using var copy = session.Duplicate();
                    Console.WriteLine(copy.Value);
                };
            }
        }
        """);

    [Fact]
    public Task SeveralWrappersInOneMethod() => Verify.VerifyAsync("""
        using System;
        using MsDrm;

        class C
        {
            void M(SafeDrmSessionHandle session, SafeDrmEnvironmentHandle environment)
            {
                var first = {|MSDRM001:session.Duplicate()|};
                var second = {|MSDRM001:environment.Duplicate()|};
                Console.WriteLine(first.Value + second.Value);
                var third = {|MSDRM001:SafeDrmQueryHandle.Adopt(first.Value)|};
                Console.WriteLine(third.IsInvalid);
            }
        }
        """, """
        using System;
        using MsDrm;

        class C
        {
            void M(SafeDrmSessionHandle session, SafeDrmEnvironmentHandle environment)
            {
                using var first = session.Duplicate();
                using var second = environment.Duplicate();
                Console.WriteLine(first.Value + second.Value);
                using var third = SafeDrmQueryHandle.Adopt(first.Value);
                Console.WriteLine(third.IsInvalid);
            }
        }
        """);

    [Fact]
    public Task EmbeddedStatement_GetsBraces() => Verify.VerifyAsync("""
        using System;
        using MsDrm;

        class C
        {
            void M(bool copyIt, SafeDrmSessionHandle session)
            {
                if (copyIt)
                    {|MSDRM001:session.Duplicate()|};
                Console.WriteLine("x");
            }
        }
        """, """
        using System;
        using MsDrm;

        class C
        {
            void M(bool copyIt, SafeDrmSessionHandle session)
            {
                if (copyIt)
                {
                    using (session.Duplicate())
                    {
                    }
                }
                Console.WriteLine("x");
            }
        }
        """);

    [Fact]
    public Task FixAll_SeveralMethods() => Verify.VerifyAsync("""
        using System;
        using MsDrm;

        class C
        {
            int M(SafeDrmSessionHandle session, int n)
            {
                int total = 0;
                for (int i = 0; i < n; i++)
                {
                    var copy = {|MSDRM001:session.Duplicate()|};
                    total += (int)copy.Value;
                }

                return total;
            }

            void N(SafeDrmSessionHandle session)
            {
                var copy = {|MSDRM001:session.Duplicate()|};
                Console.WriteLine(copy.IsClosed);
            }
        }
        """, """
        using System;
        using MsDrm;

        class C
        {
            int M(SafeDrmSessionHandle session, int n)
            {
                int total = 0;
                for (int i = 0; i < n; i++)
                {
                    using var copy = session.Duplicate();
                    total += (int)copy.Value;
                }

                return total;
            }

            void N(SafeDrmSessionHandle session)
            {
                using var copy = session.Duplicate();
                Console.WriteLine(copy.IsClosed);
            }
        }
        """);

    [Fact]
    public Task SwitchSection_HoistsMultipleDeclaratorsAndConst() => Verify.VerifyAsync("""
        using System;
        using MsDrm;

        class C
        {
            void M(int mode, SafeDrmSessionHandle session)
            {
                switch (mode)
                {
                    case 2:
                        var copy = {|MSDRM001:session.Duplicate()|};
                        uint value = copy.Value, other = 2;
                        const int Offset = 1;
                        Console.WriteLine(copy.IsInvalid);
                        Console.WriteLine(value + other + Offset);
                        break;
                }
            }
        }
        """, """
        using System;
        using MsDrm;

        class C
        {
            void M(int mode, SafeDrmSessionHandle session)
            {
                switch (mode)
                {
                    case 2:
                        uint value, other;
                        const int Offset = 1;
                        using (var copy = session.Duplicate())
                        {
                            value = copy.Value;
                            other = 2;
                            Console.WriteLine(copy.IsInvalid);
                        }
                        Console.WriteLine(value + other + Offset);
                        break;
                }
            }
        }
        """);
}
