using MsDrm.Analyzers.Rules;
using Xunit;
using static MsDrm.Analyzers.Tests.Spec.SpecPrograms;

namespace MsDrm.Analyzers.Tests.MSDRM002;

/// <summary>
/// MSDRM002 over less common shapes: statement positions the C# grammar treats as statement
/// expressions (void expression bodies, for-loop parts), out parameters, compound assignments.
/// </summary>
public sealed class MSDRM002ShapeTests
{
    private const string OptionOnCs = "root = true\n[*.cs]\nmsdrm.check_close_results = true\n";

    private static Task V(string body, string? editorConfig = null)
        => Verify<MSDRM002HresultIgnoredAnalyzer>(InMethod(body), editorConfig);

    private static Task VRaw(string text) => Verify<MSDRM002HresultIgnoredAnalyzer>(Raw(text));

    // A void expression body is compiled as an expression statement: the HRESULT is dropped.
    [Fact]
    public Task Ignored_void_expression_bodied_method_is_reported() => VRaw("""
        internal static class User
        {
            public static void Repair() => {|MSDRM002:Native.DRMRepair()|};
        }
        """);

    [Fact]
    public Task Ignored_void_expression_lambda_is_reported() => V("""
            Action repair = () => {|MSDRM002:Native.DRMRepair()|};
            repair();
        """);

    [Fact]
    public Task Ignored_for_loop_incrementor_is_reported() => V("""
            for (int i = 0; i < n; i++, {|MSDRM002:Native.DRMRepair()|})
            {
                Console.WriteLine(i);
            }
        """);

    [Fact]
    public Task Ignored_for_loop_initializer_is_reported() => V("""
            int i;
            for (i = 0, {|MSDRM002:Native.DRMRepair()|}; i < n; i++)
            {
                Console.WriteLine(i);
            }
        """);

    [Fact]
    public Task Ignored_in_switch_section_and_if_branch_is_reported() => V("""
            switch (n)
            {
                case 1:
                    {|MSDRM002:Native.DRMRepair()|};
                    break;
            }

            if (n > 2) {|MSDRM002:Native.DRMIsActivated(session, 0, IntPtr.Zero)|};
        """);

    [Fact]
    public Task Ignored_in_constructor_and_property_setter_is_reported() => VRaw("""
        internal sealed class Holder
        {
            public Holder() { {|MSDRM002:Native.DRMRepair()|}; }

            public int Value
            {
                get => 0;
                set { {|MSDRM002:Native.DRMRepair()|}; }
            }
        }
        """);

    [Fact]
    public Task Stored_into_out_parameter_is_silent() => VRaw("""
        internal static class User
        {
            public static void Repair(out int hr) => hr = Native.DRMRepair();
            public static void Repair2(out int hr) { hr = Native.DRMRepair(); }
        }
        """);

    [Fact]
    public Task Stored_then_compound_assignment_reads_it_is_silent() => V("""
            int hr = Native.DRMRepair();
            hr |= Native.DRMRepair();
            Console.WriteLine(hr);
        """);

    [Fact]
    public Task Stored_then_returned_in_tuple_is_silent() => VRaw("""
        internal static class User
        {
            public static (int, uint) Copy(uint session)
            {
                int hr = Native.DRMDuplicateSession(session, out uint copy);
                return (hr, copy);
            }
        }
        """);

    [Fact]
    public Task Stored_dead_in_async_method_is_reported() => VRaw("""
        internal static class User
        {
            public static async Task RunAsync()
            {
                int hr = {|MSDRM002:Native.DRMRepair()|};
                await Task.Yield();
            }
        }
        """);

    [Fact]
    public Task Stored_dead_in_iterator_is_reported() => VRaw("""
        internal static class User
        {
            public static IEnumerable<int> Run()
            {
                int hr = {|MSDRM002:Native.DRMRepair()|};
                yield return 1;
            }
        }
        """);

    [Fact]
    public Task Close_option_in_cs_section_is_honoured() => V("""
            {|MSDRM002:Native.DRMClosePubHandle(license)|};
        """, OptionOnCs);

    [Fact]
    public Task Close_void_expression_body_with_option_true_is_reported() => Verify<MSDRM002HresultIgnoredAnalyzer>(Raw("""
        internal static class User
        {
            public static void Release(uint session) => {|MSDRM002:Native.DRMCloseSession(session)|};
        }
        """), OptionOnCs);

    [Fact]
    public Task Close_other_library_with_option_true_is_reported() => Verify<MSDRM002HresultIgnoredAnalyzer>(Raw("""
        internal static class Wpf
        {
            [DllImport("PresentationHost_cor3.dll")] public static extern int DRMCloseHandle(uint handle);
        }

        internal static class User
        {
            public static void Release(uint handle)
            {
                {|MSDRM002:Wpf.DRMCloseHandle(handle)|};
            }
        }
        """), OptionOnCs);
}
