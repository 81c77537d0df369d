using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using MsDrm.Analyzers.Tests.MSDRM003to006;
using MsDrm.Testing;
using MsDrm.Testing.Cases;
using Xunit;
using static MsDrm.Testing.Cases.HandleNotClosedSource;

namespace MsDrm.Analyzers.Tests.MSDRM003;

/// <summary>
/// MSDRM003 beyond the shared cases (which LifetimeRuleCaseTests runs for diagnostics and spans): the
/// additional location of every case, the message, the fix property, shapes of copies and parameters,
/// the cases that wait for summaries, and broken code.
/// </summary>
public class MSDRM003UsedAfterCloseTests
{
    private const string Dup = "DrmException.ThrowIfFailed(Native.DRMDuplicateSession(s, out uint dup));\n";

    public static TheoryData<string> CaseNames() => LifetimeRuleRun.Names(MSDRM003Cases.All);


    [Theory]
    [MemberData(nameof(CaseNames))]
    public Task Additional_location_is_the_first_close(string name)
        => LifetimeRuleRun.AssertAdditionalLocationsAsync(MSDRM003Cases.All.Single(c => c.Name == name), "MSDRM003");

    [Fact]
    public async Task Message_names_the_handle_the_call_and_the_first_close()
    {
        Diagnostic diagnostic = Assert.Single(await Run(Dup + "Native.DRMCloseSession(dup);\nNative.DRMCloseSession(dup);"));
        Assert.Equal("Handle 'dup' is passed to 'DRMCloseSession' after 'DRMCloseSession' closed it on line 48", diagnostic.GetMessage());
        Assert.Equal("true", diagnostic.Properties["SecondClose"]);
    }

    [Fact]
    public async Task Use_after_a_wrapper_disposal_names_the_disposal()
    {
        Diagnostic diagnostic = Assert.Single(await Run(Dup + """
            var owner = SafeDrmSessionHandle.Adopt(dup);
            owner.Dispose();
            DrmException.ThrowIfFailed(Native.DRMIsActivated(dup, 0, IntPtr.Zero));
            """));
        Assert.Equal("Handle 'dup' is passed to 'DRMIsActivated' after 'SafeDrmSessionHandle.Dispose' closed it on line 49", diagnostic.GetMessage());
        Assert.False(diagnostic.Properties.ContainsKey("SecondClose"));
    }

    [Fact]
    public async Task A_close_inside_a_loop_is_its_own_first_close_and_not_removable()
    {
        Diagnostic diagnostic = Assert.Single(await Run(Dup + "while (count-- > 0)\n{\n    Native.DRMCloseSession(dup);\n}"));
        Assert.Equal(diagnostic.Location, Assert.Single(diagnostic.AdditionalLocations));
        Assert.False(diagnostic.Properties.ContainsKey("SecondClose"));
    }

    [Fact]
    public async Task A_closed_result_that_is_used_is_still_a_second_close()
    {
        Diagnostic diagnostic = Assert.Single(await Run(Dup + "Native.DRMCloseSession(dup);\nint hr = Native.DRMCloseSession(dup);\nConsole.WriteLine(hr);"));
        Assert.Equal("true", diagnostic.Properties["SecondClose"]);
    }

    [Fact]
    public async Task A_copy_of_a_parameter_is_the_same_value()
        => Assert.Single(await Run("uint copy = s;\nNative.DRMCloseSession(copy);\nNative.DRMCloseSession(s);"));

    [Fact]
    public async Task A_parameter_assigned_again_is_a_new_value()
        => Assert.Empty(await Run("Native.DRMCloseSession(s);\ns = bound;\nNative.DRMCloseSession(s);"));

    [Fact]
    public async Task A_handle_passed_by_ref_may_come_back_as_a_new_value()
        => Assert.Empty(await Run(Dup + "Native.DRMCloseSession(dup);\nKeepRef(ref dup);\nNative.DRMCloseSession(dup);"));

    [Fact]
    public async Task Two_independent_duplicates_are_two_values()
        => Assert.Empty(await Run(Dup + "DrmException.ThrowIfFailed(Native.DRMDuplicateSession(s, out uint other));\nNative.DRMCloseSession(dup);\nNative.DRMCloseSession(other);"));

    [Fact]
    public async Task Closing_in_a_loop_after_each_new_creation_is_fine()
        => Assert.Empty(await Run("""
            for (int i = 0; i < count; i++)
            {
                DrmException.ThrowIfFailed(Native.DRMDuplicateSession(s, out uint dup));
                Native.DRMCloseSession(dup);
            }
            """));

    [Fact]
    public async Task A_variable_a_lambda_assigns_is_not_followed()
        => Assert.Empty(await Run("""
            DrmException.ThrowIfFailed(Native.DRMDuplicateSession(s, out uint dup));
            Action renew = () => DrmException.ThrowIfFailed(Native.DRMDuplicateSession(s, out dup));
            Native.DRMCloseSession(dup);
            renew();
            Native.DRMCloseSession(dup);
            """));

    [Fact]
    public async Task The_previous_value_of_a_loop_closed_through_its_copy_is_not_the_new_one()
        => Assert.Empty(await Run("""
            uint prev = 0;
            for (uint i = 0; i < 3; i++)
            {
                DrmException.ThrowIfFailed(Native.DRMGetUsers(lic, i, out uint user));
                if (prev != 0)
                {
                    Native.DRMClosePubHandle(prev);
                }

                prev = user;
            }

            if (prev != 0)
            {
                Native.DRMClosePubHandle(prev);
            }
            """));

    [Fact]
    public async Task The_previous_value_of_a_loop_closed_twice_is_reported()
        => Assert.Single(await Run("""
            uint prev = 0;
            for (uint i = 0; i < 3; i++)
            {
                DrmException.ThrowIfFailed(Native.DRMGetUsers(lic, i, out uint user));
                if (prev != 0)
                {
                    Native.DRMClosePubHandle(prev);
                    Native.DRMClosePubHandle(prev);
                }

                prev = user;
            }

            if (prev != 0)
            {
                Native.DRMClosePubHandle(prev);
            }
            """));


    [Theory]
    [InlineData("Native.DRMCloseSession(s); Native.DRMCloseSession(")]
    [InlineData("Native.DRMCloseSession(s); Native.DRMCloseSession(s, 1);")]
    [InlineData("Native.DRMCloseSession(missing); Native.DRMCloseSession(missing);")]
    [InlineData("uint h = s; Native.DRMCloseSession(h); Native.DRMIsActivated(h, 0, );")]
    [InlineData("using (SafeDrmSessionHandle.Adopt()) { } Native.DRMCloseSession(s);")]
    [InlineData("var w = SafeDrmSessionHandle.Adopt(s); w.Dispose(1); Native.DRMCloseSession(s);")]
    [InlineData("Native.DRMCloseSession(s); goto missing; Native.DRMCloseSession(s);")]
    public async Task Broken_code_never_crashes(string body)
        => await LifetimeRuleRun.DiagnosticsAsync(Unit(BrokenMethod(body)), "MSDRM003");

    private static Task<ImmutableArray<Diagnostic>> Run(string body)
        => LifetimeRuleRun.DiagnosticsAsync(Body("Shape", body, body).Wrong, "MSDRM003");

    private static string BrokenMethod(string body) => "void M(uint s, bool flag, int count)\n{\n" + body + "\n}";
}
