using MsDrm.Analyzers.Rules;
using Xunit;
using static MsDrm.Analyzers.Tests.Spec.SpecPrograms;

namespace MsDrm.Analyzers.Tests.Summaries;

/// <summary>
/// MSDRM001 through the user's own helpers that take a handle (DESIGN "Ownership across methods
/// (summaries)": closes, only uses, takes ownership). Each wrong case has its correct twin.
/// </summary>
public sealed class MSDRM001SummaryParameterTests
{
    private const string Helpers = """
        internal static class Rms
        {
            private static uint s_kept;
            private static readonly List<uint> s_all = new List<uint>();

            public static void Close(uint session) => Native.DRMCloseSession(session);

            // The guard counts: on the h == 0 side there is no handle.
            public static void CloseIfOpen(uint session)
            {
                if (session != 0)
                {
                    Native.DRMCloseSession(session);
                }
            }

            public static int CloseForwarding(uint session) => Native.DRMCloseSession(session);

            public static void CloseSometimes(uint session, bool really)
            {
                if (really)
                {
                    Native.DRMCloseSession(session);
                }
            }

            public static void Log(uint handle) => Console.WriteLine("handle {0}", handle);

            public static void LogTwice(uint handle)
            {
                Log(handle);
                Console.WriteLine(handle.ToString());
            }

            public static int Check(uint client) => Native.DRMIsActivated(client, 1, IntPtr.Zero);

            public static void Store(uint handle) => s_kept = handle;

            public static void Remember(uint handle) => s_all.Add(handle);

            public static uint Echo(uint handle) => handle;

            public static void CloseThroughTwoLevels(uint session) => CloseIfOpen(session);

            public static void Forget(uint handle)
            {
                Action later = () => Native.DRMCloseSession(handle);
                later();
            }
        }
        """;

    private static Task V(string body) => Verify<MSDRM001HandleNotClosedAnalyzer>(InMethod(body, outside: Helpers));

    private const string Dup = "Native.DRMDuplicateSession(session, out uint copy)";
    private const string Marked = "{|MSDRM001:" + Dup + "|};\n";
    private const string Plain = Dup + ";\n";

    [Fact]
    public Task Closing_helper_closes() => V(Plain + "Rms.Close(copy);");

    [Fact]
    public Task Closing_helper_on_one_branch_only_is_reported() => V(Marked + "if (n > 1) Rms.Close(copy);");

    [Fact]
    public Task Guarded_closing_helper_closes() => V(Plain + "Rms.CloseIfOpen(copy);");

    [Fact]
    public Task Guarded_closing_helper_skipped_by_return_is_reported() => V(Marked + "if (n > 1) return;\nRms.CloseIfOpen(copy);");

    [Fact]
    public Task Forwarding_close_helper_closes() => V(Plain + "_ = Rms.CloseForwarding(copy);");

    [Fact]
    public Task Two_levels_of_closing_helpers_close() => V(Plain + "Rms.CloseThroughTwoLevels(copy);");

    [Fact]
    public Task Two_levels_of_closing_helpers_skipped_is_reported() => V(Marked + "if (n == 0) Rms.CloseThroughTwoLevels(copy);");

    [Fact]
    public Task Helper_closing_on_some_paths_takes_ownership() => V(Plain + "Rms.CloseSometimes(copy, n > 1);");

    [Fact]
    public Task Logging_helper_is_a_use_and_the_leak_is_reported() => V(Marked + "Rms.Log(copy);");

    [Fact]
    public Task Logging_helper_then_close_is_silent() => V(Plain + "Rms.Log(copy);\nRms.Close(copy);");

    [Fact]
    public Task Nested_logging_helper_is_a_use() => V(Marked + "Rms.LogTwice(copy);");

    [Fact]
    public Task Nested_logging_helper_then_close_is_silent() => V(Plain + "Rms.LogTwice(copy);\nNative.DRMCloseSession(copy);");

    [Fact]
    public Task Helper_passing_it_to_a_drm_function_is_a_use() => V(Marked + "DrmException.ThrowIfFailed(Rms.Check(copy));");

    [Fact]
    public Task Helper_passing_it_to_a_drm_function_then_close_is_silent() => V(Plain + "DrmException.ThrowIfFailed(Rms.Check(copy));\nNative.DRMCloseSession(copy);");

    [Fact]
    public Task Helper_storing_it_in_a_field_takes_ownership() => V(Plain + "Rms.Store(copy);");

    [Fact]
    public Task Helper_adding_it_to_a_list_takes_ownership() => V(Plain + "Rms.Remember(copy);");

    [Fact]
    public Task Helper_returning_it_takes_ownership() => V(Plain + "uint same = Rms.Echo(copy);");

    [Fact]
    public Task Helper_capturing_it_takes_ownership() => V(Plain + "Rms.Forget(copy);");

    [Fact]
    public Task Console_WriteLine_is_a_use() => V(Marked + "Console.WriteLine(copy);");

    [Fact]
    public Task Console_WriteLine_then_close_is_silent() => V(Plain + "Console.WriteLine(copy);\nNative.DRMCloseSession(copy);");

    [Fact]
    public Task String_Format_is_a_use() => V(Marked + "string text = string.Format(\"{0}\", copy);");

    [Fact]
    public Task Library_collection_takes_ownership() => V(Plain + "var queue = new Queue<uint>();\nqueue.Enqueue(copy);");

    [Fact]
    public Task Dictionary_indexer_takes_ownership() => V(Plain + "var map = new Dictionary<int, uint>();\nmap[1] = copy;");

    [Fact]
    public Task Local_function_that_only_logs_is_a_use() => V(Marked + "Print(copy);\n\nstatic void Print(uint h) => Console.WriteLine(h);");

    [Fact]
    public Task Local_function_that_closes_closes() => V(Plain + "Release(copy);\n\nstatic void Release(uint h) => Native.DRMCloseSession(h);");

    [Fact]
    public Task Wrong_kind_closing_helper_does_not_close() => V(Marked + "CloseLicense(copy);\n\nstatic void CloseLicense(uint h) => Native.DRMCloseHandle(h);");

    [Fact]
    public Task Recursive_logging_helper_takes_ownership() => V(Plain + "Walk(copy, 3);\n\nstatic void Walk(uint h, int depth) { if (depth > 0) Walk(h, depth - 1); }");

    [Fact]
    public Task Virtual_helper_takes_ownership() => Verify<MSDRM001HandleNotClosedAnalyzer>(Raw("""
        internal class Sink
        {
            public virtual void Log(uint handle) { }

            public void Run(uint session)
            {
                Native.DRMDuplicateSession(session, out uint copy);
                Log(copy);
            }
        }
        """));

    [Fact]
    public Task Non_virtual_instance_helper_that_only_logs_is_a_use() => Verify<MSDRM001HandleNotClosedAnalyzer>(Raw("""
        internal class Sink
        {
            public void Log(uint handle) => Console.WriteLine(handle);

            public void Run(uint session)
            {
                {|MSDRM001:Native.DRMDuplicateSession(session, out uint copy)|};
                Log(copy);
            }
        }
        """));

    [Fact]
    public Task Library_constructor_is_a_use() => V(Marked + "var text = new System.Text.StringBuilder(copy.ToString(), 16);\nvar version = new Version((int)copy, 0);");

    [Fact]
    public Task Library_constructor_then_close_is_silent() => V(Plain + "var version = new Version((int)copy, 0);\nNative.DRMCloseSession(copy);");

    [Fact]
    public Task IntPtr_constructor_ends_tracking() => V(Plain + "IntPtr pointer = new IntPtr(copy);\nNative.DRMCloseSession((uint)pointer.ToInt64());");

    [Fact]
    public Task Collection_constructor_takes_ownership() => V(Plain + "var all = new List<uint>(new[] { copy });");
}
