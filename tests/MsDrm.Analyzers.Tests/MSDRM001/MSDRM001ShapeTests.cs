using Microsoft.CodeAnalysis.Testing;
using MsDrm.Analyzers.Rules;
using Xunit;
using static MsDrm.Analyzers.Tests.Spec.SpecPrograms;

namespace MsDrm.Analyzers.Tests.MSDRM001;

/// <summary>
/// docs/design.md "Which calls are DRM calls" (handle parameter types, entry points, other DLL names,
/// [LibraryImport], MsDrm.Runtime) and the MSDRM001 bullets on overwrites, wrappers and the report
/// location, over many C# shapes (async, iterators, lambdas, top-level statements, structs ...).
/// </summary>
public sealed class MSDRM001ShapeTests
{
    private static Task V(string body, string members = "", string outside = "")
        => Verify<MSDRM001HandleNotClosedAnalyzer>(InMethod(body, members, outside));

    private static Task VRaw(string text, bool unsafeCode = false)
        => Verify<MSDRM001HandleNotClosedAnalyzer>(Raw(text), unsafeCode: unsafeCode);

    private static string Own(string declarations) => $$"""
        internal static unsafe class Own
        {
        {{declarations}}
        }
        """;

    // Handle parameter types -------------------------------------------------------------------------

    [Theory]
    [InlineData("uint")]
    [InlineData("int")]
    [InlineData("IntPtr")]
    [InlineData("nint")]
    [InlineData("UIntPtr")]
    [InlineData("nuint")]
    public Task Drm_call_handle_type_not_closed_is_reported(string type) => VRaw($$"""
        internal static class Own
        {
            [DllImport("msdrm.dll")] public static extern int DRMDuplicateSession({{type}} hSessionIn, out {{type}} phSessionOut);
            [DllImport("msdrm.dll")] public static extern int DRMCloseSession({{type}} hSession);
        }

        internal static class User
        {
            public static void Run({{type}} session)
            {
                {|MSDRM001:Own.DRMDuplicateSession(session, out {{type}} copy)|};
            }
        }
        """);

    [Theory]
    [InlineData("uint")]
    [InlineData("int")]
    [InlineData("IntPtr")]
    [InlineData("nint")]
    [InlineData("UIntPtr")]
    [InlineData("nuint")]
    public Task Drm_call_handle_type_closed_is_silent(string type) => VRaw($$"""
        internal static class Own
        {
            [DllImport("msdrm.dll")] public static extern int DRMDuplicateSession({{type}} hSessionIn, out {{type}} phSessionOut);
            [DllImport("msdrm.dll")] public static extern int DRMCloseSession({{type}} hSession);
        }

        internal static class User
        {
            public static void Run({{type}} session)
            {
                if (Own.DRMDuplicateSession(session, out var copy) < 0) return;
                Own.DRMCloseSession(copy);
            }
        }
        """);

    [Fact]
    public Task Drm_call_ref_parameter_creation_not_closed_is_reported() => VRaw("""
        internal static class Own
        {
            [DllImport("msdrm.dll")] public static extern int DRMDuplicateSession(uint hSessionIn, ref uint phSessionOut);
        }

        internal static class User
        {
            public static void Run(uint session)
            {
                uint copy = 0;
                {|MSDRM001:Own.DRMDuplicateSession(session, ref copy)|};
            }
        }
        """);

    [Fact]
    public Task Drm_call_pointer_parameter_address_of_local_not_closed_is_reported() => VRaw("""
        internal static unsafe class Own
        {
            [DllImport("msdrm.dll")] public static extern int DRMDuplicateSession(uint hSessionIn, uint* phSessionOut);
            [DllImport("msdrm.dll")] public static extern int DRMCloseSession(uint hSession);
        }

        internal static unsafe class User
        {
            public static void Run(uint session)
            {
                uint copy;
                {|MSDRM001:Own.DRMDuplicateSession(session, &copy)|};
            }
        }
        """, unsafeCode: true);

    [Fact]
    public Task Drm_call_pointer_parameter_address_of_local_closed_is_silent() => VRaw("""
        internal static unsafe class Own
        {
            [DllImport("msdrm.dll")] public static extern int DRMDuplicateSession(uint hSessionIn, uint* phSessionOut);
            [DllImport("msdrm.dll")] public static extern int DRMCloseSession(uint hSession);
        }

        internal static unsafe class User
        {
            public static void Run(uint session)
            {
                uint copy;
                if (Own.DRMDuplicateSession(session, &copy) >= 0)
                {
                    Own.DRMCloseSession(copy);
                }
            }
        }
        """, unsafeCode: true);

    // Entry points and library names ------------------------------------------------------------------

    [Fact]
    public Task Drm_call_entry_point_rename_is_recognised() => VRaw("""
        internal static class Own
        {
            [DllImport("msdrm.dll", EntryPoint = "DRMDuplicateSession")] public static extern int CopySession(uint source, out uint copy);
            [DllImport("msdrm.dll", EntryPoint = "DRMCloseSession")] public static extern int Close(uint session);
        }

        internal static class User
        {
            public static void Leak(uint session) => {|MSDRM001:Own.CopySession(session, out uint copy)|};

            public static void Fine(uint session)
            {
                Own.CopySession(session, out uint copy);
                Own.Close(copy);
            }
        }
        """);

    [Fact]
    public Task Drm_call_other_library_name_is_recognised() => VRaw("""
        internal static class Wpf
        {
            [DllImport("PresentationHost_cor3.dll", EntryPoint = "DRMCreateUser", CharSet = CharSet.Unicode)]
            public static extern int CreateUser(string name, string id, string type, out uint user);

            [DllImport("PresentationHost_cor3.dll")] public static extern int DRMClosePubHandle(uint pub);
        }

        internal static class User
        {
            public static void Leak() => {|MSDRM001:Wpf.CreateUser("a", "b", "c", out uint user)|};

            public static void Fine()
            {
                Wpf.CreateUser("a", "b", "c", out uint user);
                Wpf.DRMClosePubHandle(user);
            }
        }
        """);

    [Fact]
    public Task Drm_call_msdrm_without_extension_is_recognised() => VRaw("""
        internal static class Own
        {
            [DllImport("msdrm")] public static extern int DRMParseUnboundLicense([MarshalAs(UnmanagedType.LPWStr)] string cert, out uint query);
        }

        internal static class User
        {
            public static void Leak() => {|MSDRM001:Own.DRMParseUnboundLicense("c", out uint query)|};
        }
        """);

    [Fact]
    public Task Drm_call_entry_point_not_an_msdrm_export_is_silent() => VRaw("""
        internal static class Own
        {
            [DllImport("msdrm.dll", EntryPoint = "SomethingElse")] public static extern int DRMDuplicateSession(uint source, out uint copy);
        }

        internal static class User
        {
            public static void Run(uint session) => Own.DRMDuplicateSession(session, out uint copy);
        }
        """);

    [Fact]
    public Task Drm_call_non_extern_method_with_export_name_is_silent() => VRaw("""
        internal static class Fake
        {
            public static int DRMDuplicateSession(uint source, out uint copy) { copy = source; return 0; }
        }

        internal static class User
        {
            public static void Run(uint session) => Fake.DRMDuplicateSession(session, out uint copy);
        }
        """);

    [Fact]
    public Task Drm_call_library_import_partial_is_recognised() => VRaw("""
        internal static partial class Own
        {
            [LibraryImport("msdrm.dll")]
            public static partial int DRMDuplicateSession(uint source, out uint copy);

            // What the LibraryImport generator would emit (the generator does not run in this test).
            public static partial int DRMDuplicateSession(uint source, out uint copy) { copy = 0; return 0; }
        }

        internal static class User
        {
            public static void Leak(uint session) => {|MSDRM001:Own.DRMDuplicateSession(session, out uint copy)|};

            public static void Fine(uint session)
            {
                Own.DRMDuplicateSession(session, out uint copy);
                Native.DRMCloseSession(copy);
            }
        }
        """);

    [Fact]
    public Task Drm_call_runtime_NativeMethods_not_closed_is_reported() => V("""
            {|MSDRM001:NativeMethods.DRMDuplicateSession(session, out uint copy)|};
        """);

    [Fact]
    public Task Drm_call_runtime_NativeMethods_closed_by_user_declaration_is_silent() => V("""
            NativeMethods.DRMDuplicateSession(session, out uint copy);
            Native.DRMCloseSession(copy);
        """);

    [Fact]
    public Task Drm_call_user_creation_closed_by_runtime_NativeMethods_is_silent() => V("""
            int hr = Native.DRMCreateUser("u", "i", "t", out uint user);
            if (hr < 0) return;
            NativeMethods.DRMClosePubHandle(user);
        """);

    [Fact]
    public Task Drm_call_every_creating_function_of_Native_reports_when_dropped() => V("""
            {|MSDRM001:Native.DRMLoadLibrary(env, 0, "p", "c", out uint a)|};
            {|MSDRM001:Native.DRMCreateEnablingPrincipal(env, lib, "o", IntPtr.Zero, "c", out uint b)|};
            {|MSDRM001:Native.DRMCreateLicenseStorageSession(env, lib, session, 0, "l", out uint c)|};
            {|MSDRM001:Native.DRMGetUnboundLicenseObject(license, "x", 0, out uint d)|};
            {|MSDRM001:Native.DRMGetUserRights(license, license, 0, out uint e)|};
            {|MSDRM001:Native.DRMCreateIssuanceLicense(IntPtr.Zero, IntPtr.Zero, null, null, 0, null, 0, out uint f)|};
        """);

    // Overwrites --------------------------------------------------------------------------------------

    [Fact]
    public Task Overwrite_in_sequence_reports_the_first_call() => V("""
            {|MSDRM001:Native.DRMDuplicateSession(session, out uint copy)|};
            Native.DRMDuplicateSession(session, out copy);
            Native.DRMCloseSession(copy);
        """);

    [Fact]
    public Task Overwrite_after_close_is_silent() => V("""
            Native.DRMDuplicateSession(session, out uint copy);
            Native.DRMCloseSession(copy);
            Native.DRMDuplicateSession(session, out copy);
            Native.DRMCloseSession(copy);
        """);

    [Fact]
    public Task Overwrite_in_for_loop_is_reported() => V("""
            uint user = 0;
            for (uint i = 0; i < 3; i++)
            {
                {|MSDRM001:Native.DRMGetUsers(license, i, out user)|};
            }

            Native.DRMClosePubHandle(user);
        """);

    [Fact]
    public Task Overwrite_in_while_loop_with_success_test_is_reported() => V("""
            uint user = 0;
            uint i = 0;
            while (n-- > 0)
            {
                int hr = {|MSDRM001:Native.DRMGetUsers(license, i++, out user)|};
                if (hr < 0) return;
            }

            Native.DRMClosePubHandle(user);
        """);

    [Fact]
    public Task Overwrite_by_plain_assignment_loses_the_handle() => V("""
            {|MSDRM001:Native.DRMDuplicateSession(session, out uint copy)|};
            copy = 0;
            Native.DRMCloseSession(copy);
        """);

    [Fact]
    public Task Overwrite_of_failed_call_is_not_a_leak() => V("""
            int hr = Native.DRMDuplicateSession(session, out uint copy);
            if (hr < 0)
            {
                hr = Native.DRMDuplicateSession(session, out copy);
                if (hr < 0) return;
            }

            Native.DRMCloseSession(copy);
        """);

    [Fact]
    public Task Overwrite_two_outputs_of_bound_license_both_closed_in_loop_is_silent() => V("""
            for (int i = 0; i < n; i++)
            {
                if (Native.DRMCreateBoundLicense(env, IntPtr.Zero, "chain", out uint bound, out uint log) < 0) continue;
                Native.DRMCloseHandle(log);
                Native.DRMCloseHandle(bound);
            }
        """);

    // Discards ----------------------------------------------------------------------------------------

    // The rule page does not mention `out _`; the handle exists and can never reach its close function, so
    // by "must reach its matching close function on every path" it is a leak.
    [Fact]
    public Task Discard_out_handle_is_reported() => V("""
            {|MSDRM001:Native.DRMDuplicateSession(session, out _)|};
        """);

    [Fact]
    public Task Discard_of_hresult_does_not_hide_the_handle() => V("""
            _ = {|MSDRM001:Native.DRMDuplicateSession(session, out uint copy)|};
        """);

    // C# shapes ---------------------------------------------------------------------------------------

    [Fact]
    public Task Shape_async_method_await_between_create_and_close_is_silent() => VRaw("""
        internal static class User
        {
            public static async Task RunAsync(uint session)
            {
                Native.DRMDuplicateSession(session, out uint copy);
                await Task.Delay(1);
                Native.DRMCloseSession(copy);
            }
        }
        """);

    [Fact]
    public Task Shape_async_method_leak_is_reported() => VRaw("""
        internal static class User
        {
            public static async Task<int> RunAsync(uint session)
            {
                int hr = {|MSDRM001:Native.DRMDuplicateSession(session, out uint copy)|};
                await Task.Yield();
                return hr;
            }
        }
        """);

    [Fact]
    public Task Shape_iterator_leak_is_reported() => VRaw("""
        internal static class User
        {
            public static IEnumerable<int> Count(uint license)
            {
                {|MSDRM001:Native.DRMGetUsers(license, 0, out uint user)|};
                yield return 1;
            }
        }
        """);

    [Fact]
    public Task Shape_property_getter_leak_is_reported() => VRaw("""
        internal sealed class Holder
        {
            private readonly uint _session;

            public bool CanCopy
            {
                get
                {
                    int hr = {|MSDRM001:Native.DRMDuplicateSession(_session, out uint copy)|};
                    return hr >= 0;
                }
            }
        }
        """);

    [Fact]
    public Task Shape_expression_bodied_property_leak_is_reported() => VRaw("""
        internal sealed class Holder
        {
            private readonly uint _session = 1;

            public int Copied => {|MSDRM001:Native.DRMDuplicateSession(_session, out uint copy)|};
        }
        """);

    [Fact]
    public Task Shape_constructor_storing_into_field_is_silent() => VRaw("""
        internal sealed class Holder : IDisposable
        {
            private readonly uint _copy;

            public Holder(uint session) => DrmException.ThrowIfFailed(Native.DRMDuplicateSession(session, out _copy));

            public void Dispose() => Native.DRMCloseSession(_copy);
        }
        """);

    [Fact]
    public Task Shape_constructor_leak_is_reported() => VRaw("""
        internal sealed class Holder
        {
            public Holder(uint session)
            {
                {|MSDRM001:Native.DRMDuplicateSession(session, out uint copy)|};
            }
        }
        """);

    [Fact]
    public Task Shape_struct_method_leak_is_reported() => VRaw("""
        internal struct Reader
        {
            public int Count(string certificate)
            {
                {|MSDRM001:Native.DRMParseUnboundLicense(certificate, out uint query)|};
                Native.DRMGetUnboundLicenseObjectCount(query, "x", out uint count);
                return (int)count;
            }
        }
        """);

    [Fact]
    public Task Shape_lambda_body_leak_is_reported() => V("""
            Func<int> copy = () =>
            {
                int hr = {|MSDRM001:Native.DRMDuplicateSession(session, out uint inner)|};
                return hr;
            };
            copy();
        """);

    [Fact]
    public Task Shape_lambda_body_closing_is_silent() => V("""
            Action copy = () =>
            {
                Native.DRMDuplicateSession(session, out uint inner);
                Native.DRMCloseSession(inner);
            };
            copy();
        """);

    [Fact]
    public Task Shape_local_function_leak_is_reported() => V("""
            Copy();

            void Copy()
            {
                {|MSDRM001:Native.DRMDuplicateSession(session, out uint inner)|};
            }
        """);

    [Fact]
    public Task Shape_switch_expression_result_then_closed_is_silent() => V("""
            int hr = Native.DRMDuplicateSession(session, out uint copy);
            string text = hr switch
            {
                < 0 => "failed",
                _ => "ok",
            };
            if (hr >= 0) Native.DRMCloseSession(copy);
        """);

    [Fact]
    public Task Shape_tuple_return_is_an_escape() => VRaw("""
        internal static class User
        {
            // Returned inside a tuple: still "be returned" in the rule page's escape list.
            public static (int Hr, uint Copy) Copy(uint session)
            {
                int hr = Native.DRMDuplicateSession(session, out uint copy);
                return (hr, copy);
            }
        }
        """);

    [Fact]
    public Task Shape_out_var_in_nested_if_with_else_leak_is_reported() => V("""
            if (n > 0)
            {
                if ({|MSDRM001:Native.DRMCreateUser("a", "b", "c", out var user)|} >= 0)
                {
                    if (n > 5) Native.DRMClosePubHandle(user);
                }
            }
        """);

    [Fact]
    public Task Shape_ref_local_alias_closed_is_silent() => V("""
            uint copy = 0;
            ref uint alias = ref copy;
            Native.DRMDuplicateSession(session, out copy);
            Native.DRMCloseSession(alias);
        """);

    [Fact]
    public Task Shape_null_conditional_and_ternary_around_close_is_silent() => V("""
            string? label = n > 0 ? "x" : null;
            Native.DRMDuplicateSession(session, out uint copy);
            int length = label?.Length ?? 0;
            int closed = length > 0 ? Native.DRMCloseSession(copy) : Native.DRMCloseSession(copy);
        """);

    [Fact]
    public Task Shape_top_level_statements_leak_is_reported()
        => Verify<MSDRM001HandleNotClosedAnalyzer>(Raw("""
            uint session = 1;
            {|MSDRM001:Native.DRMDuplicateSession(session, out uint copy)|};
            Console.WriteLine("done");
            """), topLevel: true);

    [Fact]
    public Task Shape_top_level_statements_closed_is_silent()
        => Verify<MSDRM001HandleNotClosedAnalyzer>(Raw("""
            uint session = 1;
            if (Native.DRMDuplicateSession(session, out uint copy) < 0) return;
            Native.DRMCloseSession(copy);
            """), topLevel: true);

    [Fact]
    public Task Shape_using_declaration_of_unrelated_disposable_does_not_close() => V("""
            using var timer = new System.Threading.CancellationTokenSource();
            {|MSDRM001:Native.DRMDuplicateSession(session, out uint copy)|};
        """);

    // Report location and message ---------------------------------------------------------------------

    [Fact]
    public Task Report_message_names_variable_function_and_close_function()
        => Verify<MSDRM001HandleNotClosedAnalyzer>(
            InMethod("""
                    int hr = {|#0:Native.DRMCreateRight("VIEW", IntPtr.Zero, IntPtr.Zero, 0, null, null, out uint right)|};
            """),
            expected: new Microsoft.CodeAnalysis.Testing.DiagnosticResult(Descriptors.HandleNotClosed)
                .WithLocation(0)
                .WithArguments("right", "DRMCreateRight", "DRMClosePubHandle", "still open at the end of the method on line 16").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));

    [Fact]
    public Task Report_message_uses_export_name_for_renamed_entry_point()
        => Verify<MSDRM001HandleNotClosedAnalyzer>(
            Raw("""
            internal static class Own
            {
                [DllImport("msdrm.dll", EntryPoint = "DRMDuplicateEnvironmentHandle")] public static extern int CopyEnv(uint source, out uint copy);
            }

            internal static class User
            {
                public static void Run(uint env) => {|#0:Own.CopyEnv(env, out uint envCopy)|};
            }
            """),
            expected: new Microsoft.CodeAnalysis.Testing.DiagnosticResult(Descriptors.HandleNotClosed)
                .WithLocation(0)
                .WithArguments("envCopy", "DRMDuplicateEnvironmentHandle", "DRMCloseEnvironmentHandle", "still open at the end of the method on line 13").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));
}
