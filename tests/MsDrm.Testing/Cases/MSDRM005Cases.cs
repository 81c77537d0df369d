using static MsDrm.Testing.Cases.HandleNotClosedSource;

namespace MsDrm.Testing.Cases;

/// <summary>
/// MSDRM005 cases (close order): each Wrong closes a parent (column parent_param of msdrm-api.tsv)
/// while a child made from it is open and closed later on that path; the parent's close is marked
/// <c>{|MSDRM005:...|}</c> and each child still open there has its creating call marked
/// <c>{|#1:...|}</c>, <c>{|#2:...|}</c>. Each Correct closes children first and is silent.
/// </summary>
public static class MSDRM005Cases
{
    private const string InitEnvironment =
        "DrmException.ThrowIfFailed(Native.DRMInitEnvironment(0, 1, null, null, \"<machine/>\", out uint environment, out uint library));\n";

    private const string BoundLicense =
        "DrmException.ThrowIfFailed(Native.DRMCreateBoundLicense(env, IntPtr.Zero, \"<eul/>\", out uint license, out _));\n";

    private const string Decryptor = "Native.DRMCreateEnablingBitsDecryptor(license, \"VIEW\", 0, null, out uint decryptor)";

    private static readonly Lazy<IReadOnlyList<RuleCase>> LazyAll = new(() => Build().Concat(MSDRM005ShapeCases.Cases).ToArray());

    /// <summary>Every case, in a stable order.</summary>
    public static IReadOnlyList<RuleCase> All { get; } = LazyAll.Value;

    internal static string Bound => BoundLicense;

    internal static string MakeDecryptor => Decryptor;

    /// <summary>One case per parent relation of the table.</summary>
    private static IEnumerable<RuleCase> Build()
    {
        yield return Body("Default_library_after_its_environment",
            """
            DrmException.ThrowIfFailed({|#1:Native.DRMInitEnvironment(0, 1, null, null, "<machine/>", out uint environment, out uint library)|});
            {|MSDRM005:Native.DRMCloseEnvironmentHandle(environment)|};
            Native.DRMCloseHandle(library);
            """,
            InitEnvironment + "Native.DRMCloseHandle(library);\nNative.DRMCloseEnvironmentHandle(environment);");

        yield return Body("Loaded_library_after_its_environment",
            InitEnvironment + """
            DrmException.ThrowIfFailed({|#1:Native.DRMLoadLibrary(environment, 1, "plugin.dll", null, out uint plugin)|});
            Native.DRMCloseHandle(library);
            {|MSDRM005:Native.DRMCloseEnvironmentHandle(environment)|};
            Native.DRMCloseHandle(plugin);
            """,
            InitEnvironment + """
            DrmException.ThrowIfFailed(Native.DRMLoadLibrary(environment, 1, "plugin.dll", null, out uint plugin));
            Native.DRMCloseHandle(plugin);
            Native.DRMCloseHandle(library);
            Native.DRMCloseEnvironmentHandle(environment);
            """);

        yield return Body("Enabling_principal_after_its_environment",
            InitEnvironment + """
            DrmException.ThrowIfFailed({|#1:Native.DRMCreateEnablingPrincipal(environment, library, "UDStdPlg Enabling Principal", IntPtr.Zero, "<rac/>", out uint principal)|});
            Native.DRMCloseHandle(library);
            {|MSDRM005:Native.DRMCloseEnvironmentHandle(environment)|};
            Native.DRMCloseHandle(principal);
            """,
            InitEnvironment + """
            DrmException.ThrowIfFailed(Native.DRMCreateEnablingPrincipal(environment, library, "UDStdPlg Enabling Principal", IntPtr.Zero, "<rac/>", out uint principal));
            Native.DRMCloseHandle(principal);
            Native.DRMCloseHandle(library);
            Native.DRMCloseEnvironmentHandle(environment);
            """);

        yield return Body("Bound_license_after_its_environment",
            InitEnvironment + """
            DrmException.ThrowIfFailed({|#1:Native.DRMCreateBoundLicense(environment, IntPtr.Zero, "<eul/>", out uint license, out _)|});
            Native.DRMCloseHandle(library);
            {|MSDRM005:Native.DRMCloseEnvironmentHandle(environment)|};
            Native.DRMCloseHandle(license);
            """,
            InitEnvironment + """
            DrmException.ThrowIfFailed(Native.DRMCreateBoundLicense(environment, IntPtr.Zero, "<eul/>", out uint license, out _));
            Native.DRMCloseHandle(license);
            Native.DRMCloseHandle(library);
            Native.DRMCloseEnvironmentHandle(environment);
            """);

        yield return Members("License_storage_session_after_its_client_session",
            """
                private static int OnStatus(int message, int hr, IntPtr parameter, IntPtr context) => 0;

                void M(uint env, uint lib)
                {
                    DrmException.ThrowIfFailed(Native.DRMCreateClientSession(OnStatus, 0, "WINDOWSAUTH", null, out uint client));
                    DrmException.ThrowIfFailed({|#1:Native.DRMCreateLicenseStorageSession(env, lib, client, 0, "<issuance-license/>", out uint storage)|});
                    {|MSDRM005:Native.DRMCloseSession(client)|};
                    Native.DRMCloseSession(storage);
                }
            """,
            """
                private static int OnStatus(int message, int hr, IntPtr parameter, IntPtr context) => 0;

                void M(uint env, uint lib)
                {
                    DrmException.ThrowIfFailed(Native.DRMCreateClientSession(OnStatus, 0, "WINDOWSAUTH", null, out uint client));
                    DrmException.ThrowIfFailed(Native.DRMCreateLicenseStorageSession(env, lib, client, 0, "<issuance-license/>", out uint storage));
                    Native.DRMCloseSession(storage);
                    Native.DRMCloseSession(client);
                }
            """);

        yield return Body("Decryptor_after_its_bound_license",
            // Seen in Microsoft's AD RMS samples: the bound license is released before the decryptor.
            BoundLicense + $$"""
            DrmException.ThrowIfFailed({|#1:{{Decryptor}}|});
            {|MSDRM005:Native.DRMCloseHandle(license)|};
            Native.DRMCloseHandle(decryptor);
            """,
            BoundLicense + $$"""
            DrmException.ThrowIfFailed({{Decryptor}});
            Native.DRMCloseHandle(decryptor);
            Native.DRMCloseHandle(license);
            """);

        yield return Body("Encryptor_after_its_bound_license",
            BoundLicense + """
            DrmException.ThrowIfFailed({|#1:Native.DRMCreateEnablingBitsEncryptor(license, "EDIT", 0, null, out uint encryptor)|});
            {|MSDRM005:Native.DRMCloseHandle(license)|};
            Native.DRMCloseHandle(encryptor);
            """,
            BoundLicense + """
            DrmException.ThrowIfFailed(Native.DRMCreateEnablingBitsEncryptor(license, "EDIT", 0, null, out uint encryptor));
            Native.DRMCloseHandle(encryptor);
            Native.DRMCloseHandle(license);
            """);

        yield return Body("Bound_license_object_after_its_container",
            BoundLicense + """
            DrmException.ThrowIfFailed({|#1:Native.DRMGetBoundLicenseObject(license, "issued-principal", 0, out uint principal)|});
            {|MSDRM005:Native.DRMCloseHandle(license)|};
            Native.DRMCloseHandle(principal);
            """,
            BoundLicense + """
            DrmException.ThrowIfFailed(Native.DRMGetBoundLicenseObject(license, "issued-principal", 0, out uint principal));
            Native.DRMCloseHandle(principal);
            Native.DRMCloseHandle(license);
            """);

        yield return Body("Bound_license_object_after_the_object_it_came_from",
            // A sub-object can be the container of the next one.
            BoundLicense + """
            DrmException.ThrowIfFailed(Native.DRMGetBoundLicenseObject(license, "issued-principal", 0, out uint principal));
            DrmException.ThrowIfFailed({|#1:Native.DRMGetBoundLicenseObject(principal, "public-key", 0, out uint key)|});
            {|MSDRM005:Native.DRMCloseHandle(principal)|};
            Native.DRMCloseHandle(key);
            Native.DRMCloseHandle(license);
            """,
            BoundLicense + """
            DrmException.ThrowIfFailed(Native.DRMGetBoundLicenseObject(license, "issued-principal", 0, out uint principal));
            DrmException.ThrowIfFailed(Native.DRMGetBoundLicenseObject(principal, "public-key", 0, out uint key));
            Native.DRMCloseHandle(key);
            Native.DRMCloseHandle(principal);
            Native.DRMCloseHandle(license);
            """);

        yield return Body("Unbound_license_sub_query_after_its_root",
            """
            DrmException.ThrowIfFailed(Native.DRMParseUnboundLicense("<XrML/>", out uint root));
            DrmException.ThrowIfFailed({|#1:Native.DRMGetUnboundLicenseObject(root, "issued-principal", 0, out uint principal)|});
            {|MSDRM005:Native.DRMCloseQueryHandle(root)|};
            Native.DRMCloseQueryHandle(principal);
            """,
            """
            DrmException.ThrowIfFailed(Native.DRMParseUnboundLicense("<XrML/>", out uint root));
            DrmException.ThrowIfFailed(Native.DRMGetUnboundLicenseObject(root, "issued-principal", 0, out uint principal));
            Native.DRMCloseQueryHandle(principal);
            Native.DRMCloseQueryHandle(root);
            """);

        yield return Body("Parent_is_a_parameter",
            // The method did not create the environment, but it closes it before the library made from it.
            """
            DrmException.ThrowIfFailed({|#1:Native.DRMLoadLibrary(env, 1, "plugin.dll", null, out uint plugin)|});
            {|MSDRM005:Native.DRMCloseEnvironmentHandle(env)|};
            Native.DRMCloseHandle(plugin);
            """,
            """
            DrmException.ThrowIfFailed(Native.DRMLoadLibrary(env, 1, "plugin.dll", null, out uint plugin));
            Native.DRMCloseHandle(plugin);
            Native.DRMCloseEnvironmentHandle(env);
            """);

        yield return Body("Environment_before_two_open_children",
            // One diagnostic per early close; each child still open there is an additional location.
            """
            DrmException.ThrowIfFailed({|#1:Native.DRMInitEnvironment(0, 1, null, null, "<machine/>", out uint environment, out uint library)|});
            DrmException.ThrowIfFailed({|#2:Native.DRMLoadLibrary(environment, 1, "plugin.dll", null, out uint plugin)|});
            {|MSDRM005:Native.DRMCloseEnvironmentHandle(environment)|};
            Native.DRMCloseHandle(plugin);
            Native.DRMCloseHandle(library);
            """,
            InitEnvironment + """
            DrmException.ThrowIfFailed(Native.DRMLoadLibrary(environment, 1, "plugin.dll", null, out uint plugin));
            Native.DRMCloseHandle(plugin);
            Native.DRMCloseHandle(library);
            Native.DRMCloseEnvironmentHandle(environment);
            """);
    }
}
