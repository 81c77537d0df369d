using MsDrm.Analyzers.Rules;
using Xunit;
using static MsDrm.Analyzers.Tests.Spec.SpecPrograms;

namespace MsDrm.Analyzers.Tests.MSDRM001;

/// <summary>
/// Less common but realistic programs for every MSDRM001 bullet: named arguments, assignments inside
/// conditions, switch/constant patterns, try/catch, records, object initialisers, non-handle out
/// parameters of msdrm-api.tsv (role "none").
/// </summary>
public sealed class MSDRM001EdgeTests
{
    private const string Members = """
            private const int E_DRM_NO_MORE_DATA = unchecked((int)0x8004CF33);
            private sealed class Box { public uint Value { get; set; } public Box() { } public Box(uint value) => Value = value; }
            private struct Pair { public uint First; }
            private static Pair s_pair;
        """;

    private static Task V(string body) => Verify<MSDRM001HandleNotClosedAnalyzer>(InMethod(body, Members));

    private static Task VRaw(string text) => Verify<MSDRM001HandleNotClosedAnalyzer>(Raw(text));

    // "which parameter creates which handle" comes from msdrm-api.tsv -----------------------------------

    [Fact]
    public Task Creation_error_log_out_of_bound_license_is_not_a_handle() => V("""
            int hr = Native.DRMCreateBoundLicense(env, IntPtr.Zero, "chain", out uint bound, out uint errorLog);
            if (hr < 0) return;
            Native.DRMCloseHandle(bound);
        """);

    [Fact]
    public Task Creation_error_log_closed_but_bound_license_not_is_reported() => V("""
            {|MSDRM001:Native.DRMCreateBoundLicense(env, IntPtr.Zero, "chain", out uint bound, out uint errorLog)|};
            Native.DRMCloseHandle(errorLog);
        """);

    [Fact]
    public Task Creation_ref_length_arguments_are_not_handles() => V("""
            uint nameLength = 0, urlLength = 0;
            int hr = Native.DRMGetIssuanceLicenseInfo(license, IntPtr.Zero, IntPtr.Zero, 0, ref nameLength, null, ref urlLength, null, out uint owner, out bool official);
            if (hr >= 0) Native.DRMClosePubHandle(owner);
        """);

    [Fact]
    public Task Creation_by_named_arguments_in_source_order_is_reported() => V("""
            {|MSDRM001:Native.DRMDuplicateSession(hSessionIn: session, phSessionOut: out uint copy)|};
        """);

    [Fact]
    public Task Creation_by_named_arguments_in_reversed_order_is_reported() => V("""
            {|MSDRM001:Native.DRMDuplicateSession(phSessionOut: out uint copy, hSessionIn: session)|};
        """);

    [Fact]
    public Task Creation_by_named_arguments_closed_by_named_argument_is_silent() => V("""
            Native.DRMDuplicateSession(phSessionOut: out uint copy, hSessionIn: session);
            Native.DRMCloseSession(hSession: copy);
        """);

    [Fact]
    public Task Creation_into_array_element_is_an_escape() => V("""
            var handles = new uint[2];
            Native.DRMDuplicateSession(session, out handles[0]);
        """);

    // Success tests in other shapes -------------------------------------------------------------------

    [Fact]
    public Task Success_side_assignment_inside_condition_is_silent() => V("""
            int hr;
            if ((hr = Native.DRMDuplicateSession(session, out uint copy)) < 0)
            {
                Console.WriteLine(hr);
                return;
            }

            Native.DRMCloseSession(copy);
        """);

    [Fact]
    public Task Success_side_negated_success_test_return_is_silent() => V("""
            int hr = Native.DRMDuplicateSession(session, out uint copy);
            if (!(hr >= 0)) return;
            Native.DRMCloseSession(copy);
        """);

    [Fact]
    public Task Success_side_failure_or_other_condition_return_then_close_is_silent() => V("""
            int hr = Native.DRMDuplicateSession(session, out uint copy);
            if (hr < 0 || n > 3)
            {
                if (hr >= 0) Native.DRMCloseSession(copy);
                return;
            }

            Native.DRMCloseSession(copy);
        """);

    [Fact]
    public Task Success_side_reused_hr_for_two_handles_is_silent() => V("""
            int hr = Native.DRMDuplicateSession(session, out uint first);
            if (hr < 0) return;
            hr = Native.DRMDuplicateSession(session, out uint second);
            if (hr < 0)
            {
                Native.DRMCloseSession(first);
                return;
            }

            Native.DRMCloseSession(second);
            Native.DRMCloseSession(first);
        """);

    [Fact]
    public Task Success_side_reused_hr_first_handle_leaks_when_second_fails() => V("""
            int hr = {|MSDRM001:Native.DRMDuplicateSession(session, out uint first)|};
            if (hr < 0) return;
            hr = Native.DRMDuplicateSession(session, out uint second);
            if (hr < 0) return;
            Native.DRMCloseSession(second);
            Native.DRMCloseSession(first);
        """);

    // "comparing with a negative constant (a literal, const or enum member ...) whose equal side is a
    // failure side": a constant pattern is such a comparison.
    [Fact]
    public Task Success_side_constant_pattern_negative_const_is_silent() => V("""
            int hr = Native.DRMGetUsers(license, 0, out uint user);
            if (hr is E_DRM_NO_MORE_DATA) return;
            Native.DRMClosePubHandle(user);
        """);

    [Fact]
    public Task Success_side_retry_with_goto_is_silent() => V("""
            int attempts = 0;
            retry:
            int hr = Native.DRMDuplicateSession(session, out uint copy);
            if (hr < 0)
            {
                if (++attempts < 3) goto retry;
                return;
            }

            Native.DRMCloseSession(copy);
        """);

    [Fact]
    public Task Success_side_failed_call_inside_loop_continue_is_silent() => V("""
            for (uint i = 0; i < 4; i++)
            {
                if (Native.DRMGetUsers(license, i, out uint user) < 0) continue;
                Native.DRMClosePubHandle(user);
            }
        """);

    // Exception paths ------------------------------------------------------------------------------

    [Fact]
    public Task Exception_catch_after_create_in_try_is_not_counted() => V("""
            try
            {
                Native.DRMDuplicateSession(session, out uint copy);
                Native.DRMIsActivated(copy, 0, IntPtr.Zero);
                Native.DRMCloseSession(copy);
            }
            catch (Exception e)
            {
                Console.WriteLine(e.Message);
            }
        """);

    [Fact]
    public Task Exception_create_in_try_catch_returns_then_close_is_silent() => V("""
            uint copy;
            try
            {
                DrmException.ThrowIfFailed(Native.DRMDuplicateSession(session, out copy));
            }
            catch (DrmException)
            {
                return;
            }

            Native.DRMCloseSession(copy);
        """);

    [Fact]
    public Task Exception_throw_on_non_success_branch_is_not_a_leak() => V("""
            Native.DRMDuplicateSession(session, out uint copy);
            if (n < 0) throw new InvalidOperationException("negative");
            Native.DRMCloseSession(copy);
        """);

    // Other statements ---------------------------------------------------------------------------------

    [Fact]
    public Task Shape_lock_block_closing_is_silent() => V("""
            lock (_list)
            {
                Native.DRMDuplicateSession(session, out uint copy);
                Native.DRMCloseSession(copy);
            }
        """);

    [Fact]
    public Task Shape_lock_block_leak_is_reported() => V("""
            lock (_list)
            {
                {|MSDRM001:Native.DRMDuplicateSession(session, out uint copy)|};
            }
        """);

    [Fact]
    public Task Shape_checked_and_unsafe_free_expression_close_is_silent() => V("""
            Native.DRMDuplicateHandle(lib, out uint copy);
            checked
            {
                Native.DRMCloseHandle(copy);
            }
        """);

    [Fact]
    public Task Shape_two_handles_one_closed_twice_other_leaks() => V("""
            Native.DRMDuplicateSession(session, out uint a);
            {|MSDRM001:Native.DRMDuplicateSession(session, out uint b)|};
            Native.DRMCloseSession(a);
            Native.DRMCloseSession(a);
        """);

    [Fact]
    public Task Shape_record_method_leak_is_reported() => VRaw("""
        internal sealed record Document(uint License)
        {
            public int UserCount()
            {
                {|MSDRM001:Native.DRMGetUsers(License, 0, out uint user)|};
                return 1;
            }
        }
        """);

    [Fact]
    public Task Shape_generic_method_leak_is_reported() => VRaw("""
        internal static class Generic
        {
            public static T Run<T>(uint session, Func<uint, T> body)
            {
                int hr = {|MSDRM001:Native.DRMDuplicateSession(session, out uint copy)|};
                return body(session);
            }
        }
        """);

    [Fact]
    public Task Shape_nested_class_static_method_leak_is_reported() => VRaw("""
        internal static class Outer
        {
            internal static class Inner
            {
                internal static void Run(uint lib) => {|MSDRM001:Native.DRMDuplicateHandle(lib, out uint copy)|};
            }
        }
        """);

    // Escapes in other shapes ---------------------------------------------------------------------------

    [Fact]
    public Task Escape_object_initializer_property_is_silent() => V("""
            Native.DRMDuplicateSession(session, out uint copy);
            var box = new Box { Value = copy };
            Console.WriteLine(box);
        """);

    [Fact]
    public Task Escape_constructor_argument_is_silent() => V("""
            Native.DRMDuplicateSession(session, out uint copy);
            var box = new Box(copy);
            Console.WriteLine(box);
        """);

    [Fact]
    public Task Field_of_local_struct_stays_owned_is_reported() => V("""
            var pair = new Pair();
            {|MSDRM001:Native.DRMDuplicateSession(session, out uint copy)|};
            pair.First = copy;
            Console.WriteLine(pair.First);
        """);

    // DESIGN (summaries): a handle in a field of a local struct escapes only with the struct.
    [Fact]
    public Task Escape_field_of_local_struct_when_the_struct_escapes_is_silent() => V("""
            var pair = new Pair();
            Native.DRMDuplicateSession(session, out uint copy);
            pair.First = copy;
            s_pair = pair;
        """);

    [Fact]
    public Task Escape_static_local_function_argument_is_silent() => V("""
            Native.DRMDuplicateSession(session, out uint copy);
            Release(copy);

            static void Release(uint handle) => Native.DRMCloseSession(handle);
        """);

    [Fact]
    public Task Escape_returned_from_lambda_is_silent() => V("""
            Func<uint> open = () =>
            {
                Native.DRMDuplicateSession(session, out uint inner);
                return inner;
            };
            Keep(open());
        """);

    [Fact]
    public Task Escape_created_into_captured_variable_is_silent() => V("""
            uint copy = 0;
            Action close = () => Native.DRMCloseSession(copy);
            Native.DRMDuplicateSession(session, out copy);
            close();
        """);

    [Fact]
    public Task Escape_own_out_parameter_created_then_closed_locally_is_silent() => VRaw("""
        internal static class Factory
        {
            public static void Probe(uint session, out uint copy)
            {
                Native.DRMDuplicateSession(session, out copy);
                Native.DRMCloseSession(copy);
                copy = 0;
            }
        }
        """);

    [Fact]
    public Task Escape_cast_to_int_and_passed_to_non_drm_method_is_silent() => V("""
            Native.DRMDuplicateHandle(lib, out uint copy);
            Keep((uint)(int)copy);
        """);

    // DESIGN (summaries): a .NET library method never takes ownership of a handle passed by value.
    [Fact]
    public Task Use_cast_to_int_and_printed_is_reported() => V("""
            {|MSDRM001:Native.DRMDuplicateHandle(lib, out uint copy)|};
            Console.WriteLine((int)copy);
        """);

    [Fact]
    public Task Use_drm_input_then_escape_is_silent() => V("""
            Native.DRMCreateClientSession(null, 1, "Windows", null, out uint client);
            Native.DRMIsActivated(client, 1, IntPtr.Zero);
            _field = client;
        """);

    [Fact]
    public Task Use_drm_input_by_runtime_NativeMethods_is_not_an_escape() => V("""
            {|MSDRM001:Native.DRMParseUnboundLicense("cert", out uint query)|};
            NativeMethods.DRMGetUnboundLicenseObject(query, "ISSUER", 0, out uint sub);
            Native.DRMCloseQueryHandle(sub);
        """);
}
