using MsDrm.Analyzers.Rules;
using Xunit;
using static MsDrm.Analyzers.Tests.Spec.SpecPrograms;

namespace MsDrm.Analyzers.Tests.Summaries;

/// <summary>
/// MSDRM002 through the user's own helpers (DESIGN "Ownership across methods (summaries)", forwards
/// an HRESULT): a method that returns a DRM call's result is a DRM call; its dropped result is
/// reported at the caller, on the call of the helper. Each wrong case has its correct twin.
/// </summary>
public sealed class MSDRM002SummaryTests
{
    private const string SafeNativeMethods = """
        internal static class SafeNativeMethods
        {
            [DllImport("msdrm.dll")] private static extern int DRMSetIntervalTime(IntPtr pvoidEnumerator, uint cNumberOfDays);

            // dotnet/wpf's shape: the wrapper returns the extern's HRESULT unchanged.
            internal static int SetIntervalTime(IntPtr enumerator, uint days) => DRMSetIntervalTime(enumerator, days);

            internal static int CloseSession(uint session)
            {
                int hr = Native.DRMCloseSession(session);
                return hr;
            }
        }
        """;

    private static Task V(string body, string members = "") => Verify<MSDRM002HresultIgnoredAnalyzer>(InMethod(body, members, SafeNativeMethods));

    private static Task VRaw(string text) => Verify<MSDRM002HresultIgnoredAnalyzer>(Raw(text));

    [Fact]
    public Task Forwarding_wrapper_dropped_as_statement_is_reported() => V("""
            {|MSDRM002:SafeNativeMethods.SetIntervalTime(IntPtr.Zero, 7)|};
        """);

    [Fact]
    public Task Forwarding_wrapper_checked_is_silent() => V("""
            int hr = SafeNativeMethods.SetIntervalTime(IntPtr.Zero, 7);
            if (hr < 0) throw new InvalidOperationException();
        """);

    [Fact]
    public Task Forwarding_wrapper_stored_and_overwritten_is_reported() => V("""
            int hr = {|MSDRM002:SafeNativeMethods.SetIntervalTime(IntPtr.Zero, 7)|};
            hr = SafeNativeMethods.SetIntervalTime(IntPtr.Zero, 8);
            DrmException.ThrowIfFailed(hr);
        """);

    [Fact]
    public Task Forwarding_wrapper_discarded_is_silent() => V("""
            _ = SafeNativeMethods.SetIntervalTime(IntPtr.Zero, 7);
        """);

    [Fact]
    public Task Forwarding_through_a_local_with_a_constant_guard_is_reported() => VRaw("""
        internal static class Rms
        {
            internal static int Activate(uint client)
            {
                if (client == 0) return unchecked((int)0x80070057);
                int hr = Native.DRMIsActivated(client, 1, IntPtr.Zero);
                return hr;
            }

            internal static void Run(uint client) => {|MSDRM002:Activate(client)|};
        }
        """);

    [Fact]
    public Task Forwarding_through_a_local_with_a_constant_guard_checked_is_silent() => VRaw("""
        internal static class Rms
        {
            internal static int Activate(uint client)
            {
                if (client == 0) return unchecked((int)0x80070057);
                int hr = Native.DRMIsActivated(client, 1, IntPtr.Zero);
                return hr;
            }

            internal static void Run(uint client) => DrmException.ThrowIfFailed(Activate(client));
        }
        """);

    [Fact]
    public Task Two_levels_of_forwarding_are_reported() => VRaw("""
        internal static class Rms
        {
            private static int Inner(uint client) => Native.DRMIsActivated(client, 1, IntPtr.Zero);

            private static int Outer(uint client)
            {
                int hr = Inner(client);
                return hr;
            }

            internal static void Run(uint client)
            {
                {|MSDRM002:Outer(client)|};
            }
        }
        """);

    [Fact]
    public Task Two_levels_of_forwarding_checked_are_silent() => VRaw("""
        internal static class Rms
        {
            private static int Inner(uint client) => Native.DRMIsActivated(client, 1, IntPtr.Zero);

            private static int Outer(uint client)
            {
                int hr = Inner(client);
                return hr;
            }

            internal static void Run(uint client)
            {
                if (Outer(client) < 0) throw new InvalidOperationException();
            }
        }
        """);

    [Fact]
    public Task Returning_a_property_read_is_not_forwarding() => VRaw("""
        internal static class Rms
        {
            private static int Activate(uint client)
            {
                try
                {
                    DrmException.ThrowIfFailed(Native.DRMIsActivated(client, 1, IntPtr.Zero));
                    return 0;
                }
                catch (DrmException ex)
                {
                    return ex.HResult;
                }
            }

            internal static void Run(uint client) => Activate(client);
        }
        """);

    [Fact]
    public Task Forwarding_a_close_function_is_a_close_function_and_silent() => V("""
            SafeNativeMethods.CloseSession(session);
        """);

    [Fact]
    public Task Forwarding_a_close_function_is_reported_when_close_results_are_checked() => Verify<MSDRM002HresultIgnoredAnalyzer>(
        InMethod("""
                {|MSDRM002:SafeNativeMethods.CloseSession(session)|};
            """, outside: SafeNativeMethods),
        editorConfig: "root = true\n[*.cs]\nmsdrm.check_close_results = true\n");

    [Fact]
    public Task Constant_mixed_with_other_integer_call_still_forwards() => VRaw("""
        internal static class Rms
        {
            [DllImport("ole32.dll")] private static extern int CoCreateGuid(out Guid guid);

            private static int Prepare(uint client)
            {
                int hr = CoCreateGuid(out Guid id);
                if (hr < 0) return hr;
                hr = unchecked((int)0x8007000E);
                hr = Native.DRMIsActivated(client, 1, IntPtr.Zero);
                return hr;
            }

            internal static void Run(uint client) { {|MSDRM002:Prepare(client)|}; }
        }
        """);

    [Fact]
    public Task Method_returning_only_other_calls_does_not_forward() => VRaw("""
        internal static class Rms
        {
            [DllImport("ole32.dll")] private static extern int CoCreateGuid(out Guid guid);

            private static int Prepare() => CoCreateGuid(out Guid id);

            internal static void Run() { Prepare(); }
        }
        """);

    [Fact]
    public Task Virtual_forwarder_stays_unknown() => VRaw("""
        internal class Rms
        {
            protected virtual int Activate(uint client) => Native.DRMIsActivated(client, 1, IntPtr.Zero);

            internal void Run(uint client) { Activate(client); }
        }
        """);

    [Fact]
    public Task Sealed_override_forwarder_is_reported() => VRaw("""
        internal class Base
        {
            protected virtual int Activate(uint client) => 0;
        }

        internal sealed class Rms : Base
        {
            protected sealed override int Activate(uint client) => Native.DRMIsActivated(client, 1, IntPtr.Zero);

            internal void Run(uint client) { {|MSDRM002:Activate(client)|}; }
        }
        """);

    [Fact]
    public Task Local_function_forwarder_is_reported() => V("""
            {|MSDRM002:Activate(session)|};

            static int Activate(uint client) => Native.DRMIsActivated(client, 1, IntPtr.Zero);
        """);

    [Fact]
    public Task Recursive_forwarders_get_the_conservative_summary() => VRaw("""
        internal static class Rms
        {
            private static int Ping(uint client, int n) => n == 0 ? Native.DRMIsActivated(client, 1, IntPtr.Zero) : Pong(client, n - 1);

            private static int Pong(uint client, int n) => Ping(client, n);

            internal static void Run(uint client) { Ping(client, 3); Pong(client, 3); }
        }
        """);

    [Fact]
    public Task Async_wrapper_returning_task_does_not_forward() => VRaw("""
        internal static class Rms
        {
            private static async Task<int> ActivateAsync(uint client)
            {
                await Task.Yield();
                return Native.DRMIsActivated(client, 1, IntPtr.Zero);
            }

            internal static void Run(uint client) { _ = ActivateAsync(client); }
        }
        """);

    private const string HresultStruct = """
        namespace Windows.Win32.Foundation
        {
            internal readonly struct HRESULT
            {
                public readonly int Value;
                public HRESULT(int value) => Value = value;
                public bool Failed => Value < 0;
                public static implicit operator int(HRESULT hr) => hr.Value;
                public HRESULT ThrowOnFailure() { if (Value < 0) throw new InvalidOperationException(); return this; }
            }
        }

        internal static class PInvoke
        {
            [DllImport("msdrm.dll")] private static extern Windows.Win32.Foundation.HRESULT DRMIsActivated(uint hClient, uint uFlags, IntPtr pActServInfo);

            internal static Windows.Win32.Foundation.HRESULT IsActivated(uint client) => DRMIsActivated(client, 1, IntPtr.Zero);
        }
        """;

    [Fact]
    public Task Helper_forwarding_an_HRESULT_struct_dropped_is_reported()
        => Verify<MSDRM002HresultIgnoredAnalyzer>(InMethod("{|MSDRM002:PInvoke.IsActivated(session)|};", outside: HresultStruct));

    [Fact]
    public Task Helper_forwarding_an_HRESULT_struct_checked_is_silent()
        => Verify<MSDRM002HresultIgnoredAnalyzer>(InMethod("PInvoke.IsActivated(session).ThrowOnFailure();", outside: HresultStruct));

    [Fact]
    public Task Helper_forwarding_an_HRESULT_struct_tested_is_silent()
        => Verify<MSDRM002HresultIgnoredAnalyzer>(InMethod("var hr = PInvoke.IsActivated(session);\nif (hr.Failed) return;", outside: HresultStruct));
}
