using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using MsDrm.Analyzers.Tests.MSDRM003to006;
using MsDrm.Testing;
using MsDrm.Testing.Cases;
using Xunit;
using static MsDrm.Testing.Cases.HandleNotClosedSource;

namespace MsDrm.Analyzers.Tests.MSDRM005;

/// <summary>
/// MSDRM005 beyond the shared cases (which LifetimeRuleCaseTests runs for diagnostics and spans): the
/// additional locations of every case, the message, the fix property, more shapes, the cases that wait
/// for summaries, and broken code.
/// </summary>
public class MSDRM005CloseOrderTests
{
    private const string Bound = "DrmException.ThrowIfFailed(Native.DRMCreateBoundLicense(env, IntPtr.Zero, \"<eul/>\", out uint license, out _));\n";
    private const string Decryptor = "DrmException.ThrowIfFailed(Native.DRMCreateEnablingBitsDecryptor(license, \"VIEW\", 0, null, out uint decryptor));\n";

    public static TheoryData<string> CaseNames() => LifetimeRuleRun.Names(MSDRM005Cases.All);


    [Theory]
    [MemberData(nameof(CaseNames))]
    public Task Additional_locations_are_the_open_childrens_creations(string name)
        => LifetimeRuleRun.AssertAdditionalLocationsAsync(MSDRM005Cases.All.Single(c => c.Name == name), "MSDRM005");

    [Fact]
    public async Task Message_names_parent_child_and_creating_function()
    {
        Diagnostic diagnostic = Assert.Single(await Run(Bound + Decryptor + "Native.DRMCloseHandle(license);\nNative.DRMCloseHandle(decryptor);"));
        Assert.Equal(
            "'license' is closed while 'decryptor', made from it by 'DRMCreateEnablingBitsDecryptor' on line 48, is still open; close 'decryptor' first",
            diagnostic.GetMessage());
        string source = Body("Shape", Bound + Decryptor + "Native.DRMCloseHandle(license);\nNative.DRMCloseHandle(decryptor);", "").Wrong;
        Assert.Equal(source.IndexOf("Native.DRMCloseHandle(decryptor)", StringComparison.Ordinal).ToString(), diagnostic.Properties["ChildCloses"]);
    }

    [Fact]
    public async Task Two_open_children_are_named_in_one_message()
    {
        Diagnostic diagnostic = Assert.Single(await Run("""
            DrmException.ThrowIfFailed(Native.DRMInitEnvironment(0, 1, null, null, "<machine/>", out uint environment, out uint library));
            DrmException.ThrowIfFailed(Native.DRMLoadLibrary(environment, 1, "plugin.dll", null, out uint plugin));
            Native.DRMCloseEnvironmentHandle(environment);
            Native.DRMCloseHandle(plugin);
            Native.DRMCloseHandle(library);
            """));
        Assert.StartsWith("'environment' is closed while 'library', 'plugin', made from it by 'DRMInitEnvironment', 'DRMLoadLibrary'", diagnostic.GetMessage());
        Assert.Equal(2, diagnostic.AdditionalLocations.Count);
    }

    [Fact]
    public async Task A_child_closed_before_the_parent_on_every_path_is_fine()
        => Assert.Empty(await Run(Bound + Decryptor + "if (flag)\n{\n    Native.DRMCloseHandle(decryptor);\n}\nelse\n{\n    Native.DRMCloseHandle(decryptor);\n}\nNative.DRMCloseHandle(license);"));

    [Fact]
    public async Task A_child_of_another_parent_is_not_this_parents_child()
        => Assert.Empty(await Run(Bound + """
            DrmException.ThrowIfFailed(Native.DRMCreateBoundLicense(env, IntPtr.Zero, "<eul/>", out uint other, out _));
            DrmException.ThrowIfFailed(Native.DRMCreateEnablingBitsDecryptor(other, "VIEW", 0, null, out uint decryptor));
            Native.DRMCloseHandle(license);
            Native.DRMCloseHandle(decryptor);
            Native.DRMCloseHandle(other);
            """));

    [Fact]
    public async Task A_failed_child_creation_leaves_no_child()
        => Assert.Empty(await Run(Bound + """
            int hr = Native.DRMCreateEnablingBitsDecryptor(license, "VIEW", 0, null, out uint decryptor);
            if (hr < 0)
            {
                Native.DRMCloseHandle(license);
                return;
            }

            Native.DRMCloseHandle(decryptor);
            Native.DRMCloseHandle(license);
            """));

    [Fact]
    public async Task The_parent_closed_twice_is_MSDRM003_not_a_second_order_problem()
    {
        ImmutableArray<Diagnostic> order = await Run(Bound + Decryptor + "Native.DRMCloseHandle(license);\nNative.DRMCloseHandle(decryptor);\nNative.DRMCloseHandle(license);");
        Assert.Single(order);
    }


    [Theory]
    [InlineData("Native.DRMCreateEnablingBitsDecryptor(, \"VIEW\", 0, null, out uint d); Native.DRMCloseHandle(bound); Native.DRMCloseHandle(d);")]
    [InlineData("Native.DRMCreateEnablingBitsDecryptor(bound, \"VIEW\", 0, null, out d); Native.DRMCloseHandle(bound); Native.DRMCloseHandle(d);")]
    [InlineData("Native.DRMInitEnvironment(0, 1, null, null, \"\", out uint e, out e); Native.DRMCloseEnvironmentHandle(e); Native.DRMCloseHandle(e);")]
    [InlineData("using (SafeDrmEnvironmentHandle.Adopt(env)) { Native.DRMLoadLibrary(env, 1, \"p\", null, out uint p); } Native.DRMCloseHandle(p);")]
    [InlineData("var w = SafeDrmEnvironmentHandle.Adopt(env); Native.DRMLoadLibrary(env, 1, \"p\", null, out uint p); w.Dispose(); w.Dispose(); Native.DRMCloseHandle(p")]
    public async Task Broken_code_never_crashes(string body)
        => await LifetimeRuleRun.DiagnosticsAsync(Unit("void M(uint env, uint bound, bool flag)\n{\n" + body + "\n}"), "MSDRM005");

    private static Task<ImmutableArray<Diagnostic>> Run(string body)
        => LifetimeRuleRun.DiagnosticsAsync(Body("Shape", body, body).Wrong, "MSDRM005");
}
