using MsDrm.Analyzers.Rules;
using Xunit;
using static MsDrm.Analyzers.Tests.Spec.SpecPrograms;

namespace MsDrm.Analyzers.Tests.MSDRM002;

/// <summary>
/// MSDRM002 edges: runtime methods that return no HRESULT, aliases, out-argument overwrites, reads in
/// finally blocks.
/// </summary>
public sealed class MSDRM002EdgeTests
{
    private static Task V(string body) => Verify<MSDRM002HresultIgnoredAnalyzer>(InMethod(body));

    [Fact]
    public Task Runtime_wrapper_factories_return_no_hresult_and_are_silent() => V("""
            SafeDrmPubHandle.CreateUser("a", "b", "c");
            SafeDrmPubHandle.TryGetUser(SafeDrmPubHandle.Adopt(license), 0, out var user);
            DrmException.GetErrorName(-1);
        """);

    [Fact]
    public Task Stored_read_through_ref_local_alias_is_silent() => V("""
            int hr = 0;
            ref int alias = ref hr;
            hr = Native.DRMRepair();
            Console.WriteLine(alias);
        """);

    [Fact]
    public Task Stored_then_overwritten_by_out_argument_is_reported() => V("""
            int hr = {|MSDRM002:Native.DRMRepair()|};
            int.TryParse("1", out hr);
            Console.WriteLine(hr);
        """);

    [Fact]
    public Task Stored_then_incremented_is_a_read() => V("""
            int hr = Native.DRMRepair();
            hr++;
            Console.WriteLine(hr);
        """);

    [Fact]
    public Task Stored_in_try_read_in_finally_is_silent() => V("""
            int hr = 0;
            try
            {
                hr = Native.DRMRepair();
            }
            finally
            {
                Console.WriteLine(hr);
            }
        """);

    [Fact]
    public Task Stored_read_by_local_function_is_silent() => V("""
            int hr = Native.DRMRepair();
            Report();

            void Report() => Console.WriteLine(hr);
        """);

    [Fact]
    public Task Stored_dead_in_each_loop_iteration_is_reported() => V("""
            foreach (var name in new[] { "a", "b" })
            {
                int hr = {|MSDRM002:Native.DRMCreateUser(name, name, "Windows", out uint user)|};
                _ = Native.DRMClosePubHandle(user);
            }
        """);

    [Fact]
    public Task Stored_in_pattern_declaration_is_read_by_the_pattern() => V("""
            if (Native.DRMRepair() is var hr && hr < 0) return;
        """);
}
