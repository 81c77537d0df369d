namespace MsDrm.CodeFixes.Tests.MSDRM007;

/// <summary>Which MSDRM007 fixes are offered: one per listed kind, signature changes only when callers still compile.</summary>
public class MSDRM007FixAvailabilityTests
{
    [Fact]
    public async Task Every_kind_of_a_declaration_without_callers_gets_its_action()
    {
        var keys = await MSDRM007FixTest.OfferedKeysAsync("""
            using System.Runtime.InteropServices;

            internal static class Imports
            {
                [DllImport("msdrm.dll")] internal static extern bool DRMCreateUser(string wszUserName, string wszUserId, string wszUserIdType, ulong phUser);
            }
            """);
        Assert.Equal(["MSDRM007.EveryMismatch", "MSDRM007.Utf16Strings", "MSDRM007.HresultReturn", "MSDRM007.UInt32Handle", "MSDRM007.OutCreatedHandle"], keys);
    }

    [Fact]
    public async Task Return_fix_is_not_offered_when_a_caller_uses_the_bool()
    {
        var keys = await MSDRM007FixTest.OfferedKeysAsync("""
            using System.Runtime.InteropServices;

            internal static class Imports
            {
                [DllImport("msdrm.dll")] internal static extern bool DRMCloseSession(uint hSession);

                internal static void Close(uint session)
                {
                    if (!DRMCloseSession(session))
                    {
                        throw new System.InvalidOperationException();
                    }
                }
            }
            """);
        Assert.Empty(keys);
    }

    [Fact]
    public async Task Handle_fix_is_not_offered_when_a_caller_passes_a_long()
    {
        var keys = await MSDRM007FixTest.OfferedKeysAsync("""
            using System.Runtime.InteropServices;

            internal static class Imports
            {
                [DllImport("msdrm.dll")] internal static extern int DRMCloseHandle(long handle);

                internal static int Close(long handle) => DRMCloseHandle(handle);
            }
            """);
        Assert.Empty(keys);
    }

    [Fact]
    public async Task Out_fix_is_not_offered_when_a_caller_passes_the_handle_by_value()
    {
        var keys = await MSDRM007FixTest.OfferedKeysAsync("""
            using System.Runtime.InteropServices;

            internal static class Imports
            {
                [DllImport("msdrm.dll")] internal static extern int DRMDuplicateSession(uint hSessionIn, uint phSessionOut);

                internal static int Copy(uint session) => DRMDuplicateSession(session, 0);
            }
            """);
        Assert.Empty(keys);
    }

    [Fact]
    public async Task String_fix_stays_offered_whatever_the_callers_do()
    {
        var keys = await MSDRM007FixTest.OfferedKeysAsync("""
            using System.Runtime.InteropServices;

            internal static class Imports
            {
                [DllImport("msdrm.dll")] internal static extern bool DRMAddLicense(uint hLicenseStorage, uint uFlags, string wszLicense);

                internal static bool Add(uint storage, string license) => DRMAddLicense(storage, 0, license);
            }
            """);
        Assert.Equal(["MSDRM007.Utf16Strings"], keys);
    }

    [Fact]
    public async Task Return_fix_is_offered_when_callers_only_drop_the_result()
    {
        var keys = await MSDRM007FixTest.OfferedKeysAsync("""
            using System.Runtime.InteropServices;

            internal static class Imports
            {
                [DllImport("msdrm.dll")] internal static extern void DRMRepair();

                internal static void Repair()
                {
                    DRMRepair();
                    System.Action repair = () => DRMRepair();
                    repair();
                }
            }
            """);
        Assert.Equal(["MSDRM007.HresultReturn"], keys);
    }

    [Fact]
    public async Task No_action_is_offered_for_an_extern_local_function()
    {
        // The diagnostic is reported (OfferedKeysAsync asserts it), but the fixes rewrite method declarations only.
        var keys = await MSDRM007FixTest.OfferedKeysAsync("""
            using System.Runtime.InteropServices;

            internal static class Licenses
            {
                internal static int Add(uint session, string license)
                {
                    return DRMAddLicense(session, 0, license);

                    [DllImport("msdrm.dll")]
                    static extern int DRMAddLicense(uint hLicenseStorage, uint uFlags, string wszLicense);
                }
            }
            """);
        Assert.Empty(keys);
    }
}
