using MsDrm.Analyzers.Rules;
using Xunit;
using static MsDrm.Analyzers.Tests.Spec.SpecPrograms;

namespace MsDrm.Analyzers.Tests.MSDRM001;

/// <summary>
/// docs/rules/MSDRM001.md ("What ends the method's ownership"): a handle "must reach its matching close function on every path
/// that leaves the method, or escape" — and "Passing it as an ordinary input to a DRM function is a use,
/// not an escape". Also "Exception paths are not counted here".
/// </summary>
public sealed class MSDRM001EscapeTests
{
    private static Task V(string body, string members = "", string outside = "")
        => Verify<MSDRM001HandleNotClosedAnalyzer>(InMethod(body, members, outside));

    private static Task VRaw(string text) => Verify<MSDRM001HandleNotClosedAnalyzer>(Raw(text));

    // Never closed / closed on some paths ----------------------------------------------------------

    [Fact]
    public Task Close_never_closed_is_reported() => V("""
            {|MSDRM001:Native.DRMDuplicateSession(session, out uint copy)|};
        """);

    [Fact]
    public Task Close_matching_close_on_only_path_is_silent() => V("""
            Native.DRMDuplicateSession(session, out uint copy);
            Native.DRMIsActivated(copy, 0, IntPtr.Zero);
            Native.DRMCloseSession(copy);
        """);

    [Fact]
    public Task Close_only_in_one_if_branch_is_reported() => V("""
            {|MSDRM001:Native.DRMCreateUser("u", "id", "Windows", out uint user)|};
            if (n > 1)
            {
                Native.DRMClosePubHandle(user);
            }
        """);

    [Fact]
    public Task Close_in_both_if_branches_is_silent() => V("""
            Native.DRMCreateUser("u", "id", "Windows", out uint user);
            if (n > 1)
            {
                Native.DRMClosePubHandle(user);
            }
            else
            {
                Native.DRMAddRightWithUser(license, 0, user);
                Native.DRMClosePubHandle(user);
            }
        """);

    [Fact]
    public Task Close_skipped_by_early_return_is_reported() => V("""
            {|MSDRM001:Native.DRMParseUnboundLicense("cert", out uint query)|};
            if (n == 3) return;
            Native.DRMCloseQueryHandle(query);
        """);

    [Fact]
    public Task Close_skipped_by_goto_is_reported() => V("""
            {|MSDRM001:Native.DRMParseUnboundLicense("cert", out uint query)|};
            if (n == 3) goto done;
            Native.DRMCloseQueryHandle(query);
            done:
            Keep(0);
        """);

    [Fact]
    public Task Close_reached_by_goto_is_silent() => V("""
            Native.DRMParseUnboundLicense("cert", out uint query);
            if (n == 3) goto cleanup;
            Native.DRMGetUnboundLicenseObjectCount(query, "x", out uint count);
            cleanup:
            Native.DRMCloseQueryHandle(query);
        """);

    [Fact]
    public Task Close_skipped_by_break_in_loop_is_reported() => V("""
            for (int i = 0; i < n; i++)
            {
                {|MSDRM001:Native.DRMDuplicateHandle(lib, out uint copy)|};
                if (i == 2) break;
                Native.DRMCloseHandle(copy);
            }
        """);

    [Fact]
    public Task Close_skipped_by_continue_is_reported() => V("""
            foreach (var name in new[] { "a", "b" })
            {
                {|MSDRM001:Native.DRMCreateUser(name, name, "Windows", out uint user)|};
                if (name == "a") continue;
                Native.DRMClosePubHandle(user);
            }
        """);

    [Fact]
    public Task Close_every_iteration_of_foreach_is_silent() => V("""
            foreach (var name in new[] { "a", "b" })
            {
                Native.DRMCreateUser(name, name, "Windows", out uint user);
                Native.DRMAddRightWithUser(license, 0, user);
                Native.DRMClosePubHandle(user);
            }
        """);

    [Fact]
    public Task Close_missing_in_one_switch_case_is_reported() => V("""
            {|MSDRM001:Native.DRMDuplicateSession(session, out uint copy)|};
            switch (n)
            {
                case 0:
                    Native.DRMCloseSession(copy);
                    break;
                case 1:
                    break;
                default:
                    Native.DRMCloseSession(copy);
                    break;
            }
        """);

    [Fact]
    public Task Close_in_every_switch_case_is_silent() => V("""
            Native.DRMDuplicateSession(session, out uint copy);
            switch (n)
            {
                case 0:
                    Native.DRMCloseSession(copy);
                    break;
                default:
                    Native.DRMCloseSession(copy);
                    break;
            }
        """);

    [Fact]
    public Task Close_in_do_while_every_iteration_is_silent() => V("""
            uint i = 0;
            do
            {
                Native.DRMGetUnboundLicenseObject(license, "x", i, out uint sub);
                Native.DRMCloseQueryHandle(sub);
                i++;
            }
            while (i < 3);
        """);

    // Wrong close function -------------------------------------------------------------------------

    [Fact]
    public Task Close_wrong_function_session_closed_as_handle_is_reported() => V("""
            {|MSDRM001:Native.DRMDuplicateSession(session, out uint copy)|};
            Native.DRMCloseHandle(copy);
        """);

    [Fact]
    public Task Close_wrong_function_pub_closed_as_handle_is_reported() => V("""
            {|MSDRM001:Native.DRMCreateRight("VIEW", IntPtr.Zero, IntPtr.Zero, 0, null, null, out uint right)|};
            Native.DRMCloseHandle(right);
        """);

    [Fact]
    public Task Close_wrong_function_query_closed_as_handle_is_reported() => V("""
            {|MSDRM001:Native.DRMParseUnboundLicense("cert", out uint query)|};
            Native.DRMCloseHandle(query);
        """);

    [Fact]
    public Task Close_wrong_function_env_closed_as_session_is_reported() => V("""
            {|MSDRM001:Native.DRMDuplicateEnvironmentHandle(env, out uint copy)|};
            Native.DRMCloseSession(copy);
        """);

    [Fact]
    public Task Close_wrong_function_handle_closed_as_pub_is_reported() => V("""
            {|MSDRM001:Native.DRMLoadLibrary(env, 0, "p", "c", out uint library)|};
            Native.DRMClosePubHandle(library);
        """);

    [Fact]
    public Task Close_bound_license_handle_with_CloseHandle_is_silent() => V("""
            Native.DRMCreateBoundLicense(env, IntPtr.Zero, "chain", out uint bound, out uint log);
            Native.DRMCloseHandle(bound);
            Native.DRMCloseHandle(log);
        """);

    [Fact]
    public Task Close_init_environment_closing_only_env_reports_default_library() => V("""
            {|MSDRM001:Native.DRMInitEnvironment(0, 0, "p", "m", "c", out uint newEnv, out uint defaultLibrary)|};
            Native.DRMCloseEnvironmentHandle(newEnv);
        """);

    [Fact]
    public Task Close_init_environment_both_closed_is_silent() => V("""
            Native.DRMInitEnvironment(0, 0, "p", "m", "c", out uint newEnv, out uint defaultLibrary);
            Native.DRMCloseHandle(defaultLibrary);
            Native.DRMCloseEnvironmentHandle(newEnv);
        """);

    [Fact]
    public Task Close_issuance_license_info_owner_not_closed_is_reported() => V("""
            uint nameLength = 0, urlLength = 0;
            {|MSDRM001:Native.DRMGetIssuanceLicenseInfo(license, IntPtr.Zero, IntPtr.Zero, 0, ref nameLength, null, ref urlLength, null, out uint owner, out bool official)|};
        """);

    [Fact]
    public Task Close_issuance_license_info_owner_closed_is_silent() => V("""
            uint nameLength = 0, urlLength = 0;
            Native.DRMGetIssuanceLicenseInfo(license, IntPtr.Zero, IntPtr.Zero, 0, ref nameLength, null, ref urlLength, null, out uint owner, out bool official);
            Native.DRMClosePubHandle(owner);
        """);

    // Uses are not escapes ---------------------------------------------------------------------------

    [Fact]
    public Task Use_as_input_to_drm_function_is_not_an_escape() => V("""
            {|MSDRM001:Native.DRMCreateClientSession(null, 1, "Windows", null, out uint client)|};
            Native.DRMIsActivated(client, 1, IntPtr.Zero);
        """);

    [Fact]
    public Task Use_as_duplicate_source_is_not_an_escape_and_both_leak() => V("""
            {|MSDRM001:Native.DRMCreateClientSession(null, 1, "Windows", null, out uint client)|};
            {|MSDRM001:Native.DRMDuplicateSession(client, out uint copy)|};
        """);

    [Fact]
    public Task Use_as_input_to_creating_function_is_not_an_escape() => V("""
            {|MSDRM001:Native.DRMCreateUser("u", "id", "Windows", out uint owner)|};
            Native.DRMCreateIssuanceLicense(IntPtr.Zero, IntPtr.Zero, null, null, owner, null, lib, out uint issuance);
            Native.DRMClosePubHandle(issuance);
        """);

    // Escapes -----------------------------------------------------------------------------------------

    [Fact]
    public Task Escape_returned_is_silent() => VRaw("""
        internal static class Factory
        {
            public static uint Copy(uint session)
            {
                Native.DRMDuplicateSession(session, out uint copy);
                return copy;
            }
        }
        """);

    [Fact]
    public Task Escape_returned_by_expression_body_after_success_test_is_silent() => VRaw("""
        internal static class Factory
        {
            public static uint Copy(uint session) => Native.DRMDuplicateSession(session, out uint copy) >= 0 ? copy : 0;
        }
        """);

    [Fact]
    public Task Escape_returned_on_one_path_but_dropped_on_other_is_reported() => VRaw("""
        internal static class Factory
        {
            public static uint Copy(uint session, bool keep)
            {
                {|MSDRM001:Native.DRMDuplicateSession(session, out uint copy)|};
                if (keep) return copy;
                return 0;
            }
        }
        """);

    [Fact]
    public Task Escape_created_straight_into_own_out_parameter_is_silent() => VRaw("""
        internal static class Factory
        {
            public static int Copy(uint session, out uint copy) => Native.DRMDuplicateSession(session, out copy);
        }
        """);

    [Fact]
    public Task Escape_created_straight_into_own_ref_parameter_is_silent() => VRaw("""
        internal static class Factory
        {
            public static void Load(uint env, ref uint library)
            {
                Native.DRMLoadLibrary(env, 0, "p", "c", out library);
            }
        }
        """);

    [Fact]
    public Task Escape_stored_in_field_is_silent() => V("""
            Native.DRMDuplicateSession(session, out uint copy);
            _field = copy;
        """);

    [Fact]
    public Task Escape_created_straight_into_field_is_silent() => V("""
            Native.DRMDuplicateSession(session, out _field);
        """);

    [Fact]
    public Task Escape_stored_in_static_field_is_silent() => V("""
            int hr = Native.DRMCreateClientSession(null, 1, "Windows", null, out uint client);
            if (hr >= 0) s_field = client;
        """);

    [Fact]
    public Task Escape_stored_in_property_is_silent() => V("""
            Native.DRMCreateUser("u", "id", "Windows", out uint user);
            Prop = user;
        """);

    [Fact]
    public Task Escape_stored_in_array_is_silent() => V("""
            var handles = new uint[1];
            Native.DRMCreateUser("u", "id", "Windows", out uint user);
            handles[0] = user;
        """);

    [Fact]
    public Task Escape_stored_in_list_is_silent() => V("""
            Native.DRMCreateUser("u", "id", "Windows", out uint user);
            _list.Add(user);
        """);

    [Fact]
    public Task Escape_stored_in_dictionary_indexer_is_silent() => V("""
            var map = new Dictionary<string, uint>();
            Native.DRMCreateUser("u", "id", "Windows", out uint user);
            map["u"] = user;
        """);

    [Fact]
    public Task Escape_in_collection_initializer_is_silent() => V("""
            Native.DRMCreateUser("u", "id", "Windows", out uint user);
            var all = new List<uint> { user };
            _list.AddRange(all);
        """);

    [Fact]
    public Task Escape_passed_ref_is_silent() => V("""
            Native.DRMDuplicateHandle(lib, out uint copy);
            KeepRef(ref copy);
        """);

    [Fact]
    public Task Escape_passed_to_non_drm_method_is_silent() => V("""
            Native.DRMDuplicateHandle(lib, out uint copy);
            Keep(copy);
        """);

    [Fact]
    public Task Escape_captured_by_lambda_is_silent() => V("""
            Native.DRMDuplicateHandle(lib, out uint copy);
            Action close = () => Native.DRMCloseHandle(copy);
            close();
        """);

    [Fact]
    public Task Escape_captured_by_local_function_is_silent() => V("""
            Native.DRMDuplicateHandle(lib, out uint copy);
            Cleanup();

            void Cleanup() => Native.DRMCloseHandle(copy);
        """);

    [Fact]
    public Task Escape_adopted_by_safe_handle_using_declaration_is_silent() => V("""
            int hr = Native.DRMDuplicateSession(session, out uint copy);
            if (hr < 0) return;
            using var owned = SafeDrmSessionHandle.Adopt(copy);
            Native.DRMIsActivated(owned.Value, 0, IntPtr.Zero);
        """);

    [Fact]
    public Task Escape_adopted_by_safe_handle_using_block_is_silent() => V("""
            DrmException.ThrowIfFailed(Native.DRMParseUnboundLicense("cert", out uint query));
            using (SafeDrmQueryHandle.Adopt(query))
            {
                Native.DRMGetUnboundLicenseObjectCount(query, "x", out uint count);
            }
        """);

    [Fact]
    public Task Escape_stored_in_struct_field_of_this_is_silent() => VRaw("""
        internal struct Holder
        {
            private uint _handle;

            public void Open(uint session)
            {
                Native.DRMDuplicateSession(session, out uint copy);
                _handle = copy;
            }
        }
        """);

    [Fact]
    public Task Escape_yield_returned_from_iterator_is_silent() => VRaw("""
        internal static class Enumerate
        {
            public static IEnumerable<uint> Users(uint license)
            {
                for (uint i = 0; Native.DRMGetUsers(license, i, out uint user) >= 0; i++)
                {
                    yield return user;
                }
            }
        }
        """);

    // Exception paths are not counted ------------------------------------------------------------------

    [Fact]
    public Task Exception_path_from_call_between_create_and_close_is_not_counted() => V("""
            Native.DRMDuplicateSession(session, out uint copy);
            Console.WriteLine("working " + n);
            if (n < 0) throw new ArgumentOutOfRangeException(nameof(n));
            Native.DRMCloseSession(copy);
        """);

    [Fact]
    public Task Exception_close_in_finally_is_silent() => V("""
            Native.DRMDuplicateSession(session, out uint copy);
            try
            {
                Native.DRMIsActivated(copy, 0, IntPtr.Zero);
            }
            finally
            {
                Native.DRMCloseSession(copy);
            }
        """);

    [Fact]
    public Task Exception_close_in_outer_finally_of_nested_try_is_silent() => V("""
            Native.DRMDuplicateSession(session, out uint copy);
            try
            {
                try
                {
                    Native.DRMIsActivated(copy, 0, IntPtr.Zero);
                }
                finally
                {
                    Console.WriteLine("inner");
                }
            }
            finally
            {
                Native.DRMCloseSession(copy);
            }
        """);

    [Fact]
    public Task Exception_close_only_in_catch_is_reported() => V("""
            {|MSDRM001:Native.DRMDuplicateSession(session, out uint copy)|};
            try
            {
                Native.DRMIsActivated(copy, 0, IntPtr.Zero);
            }
            catch (DrmException)
            {
                Native.DRMCloseSession(copy);
                throw;
            }
        """);

    [Fact]
    public Task Exception_return_inside_try_with_finally_close_is_silent() => V("""
            Native.DRMDuplicateSession(session, out uint copy);
            try
            {
                if (n > 0) return;
                Native.DRMIsActivated(copy, 0, IntPtr.Zero);
            }
            finally
            {
                Native.DRMCloseSession(copy);
            }
        """);

    [Fact]
    public Task Exception_return_inside_try_without_close_is_reported() => V("""
            {|MSDRM001:Native.DRMDuplicateSession(session, out uint copy)|};
            try
            {
                if (n > 0) return;
                Native.DRMCloseSession(copy);
            }
            finally
            {
                Console.WriteLine("done");
            }
        """);

    [Fact]
    public Task Exception_created_inside_try_closed_in_finally_is_silent() => V("""
            uint copy = 0;
            try
            {
                Native.DRMDuplicateSession(session, out copy);
                Native.DRMIsActivated(copy, 0, IntPtr.Zero);
            }
            finally
            {
                Native.DRMCloseSession(copy);
            }
        """);
}
