using static MsDrm.Testing.Cases.HandleNotClosedSource;

namespace MsDrm.Testing.Cases;

/// <summary>
/// MSDRM003 cases (closed twice or used after close): each Wrong marks the second close or the use with
/// <c>{|MSDRM003:...|}</c> and the first close (or the adopting wrapper) with <c>{|#1:...|}</c>; each
/// Correct closes once, after the last use, and is silent for every rule. Every handle is closed and
/// every HRESULT checked, so MSDRM001/MSDRM002 stay quiet on both sides.
/// </summary>
public static class MSDRM003Cases
{
    private const string Dup = "DrmException.ThrowIfFailed(Native.DRMDuplicateSession(s, out uint dup));\n";

    private static readonly Lazy<IReadOnlyList<RuleCase>> LazyAll = new(() => Build().ToArray());

    /// <summary>Every case, in a stable order.</summary>
    public static IReadOnlyList<RuleCase> All { get; } = LazyAll.Value;

    private static IEnumerable<RuleCase> Build()
    {
        yield return Body("Closed_twice_in_sequence",
            Dup + "{|#1:Native.DRMCloseSession(dup)|};\n{|MSDRM003:Native.DRMCloseSession(dup)|};",
            Dup + "Native.DRMCloseSession(dup);");

        yield return Body("Used_after_close",
            Dup + "{|#1:Native.DRMCloseSession(dup)|};\nDrmException.ThrowIfFailed({|MSDRM003:Native.DRMIsActivated(dup, 0, IntPtr.Zero)|});",
            Dup + "DrmException.ThrowIfFailed(Native.DRMIsActivated(dup, 0, IntPtr.Zero));\nNative.DRMCloseSession(dup);");

        yield return Body("Closed_in_a_branch_then_again",
            Dup + """
            if (flag)
            {
                {|#1:Native.DRMCloseSession(dup)|};
            }

            {|MSDRM003:Native.DRMCloseSession(dup)|};
            """,
            Dup + """
            if (flag)
            {
                Native.DRMCloseSession(dup);
                return;
            }

            Native.DRMCloseSession(dup);
            """);

        yield return Body("Closed_inside_a_loop",
            // The loop's second pass closes the value the first pass closed: one call is both closes.
            Dup + """
            do
            {
                DrmException.ThrowIfFailed(Native.DRMIsActivated(s, 0, IntPtr.Zero));
                {|MSDRM003:{|#1:Native.DRMCloseSession(dup)|}|};
            }
            while (count-- > 0);
            """,
            Dup + """
            do
            {
                DrmException.ThrowIfFailed(Native.DRMIsActivated(s, 0, IntPtr.Zero));
            }
            while (count-- > 0);

            Native.DRMCloseSession(dup);
            """);

        yield return Body("Used_in_a_loop_after_close",
            Dup + """
            {|#1:Native.DRMCloseSession(dup)|};
            for (int i = 0; i < count; i++)
            {
                DrmException.ThrowIfFailed({|MSDRM003:Native.DRMIsActivated(dup, 0, IntPtr.Zero)|});
            }
            """,
            Dup + """
            for (int i = 0; i < count; i++)
            {
                DrmException.ThrowIfFailed(Native.DRMIsActivated(dup, 0, IntPtr.Zero));
            }

            Native.DRMCloseSession(dup);
            """);

        yield return Body("Goto_cleanup_after_an_early_close",
            Dup + """
            int hr = Native.DRMIsActivated(dup, 0, IntPtr.Zero);
            if (hr < 0)
            {
                {|#1:Native.DRMCloseSession(dup)|};
                goto Cleanup;
            }

            Console.WriteLine("activated");
            Cleanup:
            {|MSDRM003:Native.DRMCloseSession(dup)|};
            """,
            Dup + """
            int hr = Native.DRMIsActivated(dup, 0, IntPtr.Zero);
            if (hr < 0)
            {
                goto Cleanup;
            }

            Console.WriteLine("activated");
            Cleanup:
            Native.DRMCloseSession(dup);
            """);

        yield return Body("Closed_in_try_and_in_finally",
            Dup + """
            try
            {
                DrmException.ThrowIfFailed(Native.DRMIsActivated(dup, 0, IntPtr.Zero));
                {|#1:Native.DRMCloseSession(dup)|};
            }
            finally
            {
                {|MSDRM003:Native.DRMCloseSession(dup)|};
            }
            """,
            Dup + """
            try
            {
                DrmException.ThrowIfFailed(Native.DRMIsActivated(dup, 0, IntPtr.Zero));
            }
            finally
            {
                Native.DRMCloseSession(dup);
            }
            """);

        yield return Body("Closed_in_catch_then_after_the_try",
            // A catch that falls through is a path like any other.
            Dup + """
            try
            {
                DrmException.ThrowIfFailed(Native.DRMIsActivated(dup, 0, IntPtr.Zero));
            }
            catch (DrmException)
            {
                {|#1:Native.DRMCloseSession(dup)|};
            }

            {|MSDRM003:Native.DRMCloseSession(dup)|};
            """,
            Dup + """
            try
            {
                DrmException.ThrowIfFailed(Native.DRMIsActivated(dup, 0, IntPtr.Zero));
            }
            catch (DrmException e)
            {
                Console.WriteLine(e.ErrorName);
            }

            Native.DRMCloseSession(dup);
            """);

        yield return Body("Closed_through_a_copy_then_through_the_original",
            Dup + "uint copy = dup;\n{|#1:Native.DRMCloseSession(copy)|};\n{|MSDRM003:Native.DRMCloseSession(dup)|};",
            Dup + "uint copy = dup;\nNative.DRMCloseSession(copy);");

        yield return Body("Old_value_kept_in_a_copy_after_the_variable_gets_a_new_handle",
            // After the second creation 'dup' is a new value; 'first' still holds the closed one.
            Dup + """
            uint first = dup;
            {|#1:Native.DRMCloseSession(dup)|};
            DrmException.ThrowIfFailed(Native.DRMDuplicateSession(s, out dup));
            Native.DRMCloseSession(dup);
            {|MSDRM003:Native.DRMCloseSession(first)|};
            """,
            Dup + """
            uint first = dup;
            Native.DRMCloseSession(dup);
            DrmException.ThrowIfFailed(Native.DRMDuplicateSession(s, out dup));
            Native.DRMCloseSession(dup);
            Console.WriteLine(first);
            """);

        yield return Body("Zero_assignment_starts_a_new_value",
            // The C idiom: h = 0 after the close makes the later guarded close a no-op, not a second close.
            Dup + """
            if (flag)
            {
                {|#1:Native.DRMCloseSession(dup)|};
            }

            if (dup != 0)
            {
                {|MSDRM003:Native.DRMCloseSession(dup)|};
            }
            """,
            Dup + """
            if (flag)
            {
                Native.DRMCloseSession(dup);
                dup = 0;
            }

            if (dup != 0)
            {
                Native.DRMCloseSession(dup);
            }
            """);

        yield return Body("Switch_section_closes_then_common_close",
            Dup + """
            switch (count)
            {
                case 0:
                    {|#1:Native.DRMCloseSession(dup)|};
                    break;
                default:
                    DrmException.ThrowIfFailed(Native.DRMIsActivated(dup, 0, IntPtr.Zero));
                    break;
            }

            {|MSDRM003:Native.DRMCloseSession(dup)|};
            """,
            Dup + """
            switch (count)
            {
                case 0:
                    Console.WriteLine("nothing to check");
                    break;
                default:
                    DrmException.ThrowIfFailed(Native.DRMIsActivated(dup, 0, IntPtr.Zero));
                    break;
            }

            Native.DRMCloseSession(dup);
            """);

        yield return Body("Failed_close_retried",
            // A close counts as closing whatever HRESULT it returns: retrying it is a second close.
            Dup + """
            int hr = {|#1:Native.DRMCloseSession(dup)|};
            if (hr < 0)
            {
                {|MSDRM003:Native.DRMCloseSession(dup)|};
            }
            """,
            Dup + """
            int hr = Native.DRMCloseSession(dup);
            if (hr < 0)
            {
                Console.WriteLine(hr);
            }
            """);

        yield return Body("Raw_close_after_the_adopting_wrapper_was_disposed",
            Dup + """
            using ({|#1:SafeDrmSessionHandle.Adopt(dup)|})
            {
                DrmException.ThrowIfFailed(Native.DRMIsActivated(dup, 0, IntPtr.Zero));
            }

            {|MSDRM003:Native.DRMCloseSession(dup)|};
            """,
            Dup + """
            using (SafeDrmSessionHandle.Adopt(dup))
            {
                DrmException.ThrowIfFailed(Native.DRMIsActivated(dup, 0, IntPtr.Zero));
            }
            """);

        yield return Body("Raw_close_while_the_adopting_wrapper_is_live",
            // The wrapper will close the value again when it is disposed.
            Dup + """
            using var owner = {|#1:SafeDrmSessionHandle.Adopt(dup)|};
            DrmException.ThrowIfFailed(Native.DRMIsActivated(dup, 0, IntPtr.Zero));
            {|MSDRM003:Native.DRMCloseSession(dup)|};
            """,
            Dup + """
            using var owner = SafeDrmSessionHandle.Adopt(dup);
            DrmException.ThrowIfFailed(Native.DRMIsActivated(dup, 0, IntPtr.Zero));
            """);

        yield return Body("Used_after_the_adopting_wrapper_was_disposed",
            Dup + """
            var owner = SafeDrmSessionHandle.Adopt(dup);
            {|#1:owner.Dispose()|};
            DrmException.ThrowIfFailed({|MSDRM003:Native.DRMIsActivated(dup, 0, IntPtr.Zero)|});
            """,
            Dup + """
            var owner = SafeDrmSessionHandle.Adopt(dup);
            DrmException.ThrowIfFailed(Native.DRMIsActivated(dup, 0, IntPtr.Zero));
            owner.Dispose();
            """);

        yield return Body("Closed_handle_adopted_by_a_wrapper",
            // Adopt is a runtime DRM call: the wrapper would close the value a second time.
            Dup + """
            {|#1:Native.DRMCloseSession(dup)|};
            using var owner = {|MSDRM003:SafeDrmSessionHandle.Adopt(dup)|};
            """,
            Dup + """
            using var owner = SafeDrmSessionHandle.Adopt(dup);
            """);

        yield return Members("Closing_helper_then_caller_closes_again",
            // The bug the rule is named after: a helper closes a session its caller still closes.
            """
                private static void EndSession(uint session) => Native.DRMCloseSession(session);

                void M(uint s)
                {
                    DrmException.ThrowIfFailed(Native.DRMDuplicateSession(s, out uint dup));
                    {|#1:EndSession(dup)|};
                    {|MSDRM003:Native.DRMCloseSession(dup)|};
                }
            """,
            """
                private static void EndSession(uint session) => Native.DRMCloseSession(session);

                void M(uint s)
                {
                    DrmException.ThrowIfFailed(Native.DRMDuplicateSession(s, out uint dup));
                    EndSession(dup);
                }
            """);

        yield return Members("Closed_handle_passed_to_a_helper_that_only_uses_it",
            """
                private static void Check(uint session) => DrmException.ThrowIfFailed(Native.DRMIsActivated(session, 0, IntPtr.Zero));

                void M(uint s)
                {
                    DrmException.ThrowIfFailed(Native.DRMDuplicateSession(s, out uint dup));
                    {|#1:Native.DRMCloseSession(dup)|};
                    {|MSDRM003:Check(dup)|};
                }
            """,
            """
                private static void Check(uint session) => DrmException.ThrowIfFailed(Native.DRMIsActivated(session, 0, IntPtr.Zero));

                void M(uint s)
                {
                    DrmException.ThrowIfFailed(Native.DRMDuplicateSession(s, out uint dup));
                    Check(dup);
                    Native.DRMCloseSession(dup);
                }
            """);

        yield return Body("Bound_license_used_after_close_to_make_a_decryptor",
            """
            DrmException.ThrowIfFailed(Native.DRMCreateBoundLicense(env, IntPtr.Zero, "<eul/>", out uint license, out _));
            {|#1:Native.DRMCloseHandle(license)|};
            DrmException.ThrowIfFailed({|MSDRM003:Native.DRMCreateEnablingBitsDecryptor(license, "VIEW", 0, null, out uint decryptor)|});
            Native.DRMCloseHandle(decryptor);
            """,
            """
            DrmException.ThrowIfFailed(Native.DRMCreateBoundLicense(env, IntPtr.Zero, "<eul/>", out uint license, out _));
            DrmException.ThrowIfFailed(Native.DRMCreateEnablingBitsDecryptor(license, "VIEW", 0, null, out uint decryptor));
            Native.DRMCloseHandle(decryptor);
            Native.DRMCloseHandle(license);
            """);

        yield return Body("Publishing_user_used_after_close",
            """
            DrmException.ThrowIfFailed(Native.DRMCreateUser("alice@example.com", null, "Windows", out uint user));
            {|#1:Native.DRMClosePubHandle(user)|};
            DrmException.ThrowIfFailed({|MSDRM003:Native.DRMAddRightWithUser(lic, pub, user)|});
            """,
            """
            DrmException.ThrowIfFailed(Native.DRMCreateUser("alice@example.com", null, "Windows", out uint user));
            DrmException.ThrowIfFailed(Native.DRMAddRightWithUser(lic, pub, user));
            Native.DRMClosePubHandle(user);
            """);

        yield return Body("Query_root_used_after_close",
            """
            DrmException.ThrowIfFailed(Native.DRMParseUnboundLicense("<XrML/>", out uint root));
            {|#1:Native.DRMCloseQueryHandle(root)|};
            DrmException.ThrowIfFailed({|MSDRM003:Native.DRMGetUnboundLicenseObjectCount(root, "issued-principal", out uint principals)|});
            Console.WriteLine(principals);
            """,
            """
            DrmException.ThrowIfFailed(Native.DRMParseUnboundLicense("<XrML/>", out uint root));
            DrmException.ThrowIfFailed(Native.DRMGetUnboundLicenseObjectCount(root, "issued-principal", out uint principals));
            Native.DRMCloseQueryHandle(root);
            Console.WriteLine(principals);
            """);

        yield return Body("Environment_closed_twice",
            """
            DrmException.ThrowIfFailed(Native.DRMInitEnvironment(0, 1, null, null, "<machine/>", out uint environment, out uint library));
            Native.DRMCloseHandle(library);
            {|#1:Native.DRMCloseEnvironmentHandle(environment)|};
            {|MSDRM003:Native.DRMCloseEnvironmentHandle(environment)|};
            """,
            """
            DrmException.ThrowIfFailed(Native.DRMInitEnvironment(0, 1, null, null, "<machine/>", out uint environment, out uint library));
            Native.DRMCloseHandle(library);
            Native.DRMCloseEnvironmentHandle(environment);
            """);

        yield return Body("Closed_session_duplicated",
            Dup + """
            {|#1:Native.DRMCloseSession(dup)|};
            DrmException.ThrowIfFailed({|MSDRM003:Native.DRMDuplicateSession(dup, out uint copy)|});
            Native.DRMCloseSession(copy);
            """,
            Dup + """
            DrmException.ThrowIfFailed(Native.DRMDuplicateSession(dup, out uint copy));
            Native.DRMCloseSession(dup);
            Native.DRMCloseSession(copy);
            """);

        yield return Body("Escaped_handle_still_closed_twice_here",
            // Storing the handle ends MSDRM001's duty, not this method's own two closes.
            Dup + """
            list.Add(dup);
            {|#1:Native.DRMCloseSession(dup)|};
            {|MSDRM003:Native.DRMCloseSession(dup)|};
            """,
            Dup + """
            list.Add(dup);
            """);

        yield return Body("Closed_handle_handed_to_a_non_DRM_method_is_no_use",
            // Only DRM calls (imports, the runtime, closing or using methods) count as uses.
            Dup + """
            {|#1:Native.DRMCloseSession(dup)|};
            Console.WriteLine(dup);
            DrmException.ThrowIfFailed({|MSDRM003:Native.DRMIsActivated(dup, 0, IntPtr.Zero)|});
            """,
            Dup + """
            Native.DRMCloseSession(dup);
            Console.WriteLine(dup);
            """);

        yield return Body("Parameter_closed_twice",
            // The method did not create 's', but closing any value twice is a double close.
            "{|#1:Native.DRMCloseSession(s)|};\n{|MSDRM003:Native.DRMCloseSession(s)|};",
            "Native.DRMCloseSession(s);");

        yield return Body("Closed_in_a_lambda_body_twice",
            // Lambdas are analysed in their own graph, like any body.
            """
            Action close = () =>
            {
                DrmException.ThrowIfFailed(Native.DRMDuplicateSession(s, out uint dup));
                {|#1:Native.DRMCloseSession(dup)|};
                {|MSDRM003:Native.DRMCloseSession(dup)|};
            };
            close();
            """,
            """
            Action close = () =>
            {
                DrmException.ThrowIfFailed(Native.DRMDuplicateSession(s, out uint dup));
                Native.DRMCloseSession(dup);
            };
            close();
            """);
    }
}
