namespace MsDrm.Analyzers.ApiModel;

/// <summary>The five msdrm.dll handle types; each must go to its own close function.</summary>
internal enum HandleKind
{
    /// <summary><c>DRMHSESSION</c>, closed by <c>DRMCloseSession</c>.</summary>
    Session,

    /// <summary><c>DRMHANDLE</c>, closed by <c>DRMCloseHandle</c>.</summary>
    Handle,

    /// <summary><c>DRMPUBHANDLE</c>, closed by <c>DRMClosePubHandle</c>.</summary>
    Pub,

    /// <summary><c>DRMENVHANDLE</c>, closed by <c>DRMCloseEnvironmentHandle</c>.</summary>
    Environment,

    /// <summary><c>DRMQUERYHANDLE</c>, closed by <c>DRMCloseQueryHandle</c>.</summary>
    Query,
}
