namespace MsDrm.Testing.Cases;

/// <summary>
/// MSDRM004 on a SafeHandle subclass of the user's: its ReleaseHandle closes with a function of
/// another kind than the handles that the user's imports create into it. Reported on the close call
/// inside ReleaseHandle. The defect is the type's: the cases declare the type and its import only (no
/// instance), so they do not depend on MSDRM001's support for user SafeHandle wrappers.
/// </summary>
internal static class MSDRM004SafeHandleCases
{
    internal static IEnumerable<RuleCase> Cases =>
    [
        Wrapper("SafeHandle_session_released_with_DRMCloseHandle",
            "RightsSessionHandle",
            "public static extern int DRMDuplicateSession(uint hSessionIn, out RightsSessionHandle phSessionOut);",
            "protected override bool ReleaseHandle() => {{CLOSE}} >= 0;",
            "Native.DRMCloseHandle((uint)handle)", "Native.DRMCloseSession((uint)handle)"),
        Wrapper("SafeHandle_query_released_with_DRMCloseHandle",
            "RightsQueryHandle",
            "public static extern int DRMGetUnboundLicenseObject(uint hQueryRoot, string wszSubObjectType, uint iIndex, out RightsQueryHandle phSubQuery);",
            "protected override bool ReleaseHandle() => {{CLOSE}} >= 0;",
            "Native.DRMCloseHandle((uint)handle)", "Native.DRMCloseQueryHandle((uint)handle)"),
        Wrapper("SafeHandle_user_released_with_DRMCloseQueryHandle",
            "RightsPubHandle",
            "public static extern int DRMCreateUser(string wszUserName, string wszUserId, string wszUserIdType, out RightsPubHandle phUser);",
            "protected override bool ReleaseHandle() => {{CLOSE}} >= 0;",
            "Native.DRMCloseQueryHandle((uint)handle)", "Native.DRMClosePubHandle((uint)handle)"),
        Wrapper("SafeHandle_environment_released_with_DRMCloseHandle",
            "RightsEnvironmentHandle",
            "public static extern int DRMDuplicateEnvironmentHandle(uint hToCopy, out RightsEnvironmentHandle phCopy);",
            "protected override bool ReleaseHandle() => {{CLOSE}} >= 0;",
            "Native.DRMCloseHandle((uint)handle)", "Native.DRMCloseEnvironmentHandle((uint)handle)"),
        Wrapper("SafeHandle_block_body_released_with_DRMClosePubHandle",
            "RightsHandle",
            "public static extern int DRMDuplicateHandle(uint hToCopy, out RightsHandle phCopy);",
            """
            protected override bool ReleaseHandle()
                {
                    int hr = {{CLOSE}};
                    handle = IntPtr.Zero;
                    return hr >= 0;
                }
            """,
            "Native.DRMClosePubHandle((uint)handle)", "Native.DRMCloseHandle((uint)handle)"),
        Wrapper("SafeHandle_decryptor_released_through_the_runtime_with_DRMCloseSession",
            "DecryptorHandle",
            "public static extern int DRMCreateEnablingBitsDecryptor(uint hBoundLicense, string wszRight, uint hAuxLib, string wszAuxPlug, out DecryptorHandle phDecryptor);",
            "protected override bool ReleaseHandle() => {{CLOSE}} >= 0;",
            "NativeMethods.DRMCloseSession((uint)handle.ToInt64())", "NativeMethods.DRMCloseHandle((uint)handle.ToInt64())"),
    ];

    /// <summary>
    /// A SafeHandle subclass <paramref name="type"/> filled by <paramref name="import"/>, whose ReleaseHandle
    /// (<paramref name="release"/>, with {{CLOSE}} for the close call) uses <paramref name="wrongClose"/> or
    /// <paramref name="rightClose"/>.
    /// </summary>
    private static RuleCase Wrapper(string name, string type, string import, string release, string wrongClose, string rightClose)
    {
        string Types(string close) => $$"""
            internal sealed class {{type}} : SafeHandle
            {
                public {{type}}()
                    : base(IntPtr.Zero, ownsHandle: true)
                {
                }

                public override bool IsInvalid => handle == IntPtr.Zero;

                {{release.Replace("{{CLOSE}}", close)}}
            }

            internal static class Imports
            {
                [DllImport("msdrm.dll", CharSet = CharSet.Unicode)]
                {{import}}
            }
            """;

        return new RuleCase(
            name,
            HandleNotClosedSource.Unit(string.Empty, Types("{|MSDRM004:" + wrongClose + "|}")),
            HandleNotClosedSource.Unit(string.Empty, Types(rightClose)));
    }
}
