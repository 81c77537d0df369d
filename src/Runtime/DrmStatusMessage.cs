namespace MsDrm;

/// <summary><c>DRM_STATUS_MSG</c>: which asynchronous operation a <see cref="DrmCallback"/> call reports.</summary>
public enum DrmStatusMessage
{
    /// <summary><c>DRM_MSG_ACTIVATE_MACHINE</c>.</summary>
    ActivateMachine = 0,

    /// <summary><c>DRM_MSG_ACTIVATE_GROUPIDENTITY</c>.</summary>
    ActivateGroupIdentity = 1,

    /// <summary><c>DRM_MSG_ACQUIRE_LICENSE</c>.</summary>
    AcquireLicense = 2,

    /// <summary><c>DRM_MSG_ACQUIRE_ADVISORY</c>.</summary>
    AcquireAdvisory = 3,

    /// <summary><c>DRM_MSG_SIGN_ISSUANCE_LICENSE</c>.</summary>
    SignIssuanceLicense = 4,

    /// <summary><c>DRM_MSG_ACQUIRE_CLIENTLICENSOR</c>.</summary>
    AcquireClientLicensor = 5,

    /// <summary><c>DRM_MSG_ACQUIRE_ISSUANCE_LICENSE_TEMPLATE</c>.</summary>
    AcquireIssuanceLicenseTemplate = 6,
}
