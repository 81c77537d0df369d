using MsDrm.Analyzers.Rules;
using Xunit;
using static MsDrm.Analyzers.Tests.Spec.SpecPrograms;

namespace MsDrm.Analyzers.Tests.MSDRM001;

/// <summary>
/// More success-side programs: what is and is not a "negative constant", enum comparisons, goto to a
/// failure label, nested creations under success tests.
/// </summary>
public sealed class MSDRM001SuccessEdgeTests
{
    private const string Members = """
            private const int E_DRM_NO_MORE_DATA = unchecked((int)0x8004CF33);
            private static readonly int s_noMoreData = unchecked((int)0x8004CF33);
            private static bool FAILED(int hr) => hr < 0;
        """;

    private const string Types = """
        internal enum DrmError
        {
            None = 0,
            E_DRM_NO_MORE_DATA = unchecked((int)0x8004CF33),
        }
        """;

    private static Task V(string body) => Verify<MSDRM001HandleNotClosedAnalyzer>(InMethod(body, Members, Types));

    // "comparing with a negative constant (a literal, const or enum member ...)": a static readonly
    // field is not a constant, so its equal side is not known to be a failure side.
    [Fact]
    public Task Success_side_static_readonly_is_not_a_constant() => V("""
            int hr = {|MSDRM001:Native.DRMGetUsers(license, 0, out uint user)|};
            if (hr == s_noMoreData) return;
            Native.DRMClosePubHandle(user);
        """);

    [Fact]
    public Task Success_side_enum_comparison_without_int_cast_is_silent() => V("""
            int hr = Native.DRMGetUsers(license, 0, out uint user);
            if ((DrmError)hr == DrmError.E_DRM_NO_MORE_DATA) return;
            Native.DRMClosePubHandle(user);
        """);

    // An enum member equal to 0 is not negative: returning on its equal side leaks the handle.
    [Fact]
    public Task Success_side_enum_member_zero_is_not_a_failure_side() => V("""
            int hr = {|MSDRM001:Native.DRMGetUsers(license, 0, out uint user)|};
            if (hr == (int)DrmError.None) return;
            Native.DRMClosePubHandle(user);
        """);

    [Fact]
    public Task Success_side_negative_const_in_or_chain_returns_is_silent() => V("""
            int hr = Native.DRMGetUsers(license, 0, out uint user);
            if (hr == E_DRM_NO_MORE_DATA || hr < 0) return;
            Native.DRMClosePubHandle(user);
        """);

    [Fact]
    public Task Success_side_FAILED_goto_failure_label_is_silent() => V("""
            int hr = Native.DRMDuplicateSession(session, out uint copy);
            if (FAILED(hr)) goto fail;
            Native.DRMCloseSession(copy);
            return;
            fail:
            Console.WriteLine(hr);
        """);

    [Fact]
    public Task Success_side_nested_creations_all_closed_is_silent() => V("""
            if (Native.DRMParseUnboundLicense("cert", out uint root) >= 0)
            {
                if (Native.DRMGetUnboundLicenseObject(root, "ISSUER", 0, out uint issuer) >= 0)
                {
                    Native.DRMCloseQueryHandle(issuer);
                }

                Native.DRMCloseQueryHandle(root);
            }
        """);

    [Fact]
    public Task Success_side_nested_inner_leak_is_reported() => V("""
            if (Native.DRMParseUnboundLicense("cert", out uint root) >= 0)
            {
                if ({|MSDRM001:Native.DRMGetUnboundLicenseObject(root, "ISSUER", 0, out uint issuer)|} >= 0)
                {
                    Native.DRMGetUnboundLicenseObjectCount(issuer, "x", out uint count);
                }

                Native.DRMCloseQueryHandle(root);
            }
        """);

    [Fact]
    public Task Success_side_else_throw_is_silent() => V("""
            int hr = Native.DRMDuplicateSession(session, out uint copy);
            if (hr >= 0)
            {
                Native.DRMCloseSession(copy);
            }
            else
            {
                throw new DrmException(hr);
            }
        """);

    [Fact]
    public Task Success_side_ThrowIfFailed_after_branching_code_is_silent() => V("""
            int hr = Native.DRMDuplicateSession(session, out uint copy);
            Console.WriteLine(n > 0 ? "a" : "b");
            DrmException.ThrowIfFailed(hr);
            Native.DRMCloseSession(copy);
        """);

    [Fact]
    public Task Success_side_early_return_on_unrelated_condition_after_success_test_is_reported() => V("""
            int hr = {|MSDRM001:Native.DRMDuplicateSession(session, out uint copy)|};
            if (hr < 0) return;
            if (n == 0) return;
            Native.DRMCloseSession(copy);
        """);

    // A switch statement's relational pattern is the same success test as `hr is < 0`.
    [Fact]
    public Task Success_side_switch_statement_relational_case_return_is_silent() => V("""
            int hr = Native.DRMDuplicateSession(session, out uint copy);
            switch (hr)
            {
                case < 0:
                    return;
            }

            Native.DRMCloseSession(copy);
        """);

    [Fact]
    public Task Success_side_pattern_or_combination_return_is_silent() => V("""
            int hr = Native.DRMDuplicateSession(session, out uint copy);
            if (hr is < 0 or E_DRM_NO_MORE_DATA) return;
            Native.DRMCloseSession(copy);
        """);

    [Fact]
    public Task Success_side_while_FAILED_retry_loop_is_silent() => V("""
            uint copy;
            while (FAILED(Native.DRMDuplicateSession(session, out copy)))
            {
                Console.WriteLine("retry");
            }

            Native.DRMCloseSession(copy);
        """);

    [Fact]
    public Task Success_side_wrapper_Duplicate_of_environment_not_disposed_is_reported() => V("""
            using var environment = SafeDrmEnvironmentHandle.Adopt(env);
            var copy = {|MSDRM001:environment.Duplicate()|};
            Console.WriteLine(copy.Value);
        """);
}
