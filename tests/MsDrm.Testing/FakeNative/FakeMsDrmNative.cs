using System.Runtime.InteropServices;

namespace MsDrm.Testing.FakeNative;

/// <summary>The fake library's control exports; resolved to the built fake by <see cref="FakeMsDrm.Install"/>.</summary>
internal static class FakeMsDrmNative
{
    internal const string Library = "fake_msdrm";

    [DllImport(Library)] internal static extern void fake_msdrm_reset();
    [DllImport(Library)] internal static extern long fake_msdrm_total_created();
    [DllImport(Library)] internal static extern long fake_msdrm_total_closed();
    [DllImport(Library)] internal static extern long fake_msdrm_double_close_count();
    [DllImport(Library)] internal static extern long fake_msdrm_wrong_kind_close_count();
    [DllImport(Library)] internal static extern long fake_msdrm_use_after_close_count();
    [DllImport(Library)] internal static extern long fake_msdrm_invalid_handle_count();
    [DllImport(Library)] internal static extern long fake_msdrm_injected_failure_count();
    [DllImport(Library)] internal static extern long fake_msdrm_order_violation_count();
    [DllImport(Library)] internal static extern int fake_msdrm_last_order_violation(byte[] buffer, int size);
    [DllImport(Library)] internal static extern long fake_msdrm_live_count(int kind);
    [DllImport(Library)] internal static extern long fake_msdrm_call_count([MarshalAs(UnmanagedType.LPUTF8Str)] string function);
    [DllImport(Library)] internal static extern int fake_msdrm_handle_state(uint handle);
    [DllImport(Library)] internal static extern int fake_msdrm_fail_next([MarshalAs(UnmanagedType.LPUTF8Str)] string function, int hr);
    [DllImport(Library)] internal static extern int fake_msdrm_fail_nth([MarshalAs(UnmanagedType.LPUTF8Str)] string function, long n, int hr);
    [DllImport(Library)] internal static extern void fake_msdrm_fail_random(ulong seed, uint perMillion, int[]? hrs, int count);
    [DllImport(Library)] internal static extern void fake_msdrm_set_handle_on_failure(int enabled);
    [DllImport(Library)] internal static extern int fake_msdrm_last_detail(byte[] buffer, int size);
    [DllImport(Library)] internal static extern int fake_msdrm_invoke_callback(uint session, int message, int hr, IntPtr context);
}
