using static MsDrm.Testing.Cases.HandleNotClosedSource;

namespace MsDrm.Testing.Cases;

/// <summary>One case per creating position of msdrm-api.tsv (21 functions, 22 handles, 5 kinds).</summary>
internal static class HandleNotClosedCreatingFunctions
{
    internal static IEnumerable<RuleCase> Cases => new[]
    {
        Create("DRMInitEnvironment_environment", "Native.DRMInitEnvironment(0, 0, \"p\", \"m\", \"c\", out uint hEnv, out uint hDefaultLibrary)",
            "Native.DRMCloseHandle(hDefaultLibrary);", "Native.DRMCloseEnvironmentHandle(hEnv);"),
        // The correct twin closes the library before its environment (MSDRM005: close order).
        Body("DRMInitEnvironment_default_library",
            "        DrmException.ThrowIfFailed({|MSDRM001:Native.DRMInitEnvironment(0, 0, \"p\", \"m\", \"c\", out uint hEnv, out uint hDefaultLibrary)|});\n        Native.DRMCloseEnvironmentHandle(hEnv);",
            "        DrmException.ThrowIfFailed(Native.DRMInitEnvironment(0, 0, \"p\", \"m\", \"c\", out uint hEnv, out uint hDefaultLibrary));\n        Native.DRMCloseHandle(hDefaultLibrary);\n        Native.DRMCloseEnvironmentHandle(hEnv);"),
        Create("DRMLoadLibrary", "Native.DRMLoadLibrary(env, 0, \"p\", \"c\", out uint library)", "", "Native.DRMCloseHandle(library);"),
        Create("DRMCreateEnablingPrincipal", "Native.DRMCreateEnablingPrincipal(env, lib, \"o\", IntPtr.Zero, \"c\", out uint principal)", "", "Native.DRMCloseHandle(principal);"),
        Create("DRMDuplicateHandle", "Native.DRMDuplicateHandle(lib, out uint copy)", "", "Native.DRMCloseHandle(copy);"),
        Create("DRMDuplicateEnvironmentHandle", "Native.DRMDuplicateEnvironmentHandle(env, out uint envCopy)", "", "Native.DRMCloseEnvironmentHandle(envCopy);"),
        Create("DRMCreateBoundLicense_error_log_creates_nothing", "Native.DRMCreateBoundLicense(env, IntPtr.Zero, \"chain\", out uint boundLicense, out uint errorLog)",
            "Keep(errorLog);", "Native.DRMCloseHandle(boundLicense);"),
        Create("DRMCreateEnablingBitsDecryptor", "Native.DRMCreateEnablingBitsDecryptor(bound, \"VIEW\", 0, null, out uint decryptor)", "", "Native.DRMCloseHandle(decryptor);"),
        Create("DRMCreateEnablingBitsEncryptor", "Native.DRMCreateEnablingBitsEncryptor(bound, \"EDIT\", 0, null, out uint encryptor)", "", "Native.DRMCloseHandle(encryptor);"),
        Create("DRMGetBoundLicenseObject", "Native.DRMGetBoundLicenseObject(bound, \"issued-principal\", 0, out uint subObject)", "", "Native.DRMCloseHandle(subObject);"),
        Create("DRMCreateClientSession", "Native.DRMCreateClientSession(null, 1, \"type\", \"id\", out uint client)", "", "Native.DRMCloseSession(client);"),
        Create("DRMCreateLicenseStorageSession", "Native.DRMCreateLicenseStorageSession(env, lib, s, 0, \"il\", out uint storage)", "", "Native.DRMCloseSession(storage);"),
        Create("DRMDuplicateSession", "Native.DRMDuplicateSession(s, out uint dup)", "", "Native.DRMCloseSession(dup);"),
        Create("DRMParseUnboundLicense", "Native.DRMParseUnboundLicense(\"cert\", out uint root)", "", "Native.DRMCloseQueryHandle(root);"),
        Create("DRMGetUnboundLicenseObject", "Native.DRMGetUnboundLicenseObject(query, \"principal\", 0, out uint subQuery)", "", "Native.DRMCloseQueryHandle(subQuery);"),
        Create("DRMCreateUser", "Native.DRMCreateUser(\"user@contoso.com\", null, \"Windows\", out uint user)", "", "Native.DRMClosePubHandle(user);"),
        Create("DRMCreateRight", "Native.DRMCreateRight(\"VIEW\", IntPtr.Zero, IntPtr.Zero, 0, null, null, out uint right)", "", "Native.DRMClosePubHandle(right);"),
        Create("DRMCreateIssuanceLicense", "Native.DRMCreateIssuanceLicense(IntPtr.Zero, IntPtr.Zero, null, null, pub, null, bound, out uint issuance)", "", "Native.DRMClosePubHandle(issuance);"),
        Create("DRMDuplicatePubHandle", "Native.DRMDuplicatePubHandle(pub, out uint pubCopy)", "", "Native.DRMClosePubHandle(pubCopy);"),
        Create("DRMGetUsers", "Native.DRMGetUsers(lic, 0, out uint firstUser)", "", "Native.DRMClosePubHandle(firstUser);"),
        Create("DRMGetUserRights", "Native.DRMGetUserRights(lic, pub, 0, out uint firstRight)", "", "Native.DRMClosePubHandle(firstRight);"),
        Body("DRMGetIssuanceLicenseInfo_owner",
            """
                    uint nameLength = 0, urlLength = 0;
                    DrmException.ThrowIfFailed({|MSDRM001:Native.DRMGetIssuanceLicenseInfo(lic, IntPtr.Zero, IntPtr.Zero, 0, ref nameLength, null, ref urlLength, null, out uint owner, out bool official)|});
                    Console.WriteLine(official);
            """,
            """
                    uint nameLength = 0, urlLength = 0;
                    DrmException.ThrowIfFailed(Native.DRMGetIssuanceLicenseInfo(lic, IntPtr.Zero, IntPtr.Zero, 0, ref nameLength, null, ref urlLength, null, out uint owner, out bool official));
                    Console.WriteLine(official);
                    Native.DRMClosePubHandle(owner);
            """),
    };

    /// <summary>
    /// A creating call checked with ThrowIfFailed; Wrong runs <paramref name="always"/> only,
    /// Correct also closes the handle with <paramref name="close"/>.
    /// </summary>
    private static RuleCase Create(string name, string call, string always, string close)
        => Body(name,
            $"        DrmException.ThrowIfFailed({{|MSDRM001:{call}|}});\n        {always}",
            $"        DrmException.ThrowIfFailed({call});\n        {always}\n        {close}");
}
