using MsDrm.Testing.FakeNative;

namespace MsDrm.Runtime.Tests;

/// <summary>
/// One parent relation of msdrm-api.tsv (<c>parent_param</c>): a creating function, a fresh parent whose only
/// open child is the handle that function makes from it.
/// </summary>
/// <param name="Function">The creating msdrm.dll export.</param>
/// <param name="ParentKind">The kind of the input the child is made from.</param>
/// <param name="Make">Makes (parent, child) inside a world; the parent has no other open child.</param>
public sealed record ParentCase(
    string Function,
    FakeHandleKind ParentKind,
    Func<DrmWorld, (SafeDrmHandleBase Parent, SafeDrmHandleBase Child)> Make)
{
    public override string ToString() => Function;

    /// <summary>Every creating function with a parent_param, in table order.</summary>
    public static readonly IReadOnlyList<ParentCase> All = new ParentCase[]
    {
        new("DRMInitEnvironment", FakeHandleKind.Environment, _ =>
        {
            SafeDrmEnvironmentHandle environment = NewEnvironment(out SafeDrmHandle library);
            return (environment, library);
        }),
        new("DRMLoadLibrary", FakeHandleKind.Environment, _ =>
        {
            SafeDrmEnvironmentHandle environment = NewEnvironment(out SafeDrmHandle defaultLibrary);
            SafeDrmHandle library = SafeDrmHandle.LoadLibrary(environment, DrmSpecType.FileName, "plugin.dll");
            defaultLibrary.Dispose();
            return (environment, library);
        }),
        new("DRMCreateEnablingPrincipal", FakeHandleKind.Environment, _ =>
        {
            SafeDrmEnvironmentHandle environment = NewEnvironment(out SafeDrmHandle library);
            SafeDrmHandle principal = SafeDrmHandle.CreateEnablingPrincipal(
                environment, library, "UDStdPlg Enabling Principal", new DrmId("ASCII Tag", "UDStdPlg"), "<rac/>");
            library.Dispose();
            return (environment, principal);
        }),
        new("DRMCreateBoundLicense", FakeHandleKind.Environment, _ =>
        {
            SafeDrmEnvironmentHandle environment = NewEnvironment(out SafeDrmHandle library);
            SafeDrmHandle principal = SafeDrmHandle.CreateEnablingPrincipal(
                environment, library, "UDStdPlg Enabling Principal", new DrmId("ASCII Tag", "UDStdPlg"), "<rac/>");
            SafeDrmHandle bound = SafeDrmHandle.CreateBoundLicense(
                environment, new DrmBoundLicenseParameters { EnablingPrincipal = principal, RightsRequested = "VIEW" }, "<eul/>");
            principal.Dispose();
            library.Dispose();
            return (environment, bound);
        }),
        new("DRMCreateEnablingBitsDecryptor", FakeHandleKind.Handle, w =>
            (w.BoundLicense, SafeDrmHandle.CreateEnablingBitsDecryptor(w.BoundLicense, "VIEW"))),
        new("DRMCreateEnablingBitsEncryptor", FakeHandleKind.Handle, w =>
            (w.BoundLicense, SafeDrmHandle.CreateEnablingBitsEncryptor(w.BoundLicense, "EDIT"))),
        new("DRMGetBoundLicenseObject", FakeHandleKind.Handle, w =>
            (w.BoundLicense, SafeDrmHandle.GetBoundLicenseObject(w.BoundLicense, "issued-principal", 0))),
        new("DRMCreateLicenseStorageSession", FakeHandleKind.Session, w =>
            (w.Client, SafeDrmSessionHandle.CreateLicenseStorageSession(w.Environment, w.Library, w.Client, 0, "<issuance-license/>"))),
        new("DRMGetUnboundLicenseObject", FakeHandleKind.Query, w =>
            (w.QueryRoot, SafeDrmQueryHandle.GetUnboundLicenseObject(w.QueryRoot, "issued-principal", 0))),
    };

    public static IEnumerable<object[]> Names => All.Select(c => new object[] { c.Function });

    public static ParentCase Named(string function) => All.Single(c => c.Function == function);

    private static SafeDrmEnvironmentHandle NewEnvironment(out SafeDrmHandle library) => SafeDrmEnvironmentHandle.Initialize(
        DrmSecurityProviderType.SoftwareSecRep, DrmSpecType.FileName, "secrep.dll", "<manifest/>", "<machine-cert/>", out library);
}
