using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;

namespace MsDrm.Testing.FakeNative;

/// <summary>
/// The fake msdrm library in this process: builds it (<see cref="FakeMsDrmBuilder"/>), routes
/// MsDrm.Runtime's <c>msdrm.dll</c> imports to it, and exposes its counters and fault injection.
/// The counters are global to the process: tests that read them must not run in parallel.
/// </summary>
public static class FakeMsDrm
{
    private static readonly object Gate = new();
    private static IntPtr library;

    /// <summary>The path of the built fake library.</summary>
    public static string LibraryPath => FakeMsDrmBuilder.Build();

    /// <summary>
    /// Loads the fake and installs the <c>DllImport</c> resolver on the MsDrm.Runtime assembly (once per
    /// process), so its <c>msdrm.dll</c> imports bind to the fake. Safe to call from every test.
    /// </summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (library != IntPtr.Zero)
            {
                return;
            }

            IntPtr loaded = NativeLibrary.Load(FakeMsDrmBuilder.Build());
            NativeLibrary.SetDllImportResolver(typeof(SafeDrmHandleBase).Assembly, Resolve);
            NativeLibrary.SetDllImportResolver(typeof(FakeMsDrm).Assembly, Resolve);
            library = loaded;
        }
    }

    /// <summary>
    /// Routes the <c>msdrm.dll</c> imports of another assembly (test code compiled at run time) to the fake.
    /// Call once per assembly, before its first import runs.
    /// </summary>
    public static void RouteImports(Assembly assembly)
    {
        Install();
        NativeLibrary.SetDllImportResolver(assembly, Resolve);
    }

    /// <summary>Clears every counter and pending fault; handles still open are forgotten (closing them later is not counted).</summary>
    public static void Reset() => Call(FakeMsDrmNative.fake_msdrm_reset);

    /// <summary>Runs finalizers of everything unreachable, so finalizer-released handles are closed before counting.</summary>
    public static void CollectGarbage()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    /// <summary>Open handles of one kind (or all) since the last reset.</summary>
    public static long LiveCount(FakeHandleKind kind = FakeHandleKind.All) => Call(() => FakeMsDrmNative.fake_msdrm_live_count((int)kind));

    /// <summary>Handles issued since the last reset.</summary>
    public static long TotalCreated => Call(FakeMsDrmNative.fake_msdrm_total_created);

    /// <summary>Handles closed by their own close function since the last reset.</summary>
    public static long TotalClosed => Call(FakeMsDrmNative.fake_msdrm_total_closed);

    /// <summary>Closes of an already closed handle.</summary>
    public static long DoubleCloses => Call(FakeMsDrmNative.fake_msdrm_double_close_count);

    /// <summary>Closes with another kind's close function (rejected with <c>E_DRM_INVALID_HANDLE</c>; the handle stays open).</summary>
    public static long WrongKindCloses => Call(FakeMsDrmNative.fake_msdrm_wrong_kind_close_count);

    /// <summary>Closed handles passed to any function.</summary>
    public static long UseAfterClose => Call(FakeMsDrmNative.fake_msdrm_use_after_close_count);

    /// <summary>Values the fake never issued (or 0 where a handle is required) passed to a function.</summary>
    public static long InvalidHandles => Call(FakeMsDrmNative.fake_msdrm_invalid_handle_count);

    /// <summary>
    /// Closes of a handle while a handle made from it (its child, per msdrm-api.tsv's <c>parent_param</c>) was
    /// still open: an environment before its library, principal or bound license; a client session before its
    /// license-storage session; a bound license before its encryptor, decryptor or sub-object; an unbound-license
    /// query before its sub-query. The close itself succeeds (real msdrm fails the child's later close or
    /// force-closes the child); the count is what tests check.
    /// </summary>
    public static long OrderViolations => Call(FakeMsDrmNative.fake_msdrm_order_violation_count);

    /// <summary>"&lt;parent kind&gt; before &lt;n&gt; open child(ren)" of the last close out of order, or empty.</summary>
    public static string LastOrderViolation
    {
        get
        {
            var buffer = new byte[128];
            int length = Call(() => FakeMsDrmNative.fake_msdrm_last_order_violation(buffer, buffer.Length));
            return Encoding.ASCII.GetString(buffer, 0, length);
        }
    }

    /// <summary>Failures injected since the last reset.</summary>
    public static long InjectedFailures => Call(FakeMsDrmNative.fake_msdrm_injected_failure_count);

    /// <summary>All counters at once.</summary>
    public static FakeMsDrmCounters Counters => new(LiveCount(), TotalCreated, TotalClosed, DoubleCloses, WrongKindCloses, UseAfterClose, InjectedFailures, OrderViolations);

    /// <summary>Calls made to <paramref name="function"/> since the last reset.</summary>
    public static long CallCount(string function) => Call(() => FakeMsDrmNative.fake_msdrm_call_count(function)) is var n and >= 0
        ? n
        : throw new ArgumentException($"the fake does not export {function}", nameof(function));

    /// <summary>Whether <paramref name="handle"/> is open, closed or was never issued.</summary>
    public static FakeHandleState StateOf(uint handle) => (FakeHandleState)Call(() => FakeMsDrmNative.fake_msdrm_handle_state(handle));

    /// <summary>The kind tag the fake put into a handle value it issued.</summary>
    public static FakeHandleKind KindOf(uint handle) => (FakeHandleKind)(handle >> 28);

    /// <summary>The next call of <paramref name="function"/> fails with <paramref name="hr"/>.</summary>
    public static void FailNext(string function, int hr) => Require(Call(() => FakeMsDrmNative.fake_msdrm_fail_next(function, hr)), function);

    /// <summary>The <paramref name="n"/>th call (1-based, from now) of <paramref name="function"/> fails with <paramref name="hr"/>.</summary>
    public static void FailNth(string function, long n, int hr) => Require(Call(() => FakeMsDrmNative.fake_msdrm_fail_nth(function, n, hr)), function);

    /// <summary>Every call except the close functions fails with <paramref name="probability"/>, with an HRESULT drawn from <paramref name="hresults"/>; reproducible from <paramref name="seed"/>.</summary>
    public static void FailAtRandom(ulong seed, double probability, params int[] hresults) =>
        Call(() => FakeMsDrmNative.fake_msdrm_fail_random(seed, (uint)Math.Round(probability * 1_000_000), hresults, hresults.Length));

    /// <summary>Stops random failures and hands no handle back on failure any more.</summary>
    public static void StopFailing()
    {
        Call(() => FakeMsDrmNative.fake_msdrm_fail_random(0, 0, null, 0));
        ReturnHandleOnFailure(false);
    }

    /// <summary>When on, a creating call that fails by injection still hands back a live handle, which the caller must close.</summary>
    public static void ReturnHandleOnFailure(bool enabled) => Call(() => FakeMsDrmNative.fake_msdrm_set_handle_on_failure(enabled ? 1 : 0));

    /// <summary>"function|arg|arg|arg": the strings the last recording creating call received (ASCII), for marshalling checks.</summary>
    public static string LastDetail
    {
        get
        {
            var buffer = new byte[1024];
            int length = Call(() => FakeMsDrmNative.fake_msdrm_last_detail(buffer, buffer.Length));
            return Encoding.ASCII.GetString(buffer, 0, length);
        }
    }

    /// <summary>Calls the callback registered for <paramref name="session"/>, as msdrm.dll reports asynchronous results.</summary>
    /// <returns>The callback's HRESULT, or <c>E_DRM_INVALID_HANDLE</c> when the session is not open or has no callback.</returns>
    public static int InvokeCallback(uint session, DrmStatusMessage message, int hr, IntPtr context = default) =>
        Call(() => FakeMsDrmNative.fake_msdrm_invoke_callback(session, (int)message, hr, context));

    /// <summary>
    /// Prepares a child process to use the fake: a folder holding it as <c>msdrm.dll</c> goes on the
    /// loader path, and <c>FAKE_MSDRM_REPORT</c> makes the fake write its live counts to
    /// <paramref name="reportPath"/> at exit (read them with <see cref="FakeMsDrmReport.Read"/>).
    /// </summary>
    public static void PrepareChildProcess(ProcessStartInfo start, string reportPath)
    {
        string folder = Path.Combine(Path.GetDirectoryName(LibraryPath)!, "as-msdrm");
        string target = Path.Combine(folder, "msdrm.dll");
        if (!File.Exists(target))
        {
            Directory.CreateDirectory(folder);
            string temporary = $"{target}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
            File.Copy(LibraryPath, temporary);
            File.Move(temporary, target, overwrite: true);
        }

        string variable = OperatingSystem.IsMacOS() ? "DYLD_LIBRARY_PATH" : OperatingSystem.IsWindows() ? "PATH" : "LD_LIBRARY_PATH";
        string? existing = start.Environment.TryGetValue(variable, out string? value) ? value : null;
        start.Environment[variable] = string.IsNullOrEmpty(existing) ? folder : folder + Path.PathSeparator + existing;
        start.Environment["FAKE_MSDRM_REPORT"] = reportPath;
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        bool isFake = name.Equals("msdrm.dll", StringComparison.OrdinalIgnoreCase)
            || name.Equals("msdrm", StringComparison.OrdinalIgnoreCase)
            || name.Equals(FakeMsDrmNative.Library, StringComparison.Ordinal);
        return isFake ? library : IntPtr.Zero;
    }

    private static T Call<T>(Func<T> call)
    {
        Install();
        return call();
    }

    private static void Call(Action call)
    {
        Install();
        call();
    }

    private static void Require(int known, string function)
    {
        if (known == 0)
        {
            throw new ArgumentException($"the fake does not export {function}", nameof(function));
        }
    }
}
