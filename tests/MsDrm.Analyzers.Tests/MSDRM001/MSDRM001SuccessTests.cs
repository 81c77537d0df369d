using MsDrm.Analyzers.Rules;
using Xunit;
using static MsDrm.Analyzers.Tests.Spec.SpecPrograms;

namespace MsDrm.Analyzers.Tests.MSDRM001;

/// <summary>
/// docs/rules/MSDRM001.md ("When a handle exists"): "When that call's HRESULT is tested, the handle exists only on the
/// success side". Every program closes (or not) the handle only where the success test says it exists.
/// </summary>
public sealed class MSDRM001SuccessTests
{
    private const string Helpers = """
            private static bool SUCCEEDED(int hr) => hr >= 0;
            private static bool FAILED(int hr) => hr < 0;
            private static bool succeeded(int hr) => hr >= 0;
            private static bool Failed(int hr) => hr < 0;
            private const int E_DRM_NO_MORE_DATA = unchecked((int)0x8004CF33);
            private const int S_DRM_CONNECTED = 0x0004CF03;
        """;

    private const string HelperTypes = """
        internal static class Hr
        {
            public static bool Failed(int hr) => hr < 0;
            public static bool Succeeded(int hr) => hr >= 0;
        }

        internal static class HrExtensions
        {
            public static bool Succeeded(this int hr) => hr >= 0;
            public static bool Failed(this int hr) => hr < 0;
        }

        internal enum DrmError
        {
            E_DRM_NO_MORE_DATA = unchecked((int)0x8004CF33),
            E_DRM_INVALID_HANDLE = unchecked((int)0x8004CF1E),
        }
        """;

    private static Task V(string body) => Verify<MSDRM001HandleNotClosedAnalyzer>(InMethod(body, Helpers, HelperTypes));

    // hr >= 0 -------------------------------------------------------------------------------------

    [Fact]
    public Task Success_side_ge0_closed_inside_if_is_silent() => V("""
            int hr = Native.DRMDuplicateSession(session, out uint copy);
            if (hr >= 0)
            {
                Native.DRMIsActivated(copy, 0, IntPtr.Zero);
                Native.DRMCloseSession(copy);
            }
        """);

    [Fact]
    public Task Success_side_ge0_not_closed_is_reported() => V("""
            int hr = {|MSDRM001:Native.DRMDuplicateSession(session, out uint copy)|};
            if (hr >= 0)
            {
                Native.DRMIsActivated(copy, 0, IntPtr.Zero);
            }
        """);

    [Fact]
    public Task Success_side_ge0_closed_only_on_failure_side_is_reported() => V("""
            int hr = {|MSDRM001:Native.DRMDuplicateSession(session, out uint copy)|};
            if (hr >= 0)
            {
                Native.DRMIsActivated(copy, 0, IntPtr.Zero);
            }
            else
            {
                Native.DRMCloseSession(copy);
            }
        """);

    [Fact]
    public Task Success_side_ge0_with_var_and_inline_call_is_silent() => V("""
            if (Native.DRMDuplicateSession(session, out var copy) >= 0)
            {
                Native.DRMCloseSession(copy);
            }
        """);

    [Fact]
    public Task Success_side_zero_le_hr_reversed_operands_is_silent() => V("""
            var hr = Native.DRMCreateUser("a", "b", "c", out uint user);
            if (0 <= hr)
            {
                Native.DRMClosePubHandle(user);
            }
        """);

    [Fact]
    public Task Success_side_ge0_with_extra_condition_leaks_when_condition_false() => V("""
            int hr = {|MSDRM001:Native.DRMDuplicateSession(session, out uint copy)|};
            if (hr >= 0 && n > 0)
            {
                Native.DRMCloseSession(copy);
            }
        """);

    // hr < 0 return / throw -----------------------------------------------------------------------

    [Fact]
    public Task Success_side_after_lt0_return_is_silent() => V("""
            int hr = Native.DRMParseUnboundLicense("cert", out uint query);
            if (hr < 0)
            {
                return;
            }

            Native.DRMGetUnboundLicenseObjectCount(query, "x", out uint count);
            Native.DRMCloseQueryHandle(query);
        """);

    [Fact]
    public Task Success_side_after_lt0_throw_is_silent() => V("""
            int hr = Native.DRMParseUnboundLicense("cert", out uint query);
            if (hr < 0) throw new DrmException(hr);
            Native.DRMCloseQueryHandle(query);
        """);

    [Fact]
    public Task Success_side_after_lt0_return_but_not_closed_is_reported() => V("""
            int hr = {|MSDRM001:Native.DRMParseUnboundLicense("cert", out uint query)|};
            if (hr < 0) return;
            Native.DRMGetUnboundLicenseObjectCount(query, "x", out uint count);
        """);

    [Fact]
    public Task Success_side_zero_gt_hr_reversed_operands_return_is_silent() => V("""
            int hr = Native.DRMCreateRight("VIEW", IntPtr.Zero, IntPtr.Zero, 0, null, null, out uint right);
            if (0 > hr) return;
            Native.DRMClosePubHandle(right);
        """);

    [Fact]
    public Task Success_side_failure_branch_closes_and_returns_success_branch_leaks_is_reported() => V("""
            int hr = {|MSDRM001:Native.DRMDuplicateHandle(lib, out uint copy)|};
            if (hr < 0)
            {
                Native.DRMCloseHandle(copy);
                return;
            }
        """);

    // SUCCEEDED / FAILED helpers, any casing, static / extension ---------------------------------------

    [Fact]
    public Task Success_side_SUCCEEDED_macro_style_is_silent() => V("""
            int hr = Native.DRMDuplicatePubHandle(license, out uint copy);
            if (SUCCEEDED(hr))
            {
                Native.DRMClosePubHandle(copy);
            }
        """);

    [Fact]
    public Task Success_side_SUCCEEDED_not_closed_is_reported() => V("""
            int hr = {|MSDRM001:Native.DRMDuplicatePubHandle(license, out uint copy)|};
            if (SUCCEEDED(hr))
            {
                Native.DRMGetUsers(copy, 0, out uint user);
                Native.DRMClosePubHandle(user);
            }
        """);

    [Fact]
    public Task Success_side_FAILED_return_is_silent() => V("""
            int hr = Native.DRMDuplicatePubHandle(license, out uint copy);
            if (FAILED(hr)) return;
            Native.DRMClosePubHandle(copy);
        """);

    [Fact]
    public Task Success_side_not_FAILED_is_silent() => V("""
            int hr = Native.DRMDuplicatePubHandle(license, out uint copy);
            if (!FAILED(hr))
            {
                Native.DRMClosePubHandle(copy);
            }
        """);

    [Fact]
    public Task Success_side_lowercase_succeeded_is_silent() => V("""
            int hr = Native.DRMDuplicateEnvironmentHandle(env, out uint copy);
            if (succeeded(hr))
            {
                Native.DRMCloseEnvironmentHandle(copy);
            }
        """);

    [Fact]
    public Task Success_side_PascalCase_Failed_throw_is_silent() => V("""
            int hr = Native.DRMDuplicateEnvironmentHandle(env, out uint copy);
            if (Failed(hr))
            {
                throw new DrmException(hr);
            }

            Native.DRMCloseEnvironmentHandle(copy);
        """);

    [Fact]
    public Task Success_side_static_class_Hr_Failed_is_silent() => V("""
            int hr = Native.DRMLoadLibrary(env, 0, "provider", "creds", out uint library);
            if (Hr.Failed(hr)) return;
            Native.DRMCloseHandle(library);
        """);

    [Fact]
    public Task Success_side_static_class_Hr_Succeeded_is_silent() => V("""
            int hr = Native.DRMLoadLibrary(env, 0, "provider", "creds", out uint library);
            if (Hr.Succeeded(hr)) Native.DRMCloseHandle(library);
        """);

    [Fact]
    public Task Success_side_extension_hr_Succeeded_is_silent() => V("""
            int hr = Native.DRMCreateEnablingPrincipal(env, lib, "obj", IntPtr.Zero, "creds", out uint principal);
            if (hr.Succeeded())
            {
                Native.DRMCloseHandle(principal);
            }
        """);

    [Fact]
    public Task Success_side_extension_hr_Failed_return_is_silent() => V("""
            int hr = Native.DRMCreateEnablingPrincipal(env, lib, "obj", IntPtr.Zero, "creds", out uint principal);
            if (hr.Failed()) return;
            Native.DRMCloseHandle(principal);
        """);

    [Fact]
    public Task Success_side_extension_called_statically_is_silent() => V("""
            int hr = Native.DRMCreateEnablingPrincipal(env, lib, "obj", IntPtr.Zero, "creds", out uint principal);
            if (HrExtensions.Succeeded(hr)) Native.DRMCloseHandle(principal);
        """);

    [Fact]
    public Task Success_side_bool_method_with_other_name_is_not_a_success_test() => V("""
            int hr = {|MSDRM001:Native.DRMCreateEnablingPrincipal(env, lib, "obj", IntPtr.Zero, "creds", out uint principal)|};
            if (IsOk(hr)) Native.DRMCloseHandle(principal);
        """);

    [Fact]
    public Task Success_side_SUCCEEDED_with_inline_call_is_silent() => V("""
            if (SUCCEEDED(Native.DRMDuplicateSession(session, out uint copy)))
            {
                Native.DRMCloseSession(copy);
            }
        """);

    // Patterns -----------------------------------------------------------------------------------------

    [Fact]
    public Task Success_side_pattern_is_lt0_return_is_silent() => V("""
            int hr = Native.DRMDuplicateSession(session, out uint copy);
            if (hr is < 0) return;
            Native.DRMCloseSession(copy);
        """);

    [Fact]
    public Task Success_side_pattern_is_ge0_is_silent() => V("""
            int hr = Native.DRMDuplicateSession(session, out uint copy);
            if (hr is >= 0)
            {
                Native.DRMCloseSession(copy);
            }
        """);

    [Fact]
    public Task Success_side_pattern_is_ge0_not_closed_is_reported() => V("""
            int hr = {|MSDRM001:Native.DRMDuplicateSession(session, out uint copy)|};
            if (hr is >= 0)
            {
                Native.DRMIsActivated(copy, 0, IntPtr.Zero);
            }
        """);

    [Fact]
    public Task Success_side_pattern_is_not_lt0_is_silent() => V("""
            int hr = Native.DRMDuplicateSession(session, out uint copy);
            if (hr is not < 0)
            {
                Native.DRMCloseSession(copy);
            }
        """);

    // hr == 0 / hr != 0 ---------------------------------------------------------------------------------

    [Fact]
    public Task Success_side_eq0_is_silent() => V("""
            int hr = Native.DRMGetBoundLicenseObject(lib, "x", 0, out uint sub);
            if (hr == 0)
            {
                Native.DRMCloseHandle(sub);
            }
        """);

    [Fact]
    public Task Success_side_eq0_closed_on_else_only_is_reported() => V("""
            int hr = {|MSDRM001:Native.DRMGetBoundLicenseObject(lib, "x", 0, out uint sub)|};
            if (hr == 0)
            {
            }
            else
            {
                Native.DRMCloseHandle(sub);
            }
        """);

    [Fact]
    public Task Success_side_ne0_return_is_silent() => V("""
            int hr = Native.DRMGetBoundLicenseObject(lib, "x", 0, out uint sub);
            if (hr != 0) return;
            Native.DRMCloseHandle(sub);
        """);

    [Fact]
    public Task Success_side_ne0_closing_only_failure_side_is_reported() => V("""
            int hr = {|MSDRM001:Native.DRMGetBoundLicenseObject(lib, "x", 0, out uint sub)|};
            if (hr != 0)
            {
                Native.DRMCloseHandle(sub);
            }
        """);

    [Fact]
    public Task Success_side_zero_eq_hr_reversed_is_silent() => V("""
            int hr = Native.DRMGetBoundLicenseObject(lib, "x", 0, out uint sub);
            if (0 == hr) Native.DRMCloseHandle(sub);
        """);

    // Negative constants: equal side is a failure side ---------------------------------------------------

    [Fact]
    public Task Success_side_eq_negative_const_return_is_silent() => V("""
            int hr = Native.DRMGetUsers(license, 0, out uint user);
            if (hr == E_DRM_NO_MORE_DATA)
            {
                return;
            }

            Native.DRMClosePubHandle(user);
        """);

    [Fact]
    public Task Success_side_negative_const_on_left_is_silent() => V("""
            int hr = Native.DRMGetUsers(license, 0, out uint user);
            if (E_DRM_NO_MORE_DATA == hr) return;
            Native.DRMClosePubHandle(user);
        """);

    [Fact]
    public Task Success_side_eq_negative_literal_is_silent() => V("""
            int hr = Native.DRMGetUsers(license, 0, out uint user);
            if (hr == -2147168461) return;
            Native.DRMClosePubHandle(user);
        """);

    [Fact]
    public Task Success_side_eq_negative_unchecked_cast_literal_is_silent() => V("""
            int hr = Native.DRMGetUsers(license, 0, out uint user);
            if (hr == unchecked((int)0x8004CF33)) return;
            Native.DRMClosePubHandle(user);
        """);

    [Fact]
    public Task Success_side_eq_enum_member_E_DRM_is_silent() => V("""
            int hr = Native.DRMGetUsers(license, 0, out uint user);
            if (hr == (int)DrmError.E_DRM_NO_MORE_DATA) return;
            Native.DRMClosePubHandle(user);
        """);

    [Fact]
    public Task Success_side_ne_negative_const_closes_on_not_equal_side_is_silent() => V("""
            int hr = Native.DRMGetUsers(license, 0, out uint user);
            if (hr != E_DRM_NO_MORE_DATA)
            {
                Native.DRMClosePubHandle(user);
            }
        """);

    [Fact]
    public Task Success_side_eq_positive_const_is_not_a_failure_side() => V("""
            int hr = {|MSDRM001:Native.DRMGetUsers(license, 0, out uint user)|};
            if (hr == S_DRM_CONNECTED) return;
            Native.DRMClosePubHandle(user);
        """);

    [Fact]
    public Task Success_side_eq_negative_const_then_not_closed_is_reported() => V("""
            int hr = {|MSDRM001:Native.DRMGetUsers(license, 0, out uint user)|};
            if (hr == E_DRM_NO_MORE_DATA) return;
            Native.DRMGetUserRights(license, user, 0, out uint right);
            Native.DRMClosePubHandle(right);
        """);

    // ThrowIfFailed / Marshal.ThrowExceptionForHR ---------------------------------------------------

    [Fact]
    public Task Success_side_after_ThrowIfFailed_closed_is_silent() => V("""
            int hr = Native.DRMCreateBoundLicense(env, IntPtr.Zero, "chain", out uint bound, out uint log);
            DrmException.ThrowIfFailed(hr);
            Native.DRMCloseHandle(log);
            Native.DRMCloseHandle(bound);
        """);

    [Fact]
    public Task Success_side_after_ThrowIfFailed_not_closed_is_reported() => V("""
            DrmException.ThrowIfFailed({|MSDRM001:Native.DRMCreateEnablingBitsDecryptor(lib, "VIEW", 0, null, out uint decryptor)|});
            Keep(0);
        """);

    [Fact]
    public Task Success_side_after_ThrowExceptionForHR_closed_is_silent() => V("""
            int hr = Native.DRMCreateEnablingBitsEncryptor(lib, "EDIT", 0, null, out uint encryptor);
            Marshal.ThrowExceptionForHR(hr);
            Native.DRMCloseHandle(encryptor);
        """);

    [Fact]
    public Task Success_side_ThrowIfFailed_inline_with_close_is_silent() => V("""
            DrmException.ThrowIfFailed(Native.DRMDuplicateSession(session, out uint copy), "DRMDuplicateSession");
            try
            {
                Native.DRMIsActivated(copy, 0, IntPtr.Zero);
            }
            finally
            {
                Native.DRMCloseSession(copy);
            }
        """);

    // Loops: GetUsers enumeration with break on failure ------------------------------------------------

    [Fact]
    public Task Success_side_GetUsers_loop_break_on_failure_is_silent() => V("""
            for (uint i = 0; ; i++)
            {
                int hr = Native.DRMGetUsers(license, i, out uint user);
                if (hr < 0) break;
                Native.DRMClosePubHandle(user);
            }
        """);

    [Fact]
    public Task Success_side_GetUsers_loop_break_on_no_more_data_is_silent() => V("""
            uint index = 0;
            while (true)
            {
                int hr = Native.DRMGetUsers(license, index++, out uint user);
                if (hr == E_DRM_NO_MORE_DATA) break;
                DrmException.ThrowIfFailed(hr);
                Native.DRMClosePubHandle(user);
            }
        """);

    [Fact]
    public Task Success_side_GetUsers_loop_success_not_closed_is_reported() => V("""
            for (uint i = 0; ; i++)
            {
                int hr = {|MSDRM001:Native.DRMGetUsers(license, i, out uint user)|};
                if (hr < 0) break;
                Native.DRMGetUserRights(license, user, 0, out uint right);
                Native.DRMClosePubHandle(right);
            }
        """);

    [Fact]
    public Task Success_side_while_condition_is_success_test_is_silent() => V("""
            uint i = 0;
            uint user;
            while (Native.DRMGetUsers(license, i, out user) >= 0)
            {
                Native.DRMClosePubHandle(user);
                i++;
            }
        """);

    // Ternaries and untested HRESULTs ------------------------------------------------------------------------------

    [Fact]
    public Task Success_side_ternary_on_success_test_closes_is_silent() => V("""
            int hr = Native.DRMDuplicateSession(session, out uint copy);
            int closed = hr >= 0 ? Native.DRMCloseSession(copy) : hr;
        """);

    [Fact]
    public Task Success_side_untested_hr_closed_only_in_unrelated_if_is_reported() => V("""
            int hr = {|MSDRM001:Native.DRMDuplicateSession(session, out uint copy)|};
            if (n > 0)
            {
                Native.DRMCloseSession(copy);
            }
        """);

    [Fact]
    public Task Success_side_untested_hr_closed_unconditionally_is_silent() => V("""
            int hr = Native.DRMDuplicateSession(session, out uint copy);
            Native.DRMCloseSession(copy);
        """);
}
