using MsDrm.Analyzers.Rules;
using Xunit;
using static MsDrm.Analyzers.Tests.Spec.SpecPrograms;

namespace MsDrm.Analyzers.Tests.MSDRM002;

/// <summary>
/// DESIGN, MSDRM002: "A path that leaves the method on the failure side of another HRESULT's success
/// test (it returns or throws an error already, as in <c>if (hr1 &lt; 0 || hr2 &lt; 0) return hr1 &lt; 0 ?
/// hr1 : hr2;</c>) does not count for the unread one." Each wrong case is paired with its correct twin:
/// the test that excuses must be a failure side, and of another HRESULT (not a count or a flag).
/// </summary>
public sealed class MSDRM002FailureSideTests
{
    private static Task Members(string members) => Verify<MSDRM002HresultIgnoredAnalyzer>(InMethod(string.Empty, members));

    [Fact]
    public Task Correct_the_design_example_returns_the_first_failure() => Members("""
            private static int Two(uint session)
            {
                int hr1 = Native.DRMIsActivated(session, 1, IntPtr.Zero);
                int hr2 = Native.DRMIsActivated(session, 2, IntPtr.Zero);
                if (hr1 < 0 || hr2 < 0) return hr1 < 0 ? hr1 : hr2;
                return 0;
            }
        """);

    [Fact]
    public Task Wrong_a_count_test_is_no_failure_side() => Members("""
            private static int Two(uint session, int count)
            {
                int hr2 = {|MSDRM002:Native.DRMIsActivated(session, 2, IntPtr.Zero)|};
                if (count < 0 || hr2 < 0) return count;
                return 0;
            }
        """);

    [Fact]
    public Task Correct_a_void_method_returns_on_the_failure_side() => Members("""
            private static void Two(uint session)
            {
                int hr1 = Native.DRMIsActivated(session, 1, IntPtr.Zero);
                int hr2 = Native.DRMIsActivated(session, 2, IntPtr.Zero);
                if (hr1 < 0 || hr2 < 0) return;
                Console.WriteLine("both succeeded");
            }
        """);

    [Fact]
    public Task Wrong_leaving_on_the_success_side_drops_the_other() => Members("""
            private static int Two(uint session)
            {
                int hr1 = Native.DRMIsActivated(session, 1, IntPtr.Zero);
                int hr2 = {|MSDRM002:Native.DRMIsActivated(session, 2, IntPtr.Zero)|};
                if (hr1 >= 0) return 0;
                return hr2;
            }
        """);

    [Fact]
    public Task Correct_leaving_on_the_failure_side_then_returning_the_other() => Members("""
            private static int Two(uint session)
            {
                int hr1 = Native.DRMIsActivated(session, 1, IntPtr.Zero);
                int hr2 = Native.DRMIsActivated(session, 2, IntPtr.Zero);
                if (hr1 < 0) return hr1;
                return hr2;
            }
        """);

    [Fact]
    public Task Correct_throwing_on_the_failure_side() => Members("""
            private static void Two(uint session)
            {
                int hr1 = Native.DRMIsActivated(session, 1, IntPtr.Zero);
                int hr2 = Native.DRMIsActivated(session, 2, IntPtr.Zero);
                if (hr1 < 0 || hr2 < 0) throw new InvalidOperationException("activation failed");
            }
        """);

    [Fact]
    public Task Wrong_throwing_on_a_flag_test() => Members("""
            private static void Two(uint session, bool strict)
            {
                int hr2 = {|MSDRM002:Native.DRMIsActivated(session, 2, IntPtr.Zero)|};
                if (strict) throw new InvalidOperationException("strict");
                Console.WriteLine(hr2);
            }
        """);

    [Fact]
    public Task Correct_a_switch_case_label_is_a_failure_side() => Members("""
            private static int Two(uint session)
            {
                int hr1 = Native.DRMIsActivated(session, 1, IntPtr.Zero);
                int hr2 = Native.DRMIsActivated(session, 2, IntPtr.Zero);
                switch (hr1)
                {
                    case < 0:
                        return hr1;
                }

                return hr2;
            }
        """);

    [Fact]
    public Task Wrong_a_switch_on_a_count_is_no_failure_side() => Members("""
            private static int Two(uint session, int count)
            {
                int hr2 = {|MSDRM002:Native.DRMIsActivated(session, 2, IntPtr.Zero)|};
                switch (count)
                {
                    case < 0:
                        return count;
                }

                return hr2;
            }
        """);

    [Fact]
    public Task Correct_a_failed_helper_and_a_direct_call_test() => Members("""
            private static bool FAILED(int hr) => hr < 0;

            private static int Two(uint session)
            {
                int hr2 = Native.DRMIsActivated(session, 2, IntPtr.Zero);
                if (Native.DRMIsActivated(session, 1, IntPtr.Zero) < 0) return -1;
                int hr3 = Native.DRMIsActivated(session, 3, IntPtr.Zero);
                if (FAILED(hr3)) return hr3;
                return hr2;
            }
        """);

    [Fact]
    public Task Wrong_an_overwrite_on_the_failure_side_still_drops_the_value() => Members("""
            private static int Two(uint session)
            {
                int hr1 = Native.DRMIsActivated(session, 1, IntPtr.Zero);
                int hr2 = {|MSDRM002:Native.DRMIsActivated(session, 2, IntPtr.Zero)|};
                if (hr1 < 0)
                {
                    hr2 = Native.DRMIsActivated(session, 3, IntPtr.Zero);
                    return hr1 < 0 ? hr1 : hr2;
                }

                return hr2;
            }
        """);

    [Fact]
    public Task Correct_a_test_of_the_stored_value_itself_excuses_nothing_but_reads_it() => Members("""
            private static int One(uint session)
            {
                int hr = Native.DRMIsActivated(session, 1, IntPtr.Zero);
                if (hr < 0) return -1;
                return 0;
            }
        """);
}
