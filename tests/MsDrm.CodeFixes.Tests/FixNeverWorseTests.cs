using MsDrm.CodeFixes.Tests.Infrastructure;
using Xunit.Abstractions;

namespace MsDrm.CodeFixes.Tests;

/// <summary>
/// Shapes where a fix once made code worse or was missing (issue 11, point 9): each must now get a
/// fix, and every offered fix (and Fix All) must remove its diagnostic without a new error or a new
/// MSDRM diagnostic. The fixed texts go to the test log.
/// </summary>
public class FixNeverWorseTests(ITestOutputHelper output)
{
    [Fact]
    public Task AdoptBlock_OverwriteInSequence() => Check("""
        using System;

        class C
        {
            void M(uint session)
            {
                Native.DRMDuplicateSession(session, out uint copy);
                _ = Native.DRMIsActivated(copy, 0, IntPtr.Zero);
                Native.DRMDuplicateSession(session, out copy);
                _ = Native.DRMIsActivated(copy, 0, IntPtr.Zero);
            }
        }
        """);

    /// <summary>
    /// The handle created at the end of a pass is read by the next pass before it is created again: a block
    /// closing it in this pass would be a use after close (MSDRM003), so that diagnostic gets no fix.
    /// </summary>
    [Fact]
    public Task AdoptBlock_OverwriteInLoop() => Check(noFixAt: ["MSDRM001 at 11,12"], source: """
        using System;

        class C
        {
            void M(uint session, int n)
            {
                uint copy;
                Native.DRMDuplicateSession(session, out copy);
                for (int i = 0; i < n; i++)
                {
                    _ = Native.DRMIsActivated(copy, 0, IntPtr.Zero);
                    Native.DRMDuplicateSession(session, out copy);
                }
            }
        }
        """);

    /// <summary>
    /// The bound license is made from the environment later and closed after the environment's last use:
    /// the environment's block spans that close (MSDRM005).
    /// </summary>
    [Fact]
    public Task ParentBlock_SpansChildMadeLater() => Check("""
        using System;

        class C
        {
            void M(string chain)
            {
                uint bound, log;
                if (Native.DRMInitEnvironment(0, 0, "p", "m", "c", out uint env, out uint lib) < 0)
                {
                    return;
                }

                Native.DRMCloseHandle(lib);
                if (Native.DRMCreateBoundLicense(env, IntPtr.Zero, chain, out bound, out log) < 0)
                {
                    return;
                }

                Native.DRMCloseHandle(log);
                Console.WriteLine(bound);
                Native.DRMCloseHandle(bound);
            }
        }
        """);

    /// <summary>The correct twin: closed in order, no diagnostic, so nothing to fix.</summary>
    [Fact]
    public Task ParentBlock_SpansChildMadeLater_Correct() => Check("""
        using System;

        class C
        {
            void M(string chain)
            {
                uint bound, log;
                if (Native.DRMInitEnvironment(0, 0, "p", "m", "c", out uint env, out uint lib) < 0)
                {
                    return;
                }

                Native.DRMCloseHandle(lib);
                if (Native.DRMCreateBoundLicense(env, IntPtr.Zero, chain, out bound, out log) < 0)
                {
                    return;
                }

                Native.DRMCloseHandle(log);
                Console.WriteLine(bound);
                Native.DRMCloseHandle(bound);

                Native.DRMCloseEnvironmentHandle(env);
            }
        }
        """);

    [Fact]
    public Task TwoHandles_InOneShortCircuitCondition() => Check("""
        using System;

        class C
        {
            void M(uint license)
            {
                if (Native.DRMCreateUser("a", "b", "c", out uint user) >= 0 && Native.DRMCreateRight("r", IntPtr.Zero, IntPtr.Zero, 0, null!, null!, out uint right) >= 0)
                {
                    _ = Native.DRMAddRightWithUser(license, right, user);
                }
            }
        }
        """);

    [Fact]
    public Task TwoHandles_TestedLateTogether() => Check("""
        using System;

        class C
        {
            void M(uint license)
            {
                int hr1 = Native.DRMCreateUser("a", "b", "c", out uint user);
                int hr2 = Native.DRMCreateRight("r", IntPtr.Zero, IntPtr.Zero, 0, null!, null!, out uint right);
                if (hr1 >= 0 && hr2 >= 0)
                {
                    _ = Native.DRMAddRightWithUser(license, right, user);
                }
            }
        }
        """);

    [Fact]
    public Task ExpressionBodiedMethod_WrapperDropped() => Check("""
        using MsDrm;

        class C
        {
            private readonly SafeDrmSessionHandle _session = null!;

            void M() => _session.Duplicate();
        }
        """);

    [Fact]
    public Task ExpressionBodiedProperty_WrapperCreatedAndUsed() => Check("""
        using MsDrm;

        class C
        {
            private readonly SafeDrmSessionHandle _session = null!;

            bool IsOpen => !_session.Duplicate().IsInvalid;
        }
        """);

    [Fact]
    public Task PropertyAccessor_RawHandle() => Check("""
        using System;

        class C
        {
            private uint _session;

            int Activated
            {
                get => Native.DRMDuplicateSession(_session, out uint copy) >= 0 ? Native.DRMIsActivated(copy, 0, IntPtr.Zero) : -1;
            }
        }
        """);

    [Fact]
    public Task RangeContainsLabel_TargetedFromAfterIt() => Check("""
        using System;

        class C
        {
            void M(uint session, int n)
            {
                int tries = 0;
                Native.DRMDuplicateSession(session, out uint copy);
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
        """);

    [Fact]
    public Task AdoptBlock_OverwriteInSequence_SecondClosed() => Check("""
        using System;

        class C
        {
            void M(uint session)
            {
                Native.DRMDuplicateSession(session, out uint copy);
                _ = Native.DRMIsActivated(copy, 0, IntPtr.Zero);
                Native.DRMDuplicateSession(session, out copy);
                _ = Native.DRMIsActivated(copy, 0, IntPtr.Zero);
                Native.DRMCloseSession(copy);
            }
        }
        """);

    [Fact]
    public Task CreatedInDoCondition() => Check("""
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
                while (Native.DRMDuplicateSession(session, out copy) < 0);
                _ = Native.DRMIsActivated(copy, 0, IntPtr.Zero);
            }
        }
        """);

    [Fact]
    public Task CreatedInForeachHeader() => Check("""
        using System;
        using System.Collections.Generic;

        class C
        {
            IEnumerable<int> Twice(int hr) { yield return hr; yield return hr; }

            void M(uint session)
            {
                foreach (int hr in Twice(Native.DRMDuplicateSession(session, out uint copy)))
                {
                    _ = Native.DRMIsActivated(copy, 0, IntPtr.Zero);
                }
            }
        }
        """);

    [Fact]
    public Task CreatedInUsingStatementHeader() => Check("""
        using System;
        using System.IO;

        class C
        {
            Stream Open(int hr) => Stream.Null;

            void M(uint session)
            {
                using (Open(Native.DRMDuplicateSession(session, out uint copy)))
                {
                    _ = Native.DRMIsActivated(copy, 0, IntPtr.Zero);
                }
            }
        }
        """);

    [Fact]
    public Task CreatedInLockHeader() => Check("""
        using System;

        class C
        {
            object Gate(int hr) => this;

            void M(uint session)
            {
                lock (Gate(Native.DRMDuplicateSession(session, out uint copy)))
                {
                    _ = Native.DRMIsActivated(copy, 0, IntPtr.Zero);
                }
            }
        }
        """);

    [Fact]
    public Task CreatedInFixedHeader() => Check("""
        using System;

        unsafe class C
        {
            int[] Buffer(int hr) => new int[1];

            void M(uint session)
            {
                fixed (int* p = Buffer(Native.DRMDuplicateSession(session, out uint copy)))
                {
                    _ = Native.DRMIsActivated(copy, 0, IntPtr.Zero);
                }
            }
        }
        """);

    [Fact]
    public Task SeveralDiagnostics_FixAll() => Check("""
        using System;
        using MsDrm;

        class C
        {
            void M(uint session, SafeDrmSessionHandle wrapper)
            {
                Native.DRMDuplicateSession(session, out uint first);
                Native.DRMDuplicateSession(session, out uint second);
                var third = wrapper.Duplicate();
                _ = Native.DRMIsActivated(first, 0, IntPtr.Zero);
                _ = Native.DRMIsActivated(second, 0, IntPtr.Zero);
                Native.DRMIsActivated(third.DangerousGetHandle() == IntPtr.Zero ? 0u : 1u, 0, IntPtr.Zero);
            }
        }
        """);

    /// <param name="noFixAt">Diagnostics ("MSDRM001 at line,column", zero-based) that must get no fix: the only failures allowed.</param>
    private async Task Check(string source, string[]? noFixAt = null)
    {
        var (failures, texts) = await FixContract.CheckAsync(source);
        foreach (string text in texts)
        {
            output.WriteLine(text);
        }

        Assert.Equal((noFixAt ?? []).Select(d => d + ": no fix offered"), failures);
    }
}
