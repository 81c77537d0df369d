using MsDrm.Testing.FakeNative;
using Xunit;
using Xunit.Abstractions;

namespace MsDrm.Runtime.Tests;

/// <summary>The fake itself detects what the runtime tests rely on it to detect.</summary>
public sealed class FakeMsDrmTests : FakeMsDrmTest
{
    public FakeMsDrmTests(ITestOutputHelper output)
        : base(output)
    {
    }

    [Fact]
    public void Issues_distinct_values_tagged_with_their_kind()
    {
        var values = new HashSet<uint>();
        for (int i = 0; i < 100; i++)
        {
            Assert.Equal(0, NativeMethods.DRMCreateUser(null, null, null, out uint user));
            Assert.Equal(0, NativeMethods.DRMParseUnboundLicense("<XrML/>", out uint query));
            Assert.True(values.Add(user) && values.Add(query));
            Assert.Equal(FakeHandleKind.Pub, FakeMsDrm.KindOf(user));
            Assert.Equal(FakeHandleKind.Query, FakeMsDrm.KindOf(query));
        }

        Assert.Equal(100, FakeMsDrm.LiveCount(FakeHandleKind.Pub));
        Assert.Equal(100, FakeMsDrm.LiveCount(FakeHandleKind.Query));
        Assert.Equal(200, FakeMsDrm.TotalCreated);
        foreach (uint value in values)
        {
            Assert.Equal(0, FakeMsDrm.KindOf(value) == FakeHandleKind.Pub ? NativeMethods.DRMClosePubHandle(value) : NativeMethods.DRMCloseQueryHandle(value));
        }

        AssertClean();
    }

    [Fact]
    public void Rejects_a_close_with_the_wrong_function_and_keeps_the_handle_open()
    {
        Assert.Equal(0, NativeMethods.DRMParseUnboundLicense("<XrML/>", out uint query));

        Assert.Equal(E_DRM_INVALID_HANDLE, NativeMethods.DRMCloseHandle(query));
        Assert.Equal(E_DRM_INVALID_HANDLE, NativeMethods.DRMClosePubHandle(query));

        Assert.Equal(2, FakeMsDrm.WrongKindCloses);
        Assert.Equal(FakeHandleState.Live, FakeMsDrm.StateOf(query));
        Assert.Equal(0, NativeMethods.DRMCloseQueryHandle(query));
        Assert.Equal(0, FakeMsDrm.LiveCount());
    }

    [Fact]
    public void Detects_double_close_and_use_after_close()
    {
        Assert.Equal(0, NativeMethods.DRMCreateUser("u", null, null, out uint user));
        Assert.Equal(0, NativeMethods.DRMClosePubHandle(user));

        Assert.Equal(E_DRM_INVALID_HANDLE, NativeMethods.DRMClosePubHandle(user));
        Assert.Equal(E_DRM_INVALID_HANDLE, NativeMethods.DRMDuplicatePubHandle(user, out uint copy));
        Assert.Equal(0u, copy);

        Assert.Equal(1, FakeMsDrm.DoubleCloses);
        Assert.Equal(1, FakeMsDrm.UseAfterClose);
    }

    [Fact]
    public void Injects_failures_next_nth_and_at_random()
    {
        FakeMsDrm.FailNext("DRMCreateUser", E_OUTOFMEMORY);
        Assert.Equal(E_OUTOFMEMORY, NativeMethods.DRMCreateUser(null, null, null, out uint none));
        Assert.Equal(0u, none);

        FakeMsDrm.FailNth("DRMCreateUser", 3, E_DRM_ENV_NOT_LOADED);
        int[] results = Enumerable.Range(0, 4).Select(_ => NativeMethods.DRMCreateUser(null, null, null, out uint user) is var hr && hr >= 0 ? Close(user) : hr).ToArray();
        Assert.Equal(new[] { 0, 0, E_DRM_ENV_NOT_LOADED, 0 }, results);

        FakeMsDrm.FailAtRandom(seed: 7, probability: 0.5, E_OUTOFMEMORY);
        int failures = Enumerable.Range(0, 1000).Count(_ => NativeMethods.DRMCreateUser(null, null, null, out uint user) is var hr && (hr >= 0 ? Close(user) : hr) < 0);
        Assert.InRange(failures, 400, 600);
        Assert.Equal(2 + failures, FakeMsDrm.InjectedFailures);
        AssertClean();

        static int Close(uint user) => NativeMethods.DRMClosePubHandle(user);
    }

    [Fact]
    public void Writes_a_report_at_process_exit_when_asked()
    {
        // The destructor runs at exit, so check it in a child process that leaks one session.
        string report = Path.Combine(Path.GetTempPath(), $"fake-msdrm-report-{Guid.NewGuid():N}.txt");
        string program = Path.Combine(Path.GetTempPath(), $"fake-msdrm-child-{Guid.NewGuid():N}.c");
        File.WriteAllText(program, """
            #include <dlfcn.h>
            #include <stdint.h>
            int main(void) {
                void *fake = dlopen("msdrm.dll", RTLD_NOW);
                if (!fake) return 2;
                int32_t (*create)(const void *, const void *, const void *, uint32_t *) = (int32_t (*)(const void *, const void *, const void *, uint32_t *))dlsym(fake, "DRMCreateUser");
                uint32_t user = 0, leaked = 0;
                create(0, 0, 0, &user);
                create(0, 0, 0, &leaked);
                int32_t (*close_pub)(uint32_t) = (int32_t (*)(uint32_t))dlsym(fake, "DRMClosePubHandle");
                close_pub(user);
                return 0;
            }
            """);
        string executable = program[..^2];
        try
        {
            Assert.Equal(0, Run("cc", "-o", executable, program, "-ldl").ExitCode);
            var start = new System.Diagnostics.ProcessStartInfo(executable) { UseShellExecute = false };
            FakeMsDrm.PrepareChildProcess(start, report);
            using var child = System.Diagnostics.Process.Start(start)!;
            child.WaitForExit();
            Assert.Equal(0, child.ExitCode);

            FakeMsDrmReport counts = FakeMsDrmReport.Read(report);
            Output.WriteLine(counts.ToString());
            Assert.Equal(1, counts.Live);
            Assert.Equal(1, counts.Values["pub"]);
            Assert.Equal(2, counts.Values["created"]);
            Assert.Equal(0, counts.DoubleCloses);
        }
        finally
        {
            foreach (string file in new[] { report, program, executable })
            {
                File.Delete(file);
            }
        }
    }

    private static System.Diagnostics.Process Run(string file, params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo(file) { UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = System.Diagnostics.Process.Start(start)!;
        process.WaitForExit();
        return process;
    }
}
