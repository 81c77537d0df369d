using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using MsDrm.Testing.Cases;
using Xunit;

namespace MsDrm.Analyzers.Tests.MSDRM004;

/// <summary>
/// MSDRM004 beyond the shared cases: the message, the properties the fix reads, no additional location,
/// the shapes where the kind is not known (silent), the SafeHandle check's limits, and broken code.
/// </summary>
public class MSDRM004WrongCloseFunctionTests
{
    [Fact]
    public async Task Message_names_the_variable_its_type_the_wrong_close_and_the_right_one()
    {
        ImmutableArray<Diagnostic> diagnostics = await MSDRM004Run.DiagnosticsAsync(MSDRM004Run.InMethod("""
            DrmException.ThrowIfFailed(Native.DRMCreateLicenseStorageSession(env, lib, s, 0, "<issuance-license/>", out uint storage));
            Native.DRMCloseHandle(storage);
            """));

        Diagnostic diagnostic = Assert.Single(diagnostics, d => d.Id == DiagnosticIds.WrongCloseFunction);
        Assert.Equal("'storage' holds a DRMHSESSION, which 'DRMCloseHandle' does not close; use 'DRMCloseSession'", diagnostic.GetMessage());
        Assert.Equal("Native.DRMCloseHandle(storage)", diagnostic.Location.SourceTree!.ToString().Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
        Assert.Equal("Session", diagnostic.Properties[DiagnosticProperties.Kind]);
        Assert.Empty(diagnostic.AdditionalLocations);

        // DESIGN.md: MSDRM001 still reports the handle as not closed.
        Assert.Single(diagnostics, d => d.Id == DiagnosticIds.HandleNotClosed);
    }

    [Fact]
    public async Task Every_shared_case_reports_without_additional_locations_and_with_the_kind()
    {
        foreach (RuleCase rule in MSDRM004Cases.All)
        {
            ImmutableArray<Diagnostic> diagnostics = await MSDRM004Run.DiagnosticsAsync(CaseMarkup.Parse(rule.Wrong).Source);
            Diagnostic diagnostic = Assert.Single(diagnostics, d => d.Id == DiagnosticIds.WrongCloseFunction);
            Assert.Empty(diagnostic.AdditionalLocations);
            Assert.True(WrongCloseProperties.TryRead(diagnostic.Properties, out _), rule.Name);
        }
    }

    [Fact]
    public async Task SafeHandle_message_names_handle_and_the_kind_the_import_creates()
    {
        RuleCase rule = MSDRM004Cases.All.Single(c => c.Name == "SafeHandle_session_released_with_DRMCloseHandle");
        Diagnostic diagnostic = Assert.Single(await MSDRM004Run.DiagnosticsAsync(CaseMarkup.Parse(rule.Wrong).Source));
        Assert.Equal("'handle' holds a DRMHSESSION, which 'DRMCloseHandle' does not close; use 'DRMCloseSession'", diagnostic.GetMessage());
        Assert.Equal("Session", diagnostic.Properties[DiagnosticProperties.Kind]);
    }

    public static TheoryData<string> UnknownKinds() => new()
    {
        // A parameter: the flow does not know what it holds.
        "Native.DRMCloseHandle(s);",

        // Two kinds joined in one variable: no single kind is known.
        """
        uint h;
        if (flag) { DrmException.ThrowIfFailed(Native.DRMDuplicateSession(s, out h)); }
        else { DrmException.ThrowIfFailed(Native.DRMDuplicateHandle(lib, out h)); }
        Native.DRMCloseHandle(h);
        """,

        // Escaped (stored in a collection) before the close: no longer followed.
        """
        DrmException.ThrowIfFailed(Native.DRMDuplicateSession(s, out uint h));
        var kept = new System.Collections.Generic.List<uint>();
        kept.Add(h);
        Native.DRMCloseHandle(h);
        """,

        // Closed with the right function first: the flow no longer holds it (a second close is MSDRM003's).
        """
        DrmException.ThrowIfFailed(Native.DRMDuplicateSession(s, out uint h));
        Native.DRMCloseSession(h);
        Native.DRMCloseHandle(h);
        """,
    };

    [Theory]
    [MemberData(nameof(UnknownKinds))]
    public async Task A_close_whose_argument_kind_is_not_known_is_not_reported(string body)
        => Assert.DoesNotContain(await MSDRM004Run.DiagnosticsAsync(MSDRM004Run.InMethod(body)), d => d.Id == DiagnosticIds.WrongCloseFunction);

    [Fact]
    public async Task Failure_side_of_the_creation_has_no_handle_to_check()
    {
        ImmutableArray<Diagnostic> diagnostics = await MSDRM004Run.DiagnosticsAsync(MSDRM004Run.InMethod("""
            if (Native.DRMDuplicateSession(s, out uint h) < 0)
            {
                Native.DRMCloseHandle(h);
                return;
            }

            Native.DRMCloseSession(h);
            """));
        Assert.DoesNotContain(diagnostics, d => d.Id == DiagnosticIds.WrongCloseFunction);
    }

    [Fact]
    public async Task Lambda_bodies_are_checked_in_their_own_graph()
    {
        ImmutableArray<Diagnostic> diagnostics = await MSDRM004Run.DiagnosticsAsync(MSDRM004Run.InMethod("""
            Action close = () =>
            {
                DrmException.ThrowIfFailed(Native.DRMCreateUser("alice@example.com", null, "Windows", out uint user));
                Native.DRMCloseSession(user);
            };
            close();
            """));
        Diagnostic diagnostic = Assert.Single(diagnostics, d => d.Id == DiagnosticIds.WrongCloseFunction);
        Assert.Contains("use 'DRMClosePubHandle'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    public static TheoryData<string> SilentSafeHandles() => new()
    {
        // No import creates into the type: its kind is not known.
        "",

        // Imports create two kinds into it: no single kind to compare with.
        """
        [DllImport("msdrm.dll")] public static extern int DRMDuplicateSession(uint hSessionIn, out RightsHandle phSessionOut);
        [DllImport("msdrm.dll")] public static extern int DRMDuplicateHandle(uint hToCopy, out RightsHandle phCopy);
        """,

        // The import creates a DRMHANDLE, which DRMCloseHandle closes.
        """
        [DllImport("msdrm.dll")] public static extern int DRMDuplicateHandle(uint hToCopy, out RightsHandle phCopy);
        """,
    };

    [Theory]
    [MemberData(nameof(SilentSafeHandles))]
    public async Task SafeHandle_without_one_other_created_kind_is_not_reported(string imports)
    {
        string source = $$"""
            using System;
            using System.Runtime.InteropServices;
            using MsDrm;

            internal sealed class RightsHandle : SafeHandle
            {
                public RightsHandle() : base(IntPtr.Zero, ownsHandle: true) { }
                public override bool IsInvalid => handle == IntPtr.Zero;
                protected override bool ReleaseHandle() => Native.DRMCloseHandle((uint)handle) >= 0;
            }

            internal static class Imports
            {
                {{imports}}
            }
            """;
        Assert.DoesNotContain(await MSDRM004Run.DiagnosticsAsync(source), d => d.Id == DiagnosticIds.WrongCloseFunction);
    }

    [Fact]
    public async Task A_close_of_something_else_than_handle_in_ReleaseHandle_is_not_the_type_check()
    {
        string source = """
            using System;
            using System.Runtime.InteropServices;
            using MsDrm;

            internal sealed class RightsSessionHandle : SafeHandle
            {
                private readonly uint other = 7;
                public RightsSessionHandle() : base(IntPtr.Zero, ownsHandle: true) { }
                public override bool IsInvalid => handle == IntPtr.Zero;
                protected override bool ReleaseHandle() => Native.DRMCloseHandle(other) >= 0 && Native.DRMCloseSession((uint)handle) >= 0;
            }

            internal static class Imports
            {
                [DllImport("msdrm.dll")] public static extern int DRMDuplicateSession(uint hSessionIn, out RightsSessionHandle phSessionOut);
            }
            """;
        Assert.DoesNotContain(await MSDRM004Run.DiagnosticsAsync(source), d => d.Id == DiagnosticIds.WrongCloseFunction);
    }

    public static TheoryData<string> BrokenBodies() => new()
    {
        "Native.DRMDuplicateSession(s, out uint h); Native.DRMCloseHandle(",
        "Native.DRMDuplicateSession(s, out uint h); Native.DRMCloseHandle(h, 1);",
        "Native.DRMDuplicateSession(s, out uint h); Native.DRMCloseHandle(undeclared);",
        "Native.DRMDuplicateSession(s, out var h); Native.DRMCloseQueryHandle(h) = 3;",
        "Native.DRMCloseHandle(out uint h);",
    };

    [Theory]
    [MemberData(nameof(BrokenBodies))]
    public async Task Broken_code_does_not_crash(string body)
        => await MSDRM004Run.DiagnosticsAsync(MSDRM004Run.InMethod(body));

    [Fact]
    public async Task Broken_SafeHandle_does_not_crash()
        => await MSDRM004Run.DiagnosticsAsync("""
            using System;
            using System.Runtime.InteropServices;
            internal sealed class H : SafeHandle
            {
                protected override bool ReleaseHandle() => Native.DRMCloseHandle((uint)handle.ToInt64(1)) >= ;
            }
            internal static class Imports
            {
                [DllImport("msdrm.dll")] public static extern int DRMDuplicateSession(uint hSessionIn, out H);
            }
            """);
}
