namespace MsDrm.Testing;

/// <summary>
/// A user's own <c>[DllImport("msdrm.dll")]</c> declarations, as a second source file of test
/// compilations. Signatures follow msdrm.h, so parameter positions match msdrm-api.tsv; handles are
/// <c>uint</c> like dotnet/wpf binds them. Test code calls them as <c>Native.DRMxxx(...)</c>.
/// </summary>
public static class DrmDeclarations
{
    /// <summary>The file name tests give the declarations.</summary>
    public const string FileName = "Native.cs";

    /// <summary>The declarations' source text.</summary>
    public const string Source = """
        using System;
        using System.Runtime.InteropServices;

        internal delegate int DrmCallback(int msg, int hr, IntPtr pvParam, IntPtr pvContext);

        internal static class Native
        {
            private const string Dll = "msdrm.dll";

            // Functions that create handles.
            [DllImport(Dll, CharSet = CharSet.Unicode)] public static extern int DRMInitEnvironment(uint eSecurityProviderType, uint eSpecification, string wszSecurityProvider, string wszManifestCredentials, string wszMachineCredentials, out uint phEnv, out uint phDefaultLibrary);
            [DllImport(Dll, CharSet = CharSet.Unicode)] public static extern int DRMLoadLibrary(uint hEnv, uint eSpecification, string wszLibraryProvider, string wszCredentials, out uint phLibrary);
            [DllImport(Dll, CharSet = CharSet.Unicode)] public static extern int DRMCreateEnablingPrincipal(uint hEnv, uint hLibrary, string wszObject, IntPtr idPrincipal, string wszCredentials, out uint phEnablingPrincipal);
            [DllImport(Dll)] public static extern int DRMDuplicateHandle(uint hToCopy, out uint phCopy);
            [DllImport(Dll)] public static extern int DRMDuplicateEnvironmentHandle(uint hToCopy, out uint phCopy);
            [DllImport(Dll, CharSet = CharSet.Unicode)] public static extern int DRMCreateBoundLicense(uint hEnv, IntPtr pParams, string wszLicenseChain, out uint phBoundLicense, out uint phErrorLog);
            [DllImport(Dll, CharSet = CharSet.Unicode)] public static extern int DRMCreateEnablingBitsDecryptor(uint hBoundLicense, string wszRight, uint hAuxLib, string wszAuxPlug, out uint phDecryptor);
            [DllImport(Dll, CharSet = CharSet.Unicode)] public static extern int DRMCreateEnablingBitsEncryptor(uint hBoundLicense, string wszRight, uint hAuxLib, string wszAuxPlug, out uint phEncryptor);
            [DllImport(Dll, CharSet = CharSet.Unicode)] public static extern int DRMGetBoundLicenseObject(uint hQueryRoot, string wszSubObjectType, uint iWhich, out uint phSubObject);
            [DllImport(Dll, CharSet = CharSet.Unicode)] public static extern int DRMCreateClientSession(DrmCallback pfnCallback, uint uCallbackVersion, string wszGroupIDProviderType, string wszGroupID, out uint phClient);
            [DllImport(Dll, CharSet = CharSet.Unicode)] public static extern int DRMCreateLicenseStorageSession(uint hEnv, uint hDefaultLibrary, uint hClient, uint uFlags, string wszIssuanceLicense, out uint phLicenseStorage);
            [DllImport(Dll)] public static extern int DRMDuplicateSession(uint hSessionIn, out uint phSessionOut);
            [DllImport(Dll, CharSet = CharSet.Unicode)] public static extern int DRMParseUnboundLicense(string wszCertificate, out uint phQueryRoot);
            [DllImport(Dll, CharSet = CharSet.Unicode)] public static extern int DRMGetUnboundLicenseObject(uint hQueryRoot, string wszSubObjectType, uint iIndex, out uint phSubQuery);
            [DllImport(Dll, CharSet = CharSet.Unicode)] public static extern int DRMCreateUser(string wszUserName, string wszUserId, string wszUserIdType, out uint phUser);
            [DllImport(Dll, CharSet = CharSet.Unicode)] public static extern int DRMCreateRight(string wszRightName, IntPtr pstFrom, IntPtr pstUntil, uint cExtendedInfo, string[] pwszExtendedInfoName, string[] pwszExtendedInfoValue, out uint phRight);
            [DllImport(Dll, CharSet = CharSet.Unicode)] public static extern int DRMCreateIssuanceLicense(IntPtr pstTimeFrom, IntPtr pstTimeUntil, string wszReferralInfoName, string wszReferralInfoURL, uint hOwner, string wszIssuanceLicense, uint hBoundLicense, out uint phIssuanceLicense);
            [DllImport(Dll)] public static extern int DRMDuplicatePubHandle(uint hPubIn, out uint phPubOut);
            [DllImport(Dll)] public static extern int DRMGetUsers(uint hIssuanceLicense, uint iIndex, out uint phUser);
            [DllImport(Dll)] public static extern int DRMGetUserRights(uint hIssuanceLicense, uint hUser, uint iIndex, out uint phRight);
            [DllImport(Dll, CharSet = CharSet.Unicode)] public static extern int DRMGetIssuanceLicenseInfo(uint hIssuanceLicense, IntPtr pstTimeFrom, IntPtr pstTimeUntil, uint uFlags, ref uint puDistributionPointNameLength, string wszDistributionPointName, ref uint puDistributionPointURLLength, string wszDistributionPointURL, out uint phOwner, out bool pfOfficial);

            // Close functions.
            [DllImport(Dll)] public static extern int DRMCloseSession(uint hSession);
            [DllImport(Dll)] public static extern int DRMCloseHandle(uint handle);
            [DllImport(Dll)] public static extern int DRMClosePubHandle(uint hPub);
            [DllImport(Dll)] public static extern int DRMCloseEnvironmentHandle(uint hEnv);
            [DllImport(Dll)] public static extern int DRMCloseQueryHandle(uint hQuery);

            // Functions that only use handles, or take none.
            [DllImport(Dll)] public static extern int DRMEncrypt(uint hCryptoProvider, uint iPosition, uint cNumInBytes, byte[] pbInData, ref uint pcNumOutBytes, byte[] pbOutData);
            [DllImport(Dll)] public static extern int DRMDecrypt(uint hCryptoProvider, uint iPosition, uint cNumInBytes, byte[] pbInData, ref uint pcNumOutBytes, byte[] pbOutData);
            [DllImport(Dll)] public static extern int DRMIsActivated(uint hClient, uint uFlags, IntPtr pActServInfo);
            [DllImport(Dll)] public static extern int DRMAddRightWithUser(uint hIssuanceLicense, uint hRight, uint hUser);
            [DllImport(Dll, CharSet = CharSet.Unicode)] public static extern int DRMGetUnboundLicenseObjectCount(uint hQueryRoot, string wszSubObjectType, out uint pcSubObjects);
            [DllImport(Dll)] public static extern int DRMRepair();
            [DllImport(Dll)] public static extern int DRMGetClientVersion(IntPtr pDRMClientVersionInfo);
        }
        """;
}
