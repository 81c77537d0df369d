using static MsDrm.Testing.Cases.HandleNotClosedSource;

namespace MsDrm.Testing.Cases;

/// <summary>MSDRM005 in the shapes of real code: branches, loops, goto cleanup, finally, copies, wrappers, escapes.</summary>
internal static class MSDRM005ShapeCases
{
    private static string Bound => MSDRM005Cases.Bound;

    private static string Decryptor => MSDRM005Cases.MakeDecryptor;

    internal static IEnumerable<RuleCase> Cases =>
    [
        Body("Wrong_order_on_one_branch",
            Bound + $$"""
            DrmException.ThrowIfFailed({|#1:{{Decryptor}}|});
            if (flag)
            {
                {|MSDRM005:Native.DRMCloseHandle(license)|};
                Native.DRMCloseHandle(decryptor);
            }
            else
            {
                Native.DRMCloseHandle(decryptor);
                Native.DRMCloseHandle(license);
            }
            """,
            Bound + $$"""
            DrmException.ThrowIfFailed({{Decryptor}});
            if (flag)
            {
                Native.DRMCloseHandle(decryptor);
                Native.DRMCloseHandle(license);
            }
            else
            {
                Native.DRMCloseHandle(decryptor);
                Native.DRMCloseHandle(license);
            }
            """),
        Body("Wrong_order_inside_a_loop",
            """
            for (int i = 0; i < count; i++)
            {
                DrmException.ThrowIfFailed(Native.DRMParseUnboundLicense("<XrML/>", out uint root));
                DrmException.ThrowIfFailed({|#1:Native.DRMGetUnboundLicenseObject(root, "issued-principal", 0, out uint principal)|});
                {|MSDRM005:Native.DRMCloseQueryHandle(root)|};
                Native.DRMCloseQueryHandle(principal);
            }
            """,
            """
            for (int i = 0; i < count; i++)
            {
                DrmException.ThrowIfFailed(Native.DRMParseUnboundLicense("<XrML/>", out uint root));
                DrmException.ThrowIfFailed(Native.DRMGetUnboundLicenseObject(root, "issued-principal", 0, out uint principal));
                Native.DRMCloseQueryHandle(principal);
                Native.DRMCloseQueryHandle(root);
            }
            """),
        Body("Goto_cleanup_closes_the_license_first",
            // Only the path on which the decryptor exists is out of order.
            """
            uint license = 0;
            uint decryptor = 0;
            int hr = Native.DRMCreateBoundLicense(env, IntPtr.Zero, "<eul/>", out license, out _);
            if (hr < 0)
            {
                goto Cleanup;
            }

            hr = {|#1:Native.DRMCreateEnablingBitsDecryptor(license, "VIEW", 0, null, out decryptor)|};
            if (hr < 0)
            {
                goto Cleanup;
            }

            Console.WriteLine("decrypting");
            Cleanup:
            if (license != 0)
            {
                {|MSDRM005:Native.DRMCloseHandle(license)|};
            }

            if (decryptor != 0)
            {
                Native.DRMCloseHandle(decryptor);
            }
            """,
            """
            uint license = 0;
            uint decryptor = 0;
            int hr = Native.DRMCreateBoundLicense(env, IntPtr.Zero, "<eul/>", out license, out _);
            if (hr < 0)
            {
                goto Cleanup;
            }

            hr = Native.DRMCreateEnablingBitsDecryptor(license, "VIEW", 0, null, out decryptor);
            if (hr < 0)
            {
                goto Cleanup;
            }

            Console.WriteLine("decrypting");
            Cleanup:
            if (decryptor != 0)
            {
                Native.DRMCloseHandle(decryptor);
            }

            if (license != 0)
            {
                Native.DRMCloseHandle(license);
            }
            """),
        Body("Wrong_order_in_finally",
            Bound + $$"""
            DrmException.ThrowIfFailed({|#1:{{Decryptor}}|});
            try
            {
                Console.WriteLine("decrypting");
            }
            finally
            {
                {|MSDRM005:Native.DRMCloseHandle(license)|};
                Native.DRMCloseHandle(decryptor);
            }
            """,
            Bound + $$"""
            DrmException.ThrowIfFailed({{Decryptor}});
            try
            {
                Console.WriteLine("decrypting");
            }
            finally
            {
                Native.DRMCloseHandle(decryptor);
                Native.DRMCloseHandle(license);
            }
            """),
        Body("Parent_closed_through_a_copy",
            Bound + $$"""
            uint container = license;
            DrmException.ThrowIfFailed({|#1:{{Decryptor}}|});
            {|MSDRM005:Native.DRMCloseHandle(container)|};
            Native.DRMCloseHandle(decryptor);
            """,
            Bound + $$"""
            uint container = license;
            DrmException.ThrowIfFailed({{Decryptor}});
            Native.DRMCloseHandle(decryptor);
            Native.DRMCloseHandle(container);
            """),
        Body("Parent_variable_reassigned_to_a_new_license",
            // After the second creation 'license' is a new value: only 'first' is the decryptor's parent.
            Bound + $$"""
            uint first = license;
            DrmException.ThrowIfFailed({|#1:{{Decryptor}}|});
            DrmException.ThrowIfFailed(Native.DRMCreateBoundLicense(env, IntPtr.Zero, "<eul/>", out license, out _));
            Native.DRMCloseHandle(license);
            {|MSDRM005:Native.DRMCloseHandle(first)|};
            Native.DRMCloseHandle(decryptor);
            """,
            Bound + $$"""
            uint first = license;
            DrmException.ThrowIfFailed({{Decryptor}});
            DrmException.ThrowIfFailed(Native.DRMCreateBoundLicense(env, IntPtr.Zero, "<eul/>", out license, out _));
            Native.DRMCloseHandle(license);
            Native.DRMCloseHandle(decryptor);
            Native.DRMCloseHandle(first);
            """),
        Body("Child_created_into_a_field_is_not_followed",
            // Children created into an escape belong to someone else: their order is not this method's.
            Bound + """
            DrmException.ThrowIfFailed({|#1:Native.DRMCreateEnablingBitsDecryptor(license, "VIEW", 0, null, out uint decryptor)|});
            {|MSDRM005:Native.DRMCloseHandle(license)|};
            Native.DRMCloseHandle(decryptor);
            """,
            Bound + """
            DrmException.ThrowIfFailed(Native.DRMCreateEnablingBitsDecryptor(license, "VIEW", 0, null, out field));
            Native.DRMCloseHandle(license);
            """),
        Body("Child_stored_in_a_list_is_not_followed",
            Bound + $$"""
            DrmException.ThrowIfFailed({|#1:{{Decryptor}}|});
            {|MSDRM005:Native.DRMCloseHandle(license)|};
            Native.DRMCloseHandle(decryptor);
            """,
            Bound + $$"""
            DrmException.ThrowIfFailed({{Decryptor}});
            list.Add(decryptor);
            Native.DRMCloseHandle(license);
            """),
        Body("Wrapper_of_the_environment_disposed_before_the_library",
            // Disposing a wrapper that adopted the parent is the parent's close.
            """
            DrmException.ThrowIfFailed({|#1:Native.DRMInitEnvironment(0, 1, null, null, "<machine/>", out uint environment, out uint library)|});
            var owner = SafeDrmEnvironmentHandle.Adopt(environment);
            {|MSDRM005:owner.Dispose()|};
            Native.DRMCloseHandle(library);
            """,
            """
            DrmException.ThrowIfFailed(Native.DRMInitEnvironment(0, 1, null, null, "<machine/>", out uint environment, out uint library));
            var owner = SafeDrmEnvironmentHandle.Adopt(environment);
            Native.DRMCloseHandle(library);
            owner.Dispose();
            """),
        Body("Using_block_of_the_environment_ends_before_the_library_is_closed",
            // The implicit Dispose at the end of 'using (...)' is reported on the resource expression.
            """
            uint plugin;
            using ({|MSDRM005:SafeDrmEnvironmentHandle.Adopt(env)|})
            {
                DrmException.ThrowIfFailed({|#1:Native.DRMLoadLibrary(env, 1, "plugin.dll", null, out plugin)|});
            }

            Native.DRMCloseHandle(plugin);
            """,
            """
            using (SafeDrmEnvironmentHandle.Adopt(env))
            {
                DrmException.ThrowIfFailed(Native.DRMLoadLibrary(env, 1, "plugin.dll", null, out uint plugin));
                Native.DRMCloseHandle(plugin);
            }
            """),
        Body("Wrong_order_in_a_switch_section",
            Bound + $$"""
            DrmException.ThrowIfFailed({|#1:{{Decryptor}}|});
            switch (count)
            {
                case 0:
                    {|MSDRM005:Native.DRMCloseHandle(license)|};
                    Native.DRMCloseHandle(decryptor);
                    break;
                default:
                    Native.DRMCloseHandle(decryptor);
                    Native.DRMCloseHandle(license);
                    break;
            }
            """,
            Bound + $$"""
            DrmException.ThrowIfFailed({{Decryptor}});
            switch (count)
            {
                case 0:
                    Console.WriteLine("empty");
                    break;
                default:
                    Console.WriteLine(count);
                    break;
            }

            Native.DRMCloseHandle(decryptor);
            Native.DRMCloseHandle(license);
            """),
        Members("Parent_closed_by_a_closing_helper",
            """
                private static void Release(uint handle) => Native.DRMCloseHandle(handle);

                void M(uint env)
                {
                    DrmException.ThrowIfFailed(Native.DRMCreateBoundLicense(env, IntPtr.Zero, "<eul/>", out uint license, out _));
                    DrmException.ThrowIfFailed({|#1:Native.DRMCreateEnablingBitsEncryptor(license, "EDIT", 0, null, out uint encryptor)|});
                    {|MSDRM005:Release(license)|};
                    Release(encryptor);
                }
            """,
            """
                private static void Release(uint handle) => Native.DRMCloseHandle(handle);

                void M(uint env)
                {
                    DrmException.ThrowIfFailed(Native.DRMCreateBoundLicense(env, IntPtr.Zero, "<eul/>", out uint license, out _));
                    DrmException.ThrowIfFailed(Native.DRMCreateEnablingBitsEncryptor(license, "EDIT", 0, null, out uint encryptor));
                    Release(encryptor);
                    Release(license);
                }
            """),
        Body("A_duplicate_is_not_a_child",
            // DRMDuplicateHandle has no parent_param: the copy is independent of its source.
            Bound + $$"""
            DrmException.ThrowIfFailed({|#1:{{Decryptor}}|});
            {|MSDRM005:Native.DRMCloseHandle(license)|};
            Native.DRMCloseHandle(decryptor);
            """,
            Bound + """
            DrmException.ThrowIfFailed(Native.DRMDuplicateHandle(license, out uint copy));
            Native.DRMCloseHandle(license);
            Native.DRMCloseHandle(copy);
            """),
        Body("Child_never_closed_is_a_leak_not_an_order_problem",
            // No later close of the child on the path: MSDRM001 reports it, MSDRM005 does not.
            Bound + $$"""
            DrmException.ThrowIfFailed({|MSDRM001:{{Decryptor}}|});
            Native.DRMCloseHandle(license);
            """,
            Bound + $$"""
            DrmException.ThrowIfFailed({{Decryptor}});
            Native.DRMCloseHandle(decryptor);
            Native.DRMCloseHandle(license);
            """),
    ];
}
