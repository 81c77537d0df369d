using static MsDrm.Testing.Cases.HandleNotClosedSource;

namespace MsDrm.Testing.Cases;

/// <summary>
/// MSDRM004 cases (wrong close function). Raw handles: the Wrong closes a handle of a known kind with
/// another kind's close function, marked <c>{|MSDRM004:...|}</c>; DESIGN.md keeps MSDRM001 on such a
/// handle (it is still not closed), so its creation carries <c>{|MSDRM001:...|}</c> too. SafeHandle
/// subclasses: <c>ReleaseHandle</c> closes with a function of another kind than the imports create into
/// the type; only the close call inside <c>ReleaseHandle</c> is reported (instances are disposed, and
/// DESIGN.md exempts them from MSDRM001). Each Correct uses the matching close and is silent.
/// </summary>
public static class MSDRM004Cases
{
    private static readonly Lazy<IReadOnlyList<RuleCase>> LazyAll = new(() => Build().ToArray());

    /// <summary>The five kinds: how the cases create one (into 'h'), and its close function.</summary>
    private static readonly (string Kind, string Create, string Close)[] Kinds =
    [
        ("Session", "Native.DRMDuplicateSession(s, out uint h)", "DRMCloseSession"),
        ("Handle", "Native.DRMDuplicateHandle(lib, out uint h)", "DRMCloseHandle"),
        ("Pub", "Native.DRMCreateUser(\"alice@example.com\", null, \"Windows\", out uint h)", "DRMClosePubHandle"),
        ("Environment", "Native.DRMDuplicateEnvironmentHandle(env, out uint h)", "DRMCloseEnvironmentHandle"),
        ("Query", "Native.DRMParseUnboundLicense(\"<XrML/>\", out uint h)", "DRMCloseQueryHandle"),
    ];

    /// <summary>Every case, in a stable order (the shared-case discoveries take every <c>All</c> list).</summary>
    public static IReadOnlyList<RuleCase> All => LazyAll.Value;

    private static IEnumerable<RuleCase> Build() =>
        KindMatrix().Concat(Shapes()).Concat(MSDRM004SafeHandleCases.Cases);

    /// <summary>Every kind closed with each of the four other close functions (20 cases).</summary>
    private static IEnumerable<RuleCase> KindMatrix()
    {
        foreach ((string kind, string create, string close) in Kinds)
        {
            foreach (var (_, _, wrongClose) in Kinds.Where(k => k.Close != close))
            {
                yield return Body(
                    $"{kind}_closed_with_{wrongClose}",
                    $"DrmException.ThrowIfFailed({{|MSDRM001:{create}|}});\n{{|MSDRM004:Native.{wrongClose}(h)|}};",
                    $"DrmException.ThrowIfFailed({create});\nNative.{close}(h);");
            }
        }
    }

    private static IEnumerable<RuleCase> Shapes()
    {
        yield return Body("Closed_through_a_copy_with_the_wrong_function",
            """
            DrmException.ThrowIfFailed({|MSDRM001:Native.DRMDuplicateSession(s, out uint dup)|});
            uint copy = dup;
            {|MSDRM004:Native.DRMCloseHandle(copy)|};
            """,
            """
            DrmException.ThrowIfFailed(Native.DRMDuplicateSession(s, out uint dup));
            uint copy = dup;
            Native.DRMCloseSession(copy);
            """);

        yield return Body("Wrong_function_on_one_branch",
            """
            DrmException.ThrowIfFailed({|MSDRM001:Native.DRMDuplicateSession(s, out uint dup)|});
            if (flag)
            {
                {|MSDRM004:Native.DRMCloseHandle(dup)|};
            }
            else
            {
                Native.DRMCloseSession(dup);
            }
            """,
            """
            DrmException.ThrowIfFailed(Native.DRMDuplicateSession(s, out uint dup));
            if (flag)
            {
                Native.DRMCloseSession(dup);
            }
            else
            {
                Native.DRMCloseSession(dup);
            }
            """);

        yield return Body("Enumerated_users_closed_with_DRMCloseHandle_in_a_loop",
            """
            for (uint i = 0; i < 2; i++)
            {
                DrmException.ThrowIfFailed({|MSDRM001:Native.DRMGetUsers(lic, i, out uint user)|});
                {|MSDRM004:Native.DRMCloseHandle(user)|};
            }
            """,
            """
            for (uint i = 0; i < 2; i++)
            {
                DrmException.ThrowIfFailed(Native.DRMGetUsers(lic, i, out uint user));
                Native.DRMClosePubHandle(user);
            }
            """);

        yield return Body("Wrong_function_in_finally",
            """
            DrmException.ThrowIfFailed({|MSDRM001:Native.DRMCreateEnablingBitsDecryptor(bound, "VIEW", 0, null, out uint decryptor)|});
            try
            {
                Console.WriteLine("decrypting");
            }
            finally
            {
                {|MSDRM004:Native.DRMCloseEnvironmentHandle(decryptor)|};
            }
            """,
            """
            DrmException.ThrowIfFailed(Native.DRMCreateEnablingBitsDecryptor(bound, "VIEW", 0, null, out uint decryptor));
            try
            {
                Console.WriteLine("decrypting");
            }
            finally
            {
                Native.DRMCloseHandle(decryptor);
            }
            """);

        yield return Body("Variable_reused_for_another_kind",
            // The kind belongs to the value: after the second creation 'h' holds a DRMHANDLE.
            """
            DrmException.ThrowIfFailed(Native.DRMDuplicateSession(s, out uint h));
            Native.DRMCloseSession(h);
            DrmException.ThrowIfFailed({|MSDRM001:Native.DRMDuplicateHandle(lib, out h)|});
            {|MSDRM004:Native.DRMCloseSession(h)|};
            """,
            """
            DrmException.ThrowIfFailed(Native.DRMDuplicateSession(s, out uint h));
            Native.DRMCloseSession(h);
            DrmException.ThrowIfFailed(Native.DRMDuplicateHandle(lib, out h));
            Native.DRMCloseHandle(h);
            """);

        yield return Body("License_storage_session_closed_as_a_handle",
            """
            DrmException.ThrowIfFailed({|MSDRM001:Native.DRMCreateLicenseStorageSession(env, lib, s, 0, "<issuance-license/>", out uint storage)|});
            {|MSDRM004:Native.DRMCloseHandle(storage)|};
            """,
            """
            DrmException.ThrowIfFailed(Native.DRMCreateLicenseStorageSession(env, lib, s, 0, "<issuance-license/>", out uint storage));
            Native.DRMCloseSession(storage);
            """);

        yield return Body("Unbound_sub_query_closed_as_the_docs_parameter_text_says",
            // DRMGetUnboundLicenseObject's docs name DRMCloseHandle, but the handle is a DRMQUERYHANDLE.
            """
            DrmException.ThrowIfFailed({|MSDRM001:Native.DRMGetUnboundLicenseObject(query, "issued-principal", 0, out uint principal)|});
            {|MSDRM004:Native.DRMCloseHandle(principal)|};
            """,
            """
            DrmException.ThrowIfFailed(Native.DRMGetUnboundLicenseObject(query, "issued-principal", 0, out uint principal));
            Native.DRMCloseQueryHandle(principal);
            """);

        yield return Body("Environment_closed_as_a_handle_after_init",
            """
            DrmException.ThrowIfFailed({|MSDRM001:Native.DRMInitEnvironment(0, 1, null, null, "<machine/>", out uint environment, out uint library)|});
            Native.DRMCloseHandle(library);
            {|MSDRM004:Native.DRMCloseHandle(environment)|};
            """,
            """
            DrmException.ThrowIfFailed(Native.DRMInitEnvironment(0, 1, null, null, "<machine/>", out uint environment, out uint library));
            Native.DRMCloseHandle(library);
            Native.DRMCloseEnvironmentHandle(environment);
            """);

        yield return Body("Runtime_NativeMethods_wrong_close",
            """
            DrmException.ThrowIfFailed({|MSDRM001:NativeMethods.DRMCreateUser("alice@example.com", null, "Windows", out uint user)|});
            {|MSDRM004:NativeMethods.DRMCloseQueryHandle(user)|};
            """,
            """
            DrmException.ThrowIfFailed(NativeMethods.DRMCreateUser("alice@example.com", null, "Windows", out uint user));
            NativeMethods.DRMClosePubHandle(user);
            """);

        yield return Body("Wrong_close_after_a_success_test",
            """
            int hr = {|MSDRM001:Native.DRMDuplicatePubHandle(pub, out uint copy)|};
            if (hr >= 0)
            {
                {|MSDRM004:Native.DRMCloseHandle(copy)|};
            }
            """,
            """
            int hr = Native.DRMDuplicatePubHandle(pub, out uint copy);
            if (hr >= 0)
            {
                Native.DRMClosePubHandle(copy);
            }
            """);
    }
}
