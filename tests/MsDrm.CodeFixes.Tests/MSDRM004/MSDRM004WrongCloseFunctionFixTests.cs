using MsDrm.Testing.Cases;

namespace MsDrm.CodeFixes.Tests.MSDRM004;

/// <summary>
/// The MSDRM004 fix calls the matching close function: every Wrong case becomes its Correct twin (also
/// through Fix All), and the fix is not offered where it cannot be made safely.
/// </summary>
public class MSDRM004WrongCloseFunctionFixTests
{
    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (RuleCase rule in MSDRM004Cases.All)
        {
            data.Add(rule.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public Task Wrong_case_becomes_its_correct_twin(string name)
    {
        RuleCase rule = MSDRM004Cases.All.Single(c => c.Name == name);
        return MSDRM004FixTest.VerifyAsync(MSDRM004FixTest.KeepOnlyWrongCloseMarkup(rule.Wrong), rule.Correct);
    }

    [Fact]
    public async Task Title_names_the_matching_close_function()
    {
        RuleCase rule = MSDRM004Cases.All.Single(c => c.Name == "License_storage_session_closed_as_a_handle");
        Assert.Equal(["Call 'DRMCloseSession'"], await MSDRM004FixTest.OfferedTitlesAsync(CaseMarkup.Parse(rule.Wrong).Source));
    }

    [Fact]
    public Task Several_wrong_closes_in_one_method_are_fixed_together()
        => MSDRM004FixTest.VerifyAsync(
            Method("""
                DrmException.ThrowIfFailed(Native.DRMDuplicateSession(s, out uint session));
                DrmException.ThrowIfFailed(Native.DRMParseUnboundLicense("<XrML/>", out uint query));
                {|MSDRM004:Native.DRMCloseHandle(query)|};
                {|MSDRM004:Native.DRMCloseHandle( session )|};
                """),
            Method("""
                DrmException.ThrowIfFailed(Native.DRMDuplicateSession(s, out uint session));
                DrmException.ThrowIfFailed(Native.DRMParseUnboundLicense("<XrML/>", out uint query));
                Native.DRMCloseQueryHandle(query);
                Native.DRMCloseSession( session );
                """));

    [Fact]
    public async Task Not_offered_when_the_import_class_lacks_the_matching_function()
    {
        string source = """
            using System.Runtime.InteropServices;
            using MsDrm;

            internal static class Imports
            {
                [DllImport("msdrm.dll")] internal static extern int DRMDuplicateSession(uint hSessionIn, out uint phSessionOut);
                [DllImport("msdrm.dll")] internal static extern int DRMCloseHandle(uint handle);

                internal static void M(uint s)
                {
                    DrmException.ThrowIfFailed(DRMDuplicateSession(s, out uint copy));
                    DRMCloseHandle(copy);
                }
            }
            """;
        Assert.Empty(await MSDRM004FixTest.OfferedTitlesAsync(source));
    }

    [Fact]
    public async Task Not_offered_when_the_matching_function_returns_another_type()
    {
        string source = """
            using System.Runtime.InteropServices;
            using MsDrm;

            internal static class Imports
            {
                [DllImport("msdrm.dll")] internal static extern int DRMDuplicateSession(uint hSessionIn, out uint phSessionOut);
                [DllImport("msdrm.dll")] internal static extern int DRMCloseHandle(uint handle);
                [DllImport("msdrm.dll")] internal static extern uint DRMCloseSession(uint hSession);

                internal static int M(uint s)
                {
                    DrmException.ThrowIfFailed(DRMDuplicateSession(s, out uint copy));
                    int hr = DRMCloseHandle(copy);
                    return hr;
                }
            }
            """;
        Assert.Empty(await MSDRM004FixTest.OfferedTitlesAsync(source));
    }

    [Fact]
    public async Task Not_offered_when_the_matching_function_is_not_accessible()
    {
        string source = """
            using System.Runtime.InteropServices;
            using MsDrm;

            internal static class Imports
            {
                [DllImport("msdrm.dll")] internal static extern int DRMDuplicateSession(uint hSessionIn, out uint phSessionOut);
                [DllImport("msdrm.dll")] internal static extern int DRMCloseHandle(uint handle);
                [DllImport("msdrm.dll")] private static extern int DRMCloseSession(uint hSession);
            }

            internal static class User
            {
                internal static void M(uint s)
                {
                    DrmException.ThrowIfFailed(Imports.DRMDuplicateSession(s, out uint copy));
                    Imports.DRMCloseHandle(copy);
                }
            }
            """;
        Assert.Empty(await MSDRM004FixTest.OfferedTitlesAsync(source));
    }

    private static string Method(string body) => $$"""
        using System;
        using MsDrm;

        internal class C
        {
            void M(uint s)
            {
                {{body}}
            }
        }
        """;
}
