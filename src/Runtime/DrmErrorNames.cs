using System.Collections.Generic;

namespace MsDrm;

/// <summary>
/// Names of the HRESULTs msdrm.dll returns: every <c>E_DRM_*</c> and <c>S_DRM_*</c> code of the AD RMS
/// error-code page, plus the generic COM codes the API also reports.
/// </summary>
/// <remarks>
/// The docs page lists 0x8004CF50..0x8004CF52 with a copy error; the values here follow the
/// consecutive WPF <c>RightsManagementFailureCode</c> enum (RevocationInfoNotSet, InvalidTimeInfo, RightNotSet).
/// </remarks>
internal static class DrmErrorNames
{
    private static readonly Dictionary<int, string> Names = new()
    {
        // Positive status codes: successes, never thrown.
        [0x00000000] = "S_OK",
        [0x00000001] = "S_FALSE",
        [0x0004CF00] = "S_DRM_REQUEST_PREPARED",
        [0x0004CF01] = "S_DRM_ALREADY_ACTIVATED",
        [0x0004CF02] = "S_DRM_CONNECTING",
        [0x0004CF03] = "S_DRM_CONNECTED",
        [0x0004CF04] = "S_DRM_COMPLETED",
        [0x0004CF05] = "S_DRM_INPROGRESS",

        // Generic COM failures msdrm.dll also returns.
        [unchecked((int)0x80004001)] = "E_NOTIMPL",
        [unchecked((int)0x80004003)] = "E_POINTER",
        [unchecked((int)0x80004004)] = "E_ABORT",
        [unchecked((int)0x80004005)] = "E_FAIL",
        [unchecked((int)0x8000FFFF)] = "E_UNEXPECTED",
        [unchecked((int)0x80070005)] = "E_ACCESSDENIED",
        [unchecked((int)0x80070006)] = "E_HANDLE",
        [unchecked((int)0x8007000E)] = "E_OUTOFMEMORY",
        [unchecked((int)0x80070057)] = "E_INVALIDARG",
        // E_DRM_INSUFFICIENT_BUFFER is documented only as ERROR_INSUFFICIENT_BUFFER; its HRESULT form is unverified.
        [unchecked((int)0x8007007A)] = "ERROR_INSUFFICIENT_BUFFER",

        // E_DRM_* codes.
            [unchecked((int)0x8004930C)] = "E_DRM_MANIFEST_POLICY_VIOLATION",
            [unchecked((int)0x8004CF00)] = "E_DRM_INVALID_LICENSE",
            [unchecked((int)0x8004CF01)] = "E_DRM_INFO_NOT_IN_LICENSE",
            [unchecked((int)0x8004CF02)] = "E_DRM_INVALID_LICENSE_SIGNATURE",
            [unchecked((int)0x8004CF04)] = "E_DRM_ENCRYPTION_NOT_PERMITTED",
            [unchecked((int)0x8004CF05)] = "E_DRM_RIGHT_NOT_GRANTED",
            [unchecked((int)0x8004CF06)] = "E_DRM_INVALID_VERSION",
            [unchecked((int)0x8004CF07)] = "E_DRM_INVALID_ENCODING_TYPE",
            [unchecked((int)0x8004CF08)] = "E_DRM_INVALID_NUMERICAL_VALUE",
            [unchecked((int)0x8004CF09)] = "E_DRM_INVALID_ALGORITHM_TYPE",
            [unchecked((int)0x8004CF0A)] = "E_DRM_ENV_NOT_LOADED",
            [unchecked((int)0x8004CF0B)] = "E_DRM_ENV_CANNOT_LOAD",
            [unchecked((int)0x8004CF0C)] = "E_DRM_TOO_MANY_LOADED_ENVIRONMENTS",
            [unchecked((int)0x8004CF0E)] = "E_DRM_INCOMPATIBLE_OBJECTS",
            [unchecked((int)0x8004CF0F)] = "E_DRM_LIB_FAIL",
            [unchecked((int)0x8004CF10)] = "E_DRM_ENABLING_PRINCIPAL_FAILURE",
            [unchecked((int)0x8004CF11)] = "E_DRM_INFO_NOT_PRESENT",
            [unchecked((int)0x8004CF12)] = "E_DRM_BAD_GET_INFO_QUERY",
            [unchecked((int)0x8004CF13)] = "E_DRM_KEY_TYPE_UNSUPPORTED",
            [unchecked((int)0x8004CF14)] = "E_DRM_CRYPTO_OPERATION_UNSUPPORTED",
            [unchecked((int)0x8004CF15)] = "E_DRM_CLOCK_ROLL_BACK_DETECTED",
            [unchecked((int)0x8004CF16)] = "E_DRM_QUERY_REPORTS_NO_RESULTS",
            [unchecked((int)0x8004CF17)] = "E_DRM_UNEXPECTED_EXCEPTION",
            [unchecked((int)0x8004CF18)] = "E_DRM_BIND_VALIDITY_TIME_VIOLATED",
            [unchecked((int)0x8004CF19)] = "E_DRM_BROKEN_CERT_CHAIN",
            [unchecked((int)0x8004CF1B)] = "E_DRM_BIND_POLICY_VIOLATION",
            [unchecked((int)0x8004CF1C)] = "E_DRM_BIND_REVOKED_LICENSE",
            [unchecked((int)0x8004CF1D)] = "E_DRM_BIND_REVOKED_ISSUER",
            [unchecked((int)0x8004CF1E)] = "E_DRM_BIND_REVOKED_PRINCIPAL",
            [unchecked((int)0x8004CF1F)] = "E_DRM_BIND_REVOKED_RESOURCE",
            [unchecked((int)0x8004CF20)] = "E_DRM_BIND_REVOKED_MODULE",
            [unchecked((int)0x8004CF21)] = "E_DRM_BIND_CONTENT_NOT_IN_EUL",
            [unchecked((int)0x8004CF22)] = "E_DRM_BIND_ACCESS_PRINCIPAL_NOT_ENABLING",
            [unchecked((int)0x8004CF23)] = "E_DRM_BIND_ACCESS_UNSATISFIED",
            [unchecked((int)0x8004CF24)] = "E_DRM_BIND_INDICATED_PRINCIPAL_MISSING",
            [unchecked((int)0x8004CF25)] = "E_DRM_BIND_MACHINE_NOT_FOUND_IN_GROUP_IDENTITY",
            [unchecked((int)0x8004CF26)] = "E_DRM_LIB_UNSUPPORTED_PLUGIN",
            [unchecked((int)0x8004CF27)] = "E_DRM_BIND_REVOCATION_LIST_STALE",
            [unchecked((int)0x8004CF28)] = "E_DRM_BIND_NO_APPLICABLE_REVOCATION_LIST",
            [unchecked((int)0x8004CF2C)] = "E_DRM_INVALID_HANDLE",
            [unchecked((int)0x8004CF2F)] = "E_DRM_BIND_INTERVALTIME_VIOLATED",
            [unchecked((int)0x8004CF30)] = "E_DRM_BIND_NO_SATISFIED_RIGHTS_GROUP",
            [unchecked((int)0x8004CF31)] = "E_DRM_BIND_SPECIFIED_WORK_MISSING",
            [unchecked((int)0x8004CF33)] = "E_DRM_NO_MORE_DATA",
            [unchecked((int)0x8004CF34)] = "E_DRM_LICENSEACQUISITIONFAILED",
            [unchecked((int)0x8004CF35)] = "E_DRM_ID_MISMATCH",
            [unchecked((int)0x8004CF36)] = "E_DRM_TOO_MANY_CERTS",
            [unchecked((int)0x8004CF37)] = "E_DRM_NO_DPURL_FOUND",
            [unchecked((int)0x8004CF38)] = "E_DRM_ALREADY_IN_PROGRESS",
            [unchecked((int)0x8004CF39)] = "E_DRM_GROUPID_NOT_SET",
            [unchecked((int)0x8004CF3A)] = "E_DRM_RECORD_NOT_FOUND",
            [unchecked((int)0x8004CF3B)] = "E_DRM_NO_CONNECT",
            [unchecked((int)0x8004CF3C)] = "E_DRM_NO_LICENSE",
            [unchecked((int)0x8004CF3D)] = "E_DRM_NEEDS_MACHINE_ACTIVATION",
            [unchecked((int)0x8004CF3E)] = "E_DRM_NEEDS_GROUPIDENTITY_ACTIVATION",
            [unchecked((int)0x8004CF40)] = "E_DRM_ACTIVATIONFAILED",
            [unchecked((int)0x8004CF41)] = "E_DRM_ABORTED",
            [unchecked((int)0x8004CF42)] = "E_DRM_OUT_OF_QUOTA",
            [unchecked((int)0x8004CF43)] = "E_DRM_AUTHENTICATION_FAILED",
            [unchecked((int)0x8004CF44)] = "E_DRM_SERVER_ERROR",
            [unchecked((int)0x8004CF45)] = "E_DRM_INSTALLATION_FAILED",
            [unchecked((int)0x8004CF46)] = "E_DRM_HID_CORRUPTED",
            [unchecked((int)0x8004CF47)] = "E_DRM_INVALID_SERVER_RESPONSE",
            [unchecked((int)0x8004CF48)] = "E_DRM_SERVICE_NOT_FOUND",
            [unchecked((int)0x8004CF49)] = "E_DRM_USE_DEFAULT",
            [unchecked((int)0x8004CF4A)] = "E_DRM_SERVER_NOT_FOUND",
            [unchecked((int)0x8004CF4B)] = "E_DRM_INVALID_EMAIL",
            [unchecked((int)0x8004CF4C)] = "E_DRM_VALIDITYTIME_VIOLATION",
            [unchecked((int)0x8004CF4D)] = "E_DRM_OUTDATED_MODULE",
            [unchecked((int)0x8004CF4E)] = "E_DRM_NOT_SET",
            [unchecked((int)0x8004CF4F)] = "E_DRM_METADATA_NOT_SET",
            [unchecked((int)0x8004CF50)] = "E_DRM_REVOCATION_INFO_NOT_SET",
            [unchecked((int)0x8004CF51)] = "E_DRM_INVALID_TIMEINFO",
            [unchecked((int)0x8004CF52)] = "E_DRM_RIGHT_NOT_SET",
            [unchecked((int)0x8004CF53)] = "E_DRM_BIND_NTLM_FAIL",
            [unchecked((int)0x8004CF54)] = "E_DRM_INVALID_ISSUANCELICENSE_TEMPLATE",
            [unchecked((int)0x8004CF55)] = "E_DRM_INVALID_KEY_LENGTH",
            [unchecked((int)0x8004CF57)] = "E_DRM_EXPIRED_OFFICIAL_ISSUANCELICENSE_TEMPLATE",
            [unchecked((int)0x8004CF58)] = "E_DRM_INVALID_CLIENT_LICENSOR_CERTIFICATE",
            [unchecked((int)0x8004CF59)] = "E_DRM_HID_INVALID",
            [unchecked((int)0x8004CF5A)] = "E_DRM_EMAIL_NOT_VERIFIED",
            [unchecked((int)0x8004CF5B)] = "E_DRM_SERVICE_MOVED",
            [unchecked((int)0x8004CF5C)] = "E_DRM_SERVICE_GONE",
            [unchecked((int)0x8004CF5D)] = "E_DRM_AD_ENTRY_NOT_FOUND",
            [unchecked((int)0x8004CF5E)] = "E_DRM_NOT_A_CHAIN",
            [unchecked((int)0x8004CF5F)] = "E_DRM_REQUEST_DENIED",
            [unchecked((int)0x8004CF60)] = "E_DRM_DEBUGGER_DETECTED",
            [unchecked((int)0x8004CF70)] = "E_DRM_INVALID_LOCKBOX_TYPE",
            [unchecked((int)0x8004CF71)] = "E_DRM_INVALID_LOCKBOX_PATH",
            [unchecked((int)0x8004CF72)] = "E_DRM_INVALID_REGISTRY_PATH",
            [unchecked((int)0x8004CF73)] = "E_DRM_NO_AES_PROVIDER",
            [unchecked((int)0x8004CF74)] = "E_DRM_GLOBAL_OPTION_ALREADY_SET",
            [unchecked((int)0x8004CF75)] = "E_DRM_OWNER_LICENSE_NOT_FOUND",
            [unchecked((int)0x8004CF76)] = "E_DRM_INVALID_WINDOW",
            [unchecked((int)0x8004CF78)] = "E_DRM_SAFEMODE_OS_DETECTED", // docs print 0x8004CF778 (typo); value inferred
            [unchecked((int)0x8004CF79)] = "E_DRM_PLATFORM_POLICY_VIOLATION",
            [unchecked((int)0x8004CF81)] = "E_DRM_ISSUANCELICENSE_LENGTH_LIMIT_EXCEEDED",
    };

    /// <summary>The symbolic name of <paramref name="hr"/>, or null when it has none.</summary>
    internal static string? Find(int hr) => Names.TryGetValue(hr, out string? name) ? name : null;
}
