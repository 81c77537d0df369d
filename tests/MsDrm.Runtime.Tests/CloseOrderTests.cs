using MsDrm.Testing.FakeNative;
using Xunit;
using Xunit.Abstractions;

namespace MsDrm.Runtime.Tests;

/// <summary>
/// The fake counts closes out of order (a parent closed while a child made from it is open, per the
/// table's parent_param) and double closes; code that closes children first leaves both at zero.
/// </summary>
public sealed class CloseOrderTests : FakeMsDrmTest
{
    public CloseOrderTests(ITestOutputHelper output)
        : base(output)
    {
    }

    [Fact]
    public void Every_parent_relation_of_the_table_has_a_case()
    {
        var tableFunctions = ApiTable.Rows.Where(r => r.Role == "creates" && r.ParentParameter is not null).Select(r => r.Function).Order();
        Assert.Equal(tableFunctions, ParentCase.All.Select(c => c.Function).Order());
    }

    [Theory]
    [MemberData(nameof(ParentCase.Names), MemberType = typeof(ParentCase))]
    public void Closing_the_parent_first_counts_one_order_violation(string function)
    {
        ParentCase relation = ParentCase.Named(function);
        using (var world = new DrmWorld())
        {
            (SafeDrmHandleBase parent, SafeDrmHandleBase child) = relation.Make(world);
            Assert.Equal(relation.ParentKind, FakeMsDrm.KindOf(parent.Value));
            Assert.Equal(0, FakeMsDrm.OrderViolations);

            parent.Dispose();
            Assert.Equal(1, FakeMsDrm.OrderViolations);
            Assert.StartsWith(KindName(relation.ParentKind) + " before 1 open", FakeMsDrm.LastOrderViolation);

            // The fake lets the child close afterwards, so the run ends clean apart from the order count.
            child.Dispose();
        }

        Assert.Equal(1, FakeMsDrm.OrderViolations);
        AssertClean();
    }

    [Theory]
    [MemberData(nameof(ParentCase.Names), MemberType = typeof(ParentCase))]
    public void Closing_the_child_first_counts_nothing(string function)
    {
        ParentCase relation = ParentCase.Named(function);
        using (var world = new DrmWorld())
        {
            (SafeDrmHandleBase parent, SafeDrmHandleBase child) = relation.Make(world);
            child.Dispose();
            parent.Dispose();
        }

        Assert.Equal(0, FakeMsDrm.OrderViolations);
        Assert.Equal(string.Empty, FakeMsDrm.LastOrderViolation);
        AssertClean();
    }

    [Fact]
    public void Raw_handles_closed_out_of_order_and_twice_are_counted()
    {
        Assert.Equal(0, NativeMethods.DRMInitEnvironment(0, 1, null, null, "<machine-cert/>", out uint environment, out uint library));
        Assert.Equal(0, NativeMethods.DRMParseUnboundLicense("<XrML/>", out uint root));
        Assert.Equal(0, NativeMethods.DRMGetUnboundLicenseObject(root, "issued-principal", 0, out uint subQuery));

        Assert.Equal(0, NativeMethods.DRMCloseEnvironmentHandle(environment));   // before its default library
        Assert.Equal(0, NativeMethods.DRMCloseQueryHandle(root));                // before its sub-query
        Assert.Equal(0, NativeMethods.DRMCloseHandle(library));
        Assert.Equal(0, NativeMethods.DRMCloseQueryHandle(subQuery));
        Assert.Equal(E_DRM_INVALID_HANDLE, NativeMethods.DRMCloseQueryHandle(subQuery));

        Assert.Equal(2, FakeMsDrm.OrderViolations);
        Assert.Equal(1, FakeMsDrm.DoubleCloses);
        FakeMsDrmCounters counters = FakeMsDrm.Counters;
        Assert.Equal(2, counters.OrderViolations);
        Assert.Contains("order_violations=2", counters.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, FakeMsDrm.LiveCount());
    }

    [Fact]
    public void Raw_handles_closed_children_first_count_nothing()
    {
        Assert.Equal(0, NativeMethods.DRMInitEnvironment(0, 1, null, null, "<machine-cert/>", out uint environment, out uint library));
        Assert.Equal(0, NativeMethods.DRMLoadLibrary(environment, 1, "plugin.dll", null, out uint plugin));
        Assert.Equal(0, NativeMethods.DRMCloseHandle(plugin));
        Assert.Equal(0, NativeMethods.DRMCloseHandle(library));
        Assert.Equal(0, NativeMethods.DRMCloseEnvironmentHandle(environment));

        Assert.Equal(0, FakeMsDrm.OrderViolations);
        AssertClean();
    }

    [Fact]
    public void A_parent_with_two_open_children_counts_one_violation_per_early_close()
    {
        Assert.Equal(0, NativeMethods.DRMInitEnvironment(0, 1, null, null, "<machine-cert/>", out uint environment, out uint library));
        Assert.Equal(0, NativeMethods.DRMLoadLibrary(environment, 1, "plugin.dll", null, out uint plugin));

        Assert.Equal(0, NativeMethods.DRMCloseEnvironmentHandle(environment));
        Assert.StartsWith("environment before 2 open", FakeMsDrm.LastOrderViolation);
        Assert.Equal(0, NativeMethods.DRMCloseHandle(plugin));
        Assert.Equal(0, NativeMethods.DRMCloseHandle(library));

        Assert.Equal(1, FakeMsDrm.OrderViolations);
        AssertClean();
    }

    [Fact]
    public void A_duplicate_is_not_a_child_of_its_source()
    {
        Assert.Equal(0, NativeMethods.DRMParseUnboundLicense("<XrML/>", out uint root));
        Assert.Equal(0, NativeMethods.DRMCreateUser("u", null, null, out uint user));
        Assert.Equal(0, NativeMethods.DRMDuplicatePubHandle(user, out uint copy));
        Assert.Equal(0, NativeMethods.DRMClosePubHandle(user));
        Assert.Equal(0, NativeMethods.DRMClosePubHandle(copy));
        Assert.Equal(0, NativeMethods.DRMCloseQueryHandle(root));

        Assert.Equal(0, FakeMsDrm.OrderViolations);
        AssertClean();
    }

    [Fact]
    public void Reset_forgets_the_relations_of_handles_left_open()
    {
        Assert.Equal(0, NativeMethods.DRMParseUnboundLicense("<XrML/>", out uint root));
        Assert.Equal(0, NativeMethods.DRMGetUnboundLicenseObject(root, "issued-principal", 0, out uint subQuery));
        FakeMsDrm.Reset();

        Assert.Equal(0, NativeMethods.DRMCloseQueryHandle(root));
        Assert.Equal(0, NativeMethods.DRMCloseQueryHandle(subQuery));
        Assert.Equal(0, FakeMsDrm.OrderViolations);
    }

    [Fact]
    public void The_runtime_wrappers_disposed_in_reverse_order_leave_no_violation()
    {
        // Every typed creating method, each result disposed before the world that holds its parents
        // (DRMInitEnvironment's pair comes back library first: disposed in that order).
        using (var world = new DrmWorld())
        {
            var made = new Stack<SafeDrmHandleBase>();
            foreach (CreateCase create in CreateCase.All)
            {
                foreach (SafeDrmHandleBase handle in create.Invoke(world).Reverse())
                {
                    made.Push(handle);
                }
            }

            while (made.Count > 0)
            {
                made.Pop().Dispose();
            }
        }

        Output.WriteLine(FakeMsDrm.Counters + " " + FakeMsDrm.LastOrderViolation);
        Assert.Equal(0, FakeMsDrm.OrderViolations);
        Assert.Equal(0, FakeMsDrm.DoubleCloses);
        AssertClean();
    }

    [Fact]
    public void Nested_using_blocks_close_children_first()
    {
        using (SafeDrmEnvironmentHandle environment = SafeDrmEnvironmentHandle.Initialize(
            DrmSecurityProviderType.SoftwareSecRep, DrmSpecType.FileName, "secrep.dll", null, "<machine-cert/>", out SafeDrmHandle library))
        using (library)
        using (SafeDrmHandle principal = SafeDrmHandle.CreateEnablingPrincipal(environment, library, "UDStdPlg Enabling Principal", new DrmId("ASCII Tag", "UDStdPlg"), "<rac/>"))
        using (SafeDrmHandle bound = SafeDrmHandle.CreateBoundLicense(environment, new DrmBoundLicenseParameters { EnablingPrincipal = principal, RightsRequested = "VIEW" }, "<eul/>"))
        using (SafeDrmHandle decryptor = SafeDrmHandle.CreateEnablingBitsDecryptor(bound, "VIEW"))
        using (SafeDrmHandle subObject = SafeDrmHandle.GetBoundLicenseObject(bound, "issued-principal", 0))
        using (SafeDrmSessionHandle client = SafeDrmSessionHandle.CreateClientSession(DrmWorld.Callback, "WINDOWSAUTH", null))
        using (SafeDrmSessionHandle storage = SafeDrmSessionHandle.CreateLicenseStorageSession(environment, library, client, 0, "<issuance-license/>"))
        {
            Assert.False(decryptor.IsInvalid || subObject.IsInvalid || storage.IsInvalid);
        }

        Assert.Equal(0, FakeMsDrm.OrderViolations);
        AssertClean();
    }

    [Fact]
    public void Disposing_a_wrapper_that_adopted_the_parent_first_is_a_violation()
    {
        Assert.Equal(0, NativeMethods.DRMInitEnvironment(0, 1, null, null, "<machine-cert/>", out uint environment, out uint library));
        using (SafeDrmHandle libraryWrapper = SafeDrmHandle.Adopt(library))
        {
            SafeDrmEnvironmentHandle.Adopt(environment).Dispose();
            Assert.Equal(1, FakeMsDrm.OrderViolations);
        }

        AssertClean();
    }

    [Fact]
    public void The_exit_report_lists_order_violations_and_double_closes()
    {
        // FAKE_MSDRM_REPORT is written at unload, so a child process closes a query root before its sub-query and the sub-query twice.
        string report = Path.Combine(Path.GetTempPath(), $"fake-msdrm-order-{Guid.NewGuid():N}.txt");
        string program = Path.Combine(Path.GetTempPath(), $"fake-msdrm-order-{Guid.NewGuid():N}.c");
        string executable = program[..^2];
        File.WriteAllText(program, """
            #include <dlfcn.h>
            #include <stdint.h>
            typedef int32_t (*parse_fn)(const uint16_t *, uint32_t *);
            typedef int32_t (*sub_fn)(uint32_t, const uint16_t *, uint32_t, uint32_t *);
            typedef int32_t (*close_fn)(uint32_t);
            int main(void) {
                void *fake = dlopen("msdrm.dll", RTLD_NOW);
                if (!fake) return 2;
                static const uint16_t text[] = { 'x', 0 };
                uint32_t root = 0, sub = 0;
                if (((parse_fn)dlsym(fake, "DRMParseUnboundLicense"))(text, &root) < 0) return 3;
                if (((sub_fn)dlsym(fake, "DRMGetUnboundLicenseObject"))(root, text, 0, &sub) < 0) return 4;
                close_fn close_query = (close_fn)dlsym(fake, "DRMCloseQueryHandle");
                close_query(root);
                close_query(sub);
                close_query(sub);
                return 0;
            }
            """);
        try
        {
            using (System.Diagnostics.Process compiler = Run("cc", "-o", executable, program, "-ldl"))
            {
                Assert.Equal(0, compiler.ExitCode);
            }

            var start = new System.Diagnostics.ProcessStartInfo(executable) { UseShellExecute = false };
            FakeMsDrm.PrepareChildProcess(start, report);
            using (System.Diagnostics.Process child = System.Diagnostics.Process.Start(start)!)
            {
                child.WaitForExit();
                Assert.Equal(0, child.ExitCode);
            }

            FakeMsDrmReport counts = FakeMsDrmReport.Read(report);
            Output.WriteLine(counts.ToString());
            Assert.Equal(1, counts.OrderViolations);
            Assert.Equal(1, counts.DoubleCloses);
            Assert.Equal(0, counts.Live);
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

        System.Diagnostics.Process process = System.Diagnostics.Process.Start(start)!;
        process.WaitForExit();
        return process;
    }

    private static string KindName(FakeHandleKind kind) => kind switch
    {
        FakeHandleKind.Session => "session",
        FakeHandleKind.Handle => "handle",
        FakeHandleKind.Pub => "pub",
        FakeHandleKind.Environment => "environment",
        FakeHandleKind.Query => "query",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
