using static MsDrm.Testing.Cases.HandleNotClosedSource;

namespace MsDrm.Testing.Cases;

/// <summary>
/// MSDRM006 cases (error masked in cleanup): each Wrong overwrites a failed HRESULT (the failure side of
/// a success test, or a negative constant) with a close function's result and then returns or throws
/// that new value; the overwriting assignment is marked <c>{|MSDRM006:...|}</c> and the failure test (or
/// the constant's assignment) <c>{|#1:...|}</c>. Each Correct keeps the failure and is silent.
/// </summary>
public static class MSDRM006Cases
{
    private const string Helpers = """
            private const int E_OUTOFMEMORY = unchecked((int)0x8007000E);
            private const int E_FAIL = unchecked((int)0x80004005);

        """;

    private const string Dup = "DrmException.ThrowIfFailed(Native.DRMDuplicateSession(s, out uint dup));\n";

    private static readonly Lazy<IReadOnlyList<RuleCase>> LazyAll = new(() => Build().Concat(MSDRM006ShapeCases.Cases).ToArray());

    /// <summary>Every case, in a stable order (the shared-case discoveries take every <c>All</c> list).</summary>
    public static IReadOnlyList<RuleCase> All => LazyAll.Value;

    /// <summary>A case whose Wrong and Correct differ in the body of <c>int Run(...)</c>.</summary>
    internal static RuleCase Run(string name, string wrong, string correct, string members = "")
        => Members(name, Method(wrong, members), Method(correct, members));

    internal static string Session => Dup;

    private static string Method(string body, string members) => Helpers + members + $$"""
            int Run(uint s, uint env, uint lib, bool flag, int count)
            {
        {{body}}
            }
        """;

    private static IEnumerable<RuleCase> Build()
    {
        yield return Run("Goto_cleanup_returns_the_close_result",
            Dup + """
            int hr = Native.DRMIsActivated(dup, 0, IntPtr.Zero);
            if ({|#1:hr < 0|})
            {
                goto Cleanup;
            }

            Console.WriteLine("activated");
            Cleanup:
            {|MSDRM006:hr = Native.DRMCloseSession(dup)|};
            return hr;
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
            return hr;
            """);

        yield return Run("Close_result_thrown_with_ThrowIfFailed",
            Dup + """
            int hr = Native.DRMIsActivated(dup, 0, IntPtr.Zero);
            if ({|#1:hr < 0|})
            {
                {|MSDRM006:hr = Native.DRMCloseSession(dup)|};
            }
            else
            {
                Native.DRMCloseSession(dup);
            }

            DrmException.ThrowIfFailed(hr);
            return 0;
            """,
            Dup + """
            int hr = Native.DRMIsActivated(dup, 0, IntPtr.Zero);
            Native.DRMCloseSession(dup);
            DrmException.ThrowIfFailed(hr);
            return 0;
            """);

        yield return Run("Close_result_thrown_with_Marshal_ThrowExceptionForHR",
            Dup + """
            int hr = Native.DRMIsActivated(dup, 0, IntPtr.Zero);
            if ({|#1:hr < 0|})
            {
                {|MSDRM006:hr = Native.DRMCloseSession(dup)|};
            }
            else
            {
                Native.DRMCloseSession(dup);
            }

            Marshal.ThrowExceptionForHR(hr);
            return 0;
            """,
            Dup + """
            int hr = Native.DRMIsActivated(dup, 0, IntPtr.Zero);
            Native.DRMCloseSession(dup);
            Marshal.ThrowExceptionForHR(hr);
            return 0;
            """);

        yield return Run("Negative_constant_overwritten_in_cleanup",
            Dup + """
            int hr = 0;
            if (!flag)
            {
                {|#1:hr = E_OUTOFMEMORY|};
                goto Cleanup;
            }

            Console.WriteLine("working");
            Cleanup:
            {|MSDRM006:hr = Native.DRMCloseSession(dup)|};
            return hr;
            """,
            Dup + """
            int hr = 0;
            if (!flag)
            {
                hr = E_OUTOFMEMORY;
                goto Cleanup;
            }

            Console.WriteLine("working");
            Cleanup:
            Native.DRMCloseSession(dup);
            return hr;
            """);

        yield return Run("Negative_enum_member_overwritten_in_cleanup",
            Dup + """
            int hr = 0;
            if (count == 0)
            {
                {|#1:hr = (int)DrmError.E_DRM_NO_MORE_DATA|};
            }

            {|MSDRM006:hr = Native.DRMCloseSession(dup)|};
            return hr;
            """,
            Dup + """
            int hr = 0;
            if (count == 0)
            {
                hr = (int)DrmError.E_DRM_NO_MORE_DATA;
            }

            int closed = Native.DRMCloseSession(dup);
            return hr < 0 ? hr : closed;
            """);

        yield return Run("Cleanup_chain_is_reported_once",
            // The first close overwrites the failure; the second overwrites a close result: one diagnostic.
            """
            DrmException.ThrowIfFailed(Native.DRMCreateBoundLicense(env, IntPtr.Zero, "<eul/>", out uint license, out _));
            DrmException.ThrowIfFailed(Native.DRMCreateEnablingBitsDecryptor(license, "VIEW", 0, null, out uint decryptor));
            int hr = Native.DRMDecrypt(decryptor, 0, 0, null, ref Sizes.Length, null);
            if ({|#1:hr < 0|})
            {
                goto Cleanup;
            }

            Console.WriteLine(Sizes.Length);
            Cleanup:
            {|MSDRM006:hr = Native.DRMCloseHandle(decryptor)|};
            hr = Native.DRMCloseHandle(license);
            return hr;
            """,
            """
            DrmException.ThrowIfFailed(Native.DRMCreateBoundLicense(env, IntPtr.Zero, "<eul/>", out uint license, out _));
            DrmException.ThrowIfFailed(Native.DRMCreateEnablingBitsDecryptor(license, "VIEW", 0, null, out uint decryptor));
            int hr = Native.DRMDecrypt(decryptor, 0, 0, null, ref Sizes.Length, null);
            if (hr < 0)
            {
                goto Cleanup;
            }

            Console.WriteLine(Sizes.Length);
            Cleanup:
            Native.DRMCloseHandle(decryptor);
            Native.DRMCloseHandle(license);
            return hr;
            """,
            "private static class Sizes\n    {\n        public static uint Length;\n    }\n\n");

        yield return Run("Retry_is_not_cleanup",
            // Closing and reopening resets the session but reports the close's success.
            Dup + """
            int hr = Native.DRMIsActivated(dup, 0, IntPtr.Zero);
            if ({|#1:hr < 0|})
            {
                {|MSDRM006:hr = Native.DRMCloseSession(dup)|};
                DrmException.ThrowIfFailed(Native.DRMDuplicateSession(s, out dup));
            }

            Native.DRMCloseSession(dup);
            return hr;
            """,
            Dup + """
            int hr = Native.DRMIsActivated(dup, 0, IntPtr.Zero);
            if (hr < 0)
            {
                hr = Native.DRMIsActivated(dup, 0, IntPtr.Zero);
            }

            Native.DRMCloseSession(dup);
            return hr;
            """);

        yield return Run("Failure_returned_before_the_close",
            Dup + """
            int hr = Native.DRMIsActivated(dup, 0, IntPtr.Zero);
            if ({|#1:hr < 0|})
            {
                {|MSDRM006:hr = Native.DRMCloseSession(dup)|};
                return hr;
            }

            return Native.DRMCloseSession(dup);
            """,
            Dup + """
            int hr = Native.DRMIsActivated(dup, 0, IntPtr.Zero);
            if (hr < 0)
            {
                Native.DRMCloseSession(dup);
                return hr;
            }

            return Native.DRMCloseSession(dup);
            """);

        yield return Run("Failure_stored_elsewhere_first",
            Dup + """
            int hr = Native.DRMIsActivated(dup, 0, IntPtr.Zero);
            if ({|#1:hr < 0|})
            {
                Console.WriteLine("not activated");
            }

            {|MSDRM006:hr = Native.DRMCloseSession(dup)|};
            return hr;
            """,
            Dup + """
            int hr = Native.DRMIsActivated(dup, 0, IntPtr.Zero);
            int failure = 0;
            if (hr < 0)
            {
                failure = hr;
            }

            hr = Native.DRMCloseSession(dup);
            return failure < 0 ? failure : hr;
            """);
    }
}
