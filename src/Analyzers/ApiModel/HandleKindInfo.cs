using System;

namespace MsDrm.Analyzers.ApiModel;

/// <summary>Names tied to each handle kind: native type, close function and runtime wrapper.</summary>
internal static class HandleKindInfo
{
    internal const string RuntimeNamespace = "MsDrm";

    internal static string NativeTypeName(this HandleKind kind) => kind switch
    {
        HandleKind.Session => "DRMHSESSION",
        HandleKind.Handle => "DRMHANDLE",
        HandleKind.Pub => "DRMPUBHANDLE",
        HandleKind.Environment => "DRMENVHANDLE",
        HandleKind.Query => "DRMQUERYHANDLE",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    internal static string CloseFunction(this HandleKind kind) => kind switch
    {
        HandleKind.Session => "DRMCloseSession",
        HandleKind.Handle => "DRMCloseHandle",
        HandleKind.Pub => "DRMClosePubHandle",
        HandleKind.Environment => "DRMCloseEnvironmentHandle",
        HandleKind.Query => "DRMCloseQueryHandle",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The simple name of the runtime's SafeHandle type for this kind (namespace <c>MsDrm</c>).</summary>
    internal static string SafeHandleTypeName(this HandleKind kind) => kind switch
    {
        HandleKind.Session => "SafeDrmSessionHandle",
        HandleKind.Handle => "SafeDrmHandle",
        HandleKind.Pub => "SafeDrmPubHandle",
        HandleKind.Environment => "SafeDrmEnvironmentHandle",
        HandleKind.Query => "SafeDrmQueryHandle",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    internal static bool TryParseNativeTypeName(string name, out HandleKind kind)
    {
        foreach (HandleKind candidate in AllKinds)
        {
            if (candidate.NativeTypeName() == name)
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    internal static readonly HandleKind[] AllKinds =
    {
        HandleKind.Session, HandleKind.Handle, HandleKind.Pub, HandleKind.Environment, HandleKind.Query,
    };
}
