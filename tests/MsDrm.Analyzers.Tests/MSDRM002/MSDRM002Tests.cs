using MsDrm.Analyzers.Rules;
using Xunit;
using static MsDrm.Analyzers.Tests.Spec.SpecPrograms;

namespace MsDrm.Analyzers.Tests.MSDRM002;

/// <summary>
/// docs/rules/MSDRM002.md: "Reported on a DRM call whose result is an expression statement, or stored in a
/// variable that is overwritten or leaves scope before any read. Not reported for an explicit discard
/// (_ = DRM...(...)), which states intent, nor for the close functions (DRMClose*), unless .editorconfig
/// sets msdrm.check_close_results = true."
/// </summary>
public sealed class MSDRM002Tests
{
    private const string OptionOn = "root = true\n[*]\nmsdrm.check_close_results = true\n";
    private const string OptionOff = "root = true\n[*]\nmsdrm.check_close_results = false\n";

    private static Task V(string body, string members = "", string outside = "", string? editorConfig = null)
        => Verify<MSDRM002HresultIgnoredAnalyzer>(InMethod(body, members, outside), editorConfig);

    private static Task VRaw(string text) => Verify<MSDRM002HresultIgnoredAnalyzer>(Raw(text));

    // Expression statements ---------------------------------------------------------------------------

    [Fact]
    public Task Ignored_expression_statement_is_reported() => V("""
            {|MSDRM002:Native.DRMRepair()|};
        """);

    [Fact]
    public Task Ignored_creating_call_as_statement_is_reported() => V("""
            {|MSDRM002:Native.DRMDuplicateSession(session, out uint copy)|};
            Native.DRMCloseSession(copy);
        """);

    [Fact]
    public Task Ignored_use_call_as_statement_is_reported() => V("""
            uint size = 0;
            {|MSDRM002:Native.DRMEncrypt(lib, 0, 0, null, ref size, null)|};
        """);

    [Fact]
    public Task Ignored_runtime_NativeMethods_statement_is_reported() => V("""
            {|MSDRM002:NativeMethods.DRMCreateUser("a", "b", "c", out uint user)|};
            _ = NativeMethods.DRMClosePubHandle(user);
        """);

    [Fact]
    public Task Ignored_renamed_entry_point_statement_is_reported() => VRaw("""
        internal static class Own
        {
            [DllImport("msdrm.dll", EntryPoint = "DRMRepair")] public static extern int Fix();
        }

        internal static class User
        {
            public static void Run()
            {
                {|MSDRM002:Own.Fix()|};
            }
        }
        """);

    [Fact]
    public Task Ignored_other_library_name_statement_is_reported() => VRaw("""
        internal static class Wpf
        {
            [DllImport("PresentationHost_cor3.dll")] public static extern int DRMIsActivated(uint client, uint flags, IntPtr info);
        }

        internal static class User
        {
            public static void Run(uint client)
            {
                {|MSDRM002:Wpf.DRMIsActivated(client, 0, IntPtr.Zero)|};
            }
        }
        """);

    [Fact]
    public Task Ignored_library_import_partial_statement_is_reported() => VRaw("""
        internal static partial class Own
        {
            [LibraryImport("msdrm.dll")]
            public static partial int DRMRepair();

            // Stands in for the LibraryImport generator's implementation.
            public static partial int DRMRepair() => 0;
        }

        internal static class User
        {
            public static void Run()
            {
                {|MSDRM002:Own.DRMRepair()|};
            }
        }
        """);

    [Fact]
    public Task Ignored_non_drm_extern_statement_is_silent() => VRaw("""
        internal static class Kernel
        {
            [DllImport("kernel32.dll")] public static extern int GetLastError();
            [DllImport("msdrm.dll", EntryPoint = "NotAnExport")] public static extern int DRMRepair();
        }

        internal static class User
        {
            public static void Run()
            {
                Kernel.GetLastError();
                Kernel.DRMRepair();
            }
        }
        """);

    [Fact]
    public Task Ignored_non_extern_method_named_like_export_is_silent() => VRaw("""
        internal static class Fake
        {
            public static int DRMRepair() => 0;
        }

        internal static class User
        {
            public static void Run() => Fake.DRMRepair();
        }
        """);

    [Fact]
    public Task Ignored_statement_in_lambda_block_is_reported() => V("""
            Action a = () =>
            {
                {|MSDRM002:Native.DRMRepair()|};
            };
            a();
        """);

    [Fact]
    public Task Ignored_statement_in_local_function_is_reported() => V("""
            Repair();

            void Repair()
            {
                {|MSDRM002:Native.DRMRepair()|};
            }
        """);

    [Fact]
    public Task Ignored_statement_in_async_method_is_reported() => VRaw("""
        internal static class User
        {
            public static async Task RunAsync()
            {
                await Task.Yield();
                {|MSDRM002:Native.DRMRepair()|};
            }
        }
        """);

    [Fact]
    public Task Ignored_statement_in_top_level_program_is_reported()
        => Verify<MSDRM002HresultIgnoredAnalyzer>(Raw("""
            {|MSDRM002:Native.DRMRepair()|};
            Console.WriteLine("done");
            """), topLevel: true);

    [Fact]
    public Task Ignored_statement_inside_loop_and_try_is_reported() => V("""
            for (int i = 0; i < n; i++)
            {
                try
                {
                    {|MSDRM002:Native.DRMIsActivated(session, 0, IntPtr.Zero)|};
                }
                finally
                {
                    Console.WriteLine(i);
                }
            }
        """);

    // Dead stores -----------------------------------------------------------------------------------

    [Fact]
    public Task Stored_never_read_is_reported() => V("""
            int hr = {|MSDRM002:Native.DRMRepair()|};
        """);

    [Fact]
    public Task Stored_with_var_never_read_is_reported() => V("""
            var hr = {|MSDRM002:Native.DRMDuplicateSession(session, out uint copy)|};
            _ = Native.DRMCloseSession(copy);
        """);

    [Fact]
    public Task Stored_then_overwritten_before_read_is_reported() => V("""
            int hr = {|MSDRM002:Native.DRMRepair()|};
            hr = Native.DRMIsActivated(session, 0, IntPtr.Zero);
            if (hr < 0) throw new DrmException(hr);
        """);

    [Fact]
    public Task Stored_then_overwritten_twice_reports_both_dead_stores() => V("""
            int hr;
            hr = {|MSDRM002:Native.DRMRepair()|};
            hr = {|MSDRM002:Native.DRMRepair()|};
            hr = Native.DRMRepair();
            DrmException.ThrowIfFailed(hr);
        """);

    [Fact]
    public Task Stored_overwritten_by_non_drm_value_is_reported() => V("""
            int hr = {|MSDRM002:Native.DRMRepair()|};
            hr = 0;
            Console.WriteLine(hr);
        """);

    [Fact]
    public Task Stored_in_scope_block_then_leaves_is_reported() => V("""
            {
                int hr = {|MSDRM002:Native.DRMRepair()|};
            }

            Console.WriteLine(n);
        """);

    [Fact]
    public Task Stored_then_read_is_silent() => V("""
            int hr = Native.DRMRepair();
            if (hr < 0) Console.WriteLine(hr);
        """);

    [Fact]
    public Task Stored_then_read_by_ThrowIfFailed_is_silent() => V("""
            int hr = Native.DRMRepair();
            DrmException.ThrowIfFailed(hr);
        """);

    [Fact]
    public Task Stored_then_read_by_Marshal_ThrowExceptionForHR_is_silent() => V("""
            var hr = Native.DRMIsActivated(session, 0, IntPtr.Zero);
            Marshal.ThrowExceptionForHR(hr);
        """);

    // Read in the next iteration and after the loop. The rule page is ambiguous when the store is read in
    // the next iteration but NOT after the loop ("leaves scope before any read" on the exit path only):
    // the analyzer reports that case; this spec does not pin it down.
    [Fact]
    public Task Stored_read_in_next_loop_iteration_and_after_loop_is_silent() => V("""
            int hr = 0;
            for (int i = 0; i < n; i++)
            {
                if (hr < 0) break;
                hr = Native.DRMRepair();
            }

            Console.WriteLine(hr);
        """);

    [Fact]
    public Task Stored_read_in_pattern_is_silent() => V("""
            int hr = Native.DRMRepair();
            if (hr is < 0) return;
        """);

    [Fact]
    public Task Stored_read_by_switch_expression_is_silent() => V("""
            int hr = Native.DRMRepair();
            string text = hr switch { < 0 => "bad", _ => "ok" };
            Console.WriteLine(text);
        """);

    [Fact]
    public Task Stored_read_by_lambda_capture_is_silent() => V("""
            int hr = Native.DRMRepair();
            Func<bool> ok = () => hr >= 0;
            Console.WriteLine(ok());
        """);

    [Fact]
    public Task Stored_in_tuple_deconstruction_then_read_is_silent() => V("""
            (int hr, int other) = (Native.DRMRepair(), 1);
            Console.WriteLine(hr + other);
        """);

    // Used directly -----------------------------------------------------------------------------------

    [Fact]
    public Task Used_in_condition_is_silent() => V("""
            if (Native.DRMRepair() < 0) return;
            while (Native.DRMIsActivated(session, 0, IntPtr.Zero) < 0) { }
        """);

    [Fact]
    public Task Used_as_argument_is_silent() => V("""
            DrmException.ThrowIfFailed(Native.DRMRepair());
            Marshal.ThrowExceptionForHR(Native.DRMRepair());
            Console.WriteLine(Native.DRMRepair());
        """);

    [Fact]
    public Task Used_as_return_value_is_silent() => VRaw("""
        internal static class User
        {
            public static int Repair() => Native.DRMRepair();
            public static int Activated(uint client) { return Native.DRMIsActivated(client, 0, IntPtr.Zero); }
            public static Task<int> RepairAsync() => Task.Run(() => Native.DRMRepair());
        }
        """);

    [Fact]
    public Task Used_stored_in_field_property_array_is_silent() => V("""
            _field = (uint)Native.DRMRepair();
            Prop = (uint)Native.DRMRepair();
            var results = new int[1];
            results[0] = Native.DRMRepair();
            _list.Add((uint)Native.DRMRepair());
        """);

    [Fact]
    public Task Used_in_ternary_and_null_coalescing_is_silent() => V("""
            int hr = n > 0 ? Native.DRMRepair() : 0;
            Console.WriteLine(hr);
        """);

    // Discards ----------------------------------------------------------------------------------------

    [Fact]
    public Task Discard_explicit_is_silent() => V("""
            _ = Native.DRMRepair();
            _ = Native.DRMDuplicateSession(session, out uint copy);
            _ = Native.DRMCloseSession(copy);
        """);

    [Fact]
    public Task Discard_explicit_in_lambda_is_silent() => V("""
            Action a = () => _ = Native.DRMRepair();
            a();
        """);

    [Fact]
    public Task Discard_explicit_with_close_option_on_is_silent() => V("""
            _ = Native.DRMCloseHandle(lib);
            _ = Native.DRMCloseSession(session);
        """, editorConfig: OptionOn);

    // Close functions and the option -----------------------------------------------------------------

    [Fact]
    public Task Close_statement_without_option_is_silent() => V("""
            Native.DRMCloseSession(session);
            Native.DRMCloseHandle(lib);
            Native.DRMClosePubHandle(license);
            Native.DRMCloseEnvironmentHandle(env);
            Native.DRMCloseQueryHandle(license);
        """);

    [Fact]
    public Task Close_statement_with_option_false_is_silent() => V("""
            Native.DRMCloseSession(session);
        """, editorConfig: OptionOff);

    [Fact]
    public Task Close_statement_with_option_true_is_reported() => V("""
            {|MSDRM002:Native.DRMCloseSession(session)|};
            {|MSDRM002:Native.DRMCloseHandle(lib)|};
            {|MSDRM002:Native.DRMClosePubHandle(license)|};
            {|MSDRM002:Native.DRMCloseEnvironmentHandle(env)|};
            {|MSDRM002:Native.DRMCloseQueryHandle(license)|};
        """, editorConfig: OptionOn);

    [Fact]
    public Task Close_runtime_NativeMethods_with_option_true_is_reported() => V("""
            {|MSDRM002:NativeMethods.DRMCloseSession(session)|};
        """, editorConfig: OptionOn);

    [Fact]
    public Task Close_dead_store_without_option_is_silent() => V("""
            int hr = Native.DRMCloseHandle(lib);
        """);

    [Fact]
    public Task Close_dead_store_with_option_true_is_reported() => V("""
            int hr = {|MSDRM002:Native.DRMCloseHandle(lib)|};
        """, editorConfig: OptionOn);

    [Fact]
    public Task Close_result_read_with_option_true_is_silent() => V("""
            int hr = Native.DRMCloseHandle(lib);
            DrmException.ThrowIfFailed(hr);
        """, editorConfig: OptionOn);

    [Fact]
    public Task Close_option_does_not_silence_other_functions() => V("""
            {|MSDRM002:Native.DRMRepair()|};
        """, editorConfig: OptionOff);

    [Fact]
    public Task Close_renamed_entry_point_is_still_a_close_function() => VRaw("""
        internal static class Own
        {
            [DllImport("msdrm.dll", EntryPoint = "DRMCloseSession")] public static extern int Release(uint session);
        }

        internal static class User
        {
            public static void Run(uint session) => Own.Release(session);
        }
        """);

    [Fact]
    public Task Close_statement_in_finally_with_option_true_is_reported() => V("""
            try
            {
                Console.WriteLine(n);
            }
            finally
            {
                {|MSDRM002:Native.DRMCloseSession(session)|};
            }
        """, editorConfig: OptionOn);
}
