using MsDrm.Testing.FakeNative;

namespace MsDrm.Runtime.Tests;

/// <summary>One msdrm.dll creating function and the typed runtime method that calls it.</summary>
/// <param name="Function">The msdrm.dll export.</param>
/// <param name="Kind">The kind of handle it creates.</param>
/// <param name="Invoke">Calls the typed method; returns every handle it gave the caller.</param>
public sealed record CreateCase(string Function, FakeHandleKind Kind, Func<DrmWorld, SafeDrmHandleBase[]> Invoke)
{
    public override string ToString() => Function;

    /// <summary>Every creating function of msdrm-api.tsv (21), through its typed method.</summary>
    public static readonly IReadOnlyList<CreateCase> All = new CreateCase[]
    {
        new("DRMInitEnvironment", FakeHandleKind.Environment, _ =>
        {
            SafeDrmEnvironmentHandle environment = SafeDrmEnvironmentHandle.Initialize(
                DrmSecurityProviderType.SoftwareSecRep, DrmSpecType.FileName, "secrep.dll", null, "<machine-cert/>", out SafeDrmHandle library);
            return new SafeDrmHandleBase[] { library, environment };
        }),
        new("DRMLoadLibrary", FakeHandleKind.Handle, w => One(SafeDrmHandle.LoadLibrary(w.Environment, DrmSpecType.FileName, "plugin.dll"))),
        new("DRMCreateEnablingPrincipal", FakeHandleKind.Handle, w => One(SafeDrmHandle.CreateEnablingPrincipal(
            w.Environment, w.Library, "UDStdPlg Enabling Principal", new DrmId("ASCII Tag", "UDStdPlg"), "<rac/>"))),
        new("DRMDuplicateHandle", FakeHandleKind.Handle, w => One(w.BoundLicense.Duplicate())),
        new("DRMDuplicateEnvironmentHandle", FakeHandleKind.Environment, w => One(w.Environment.Duplicate())),
        new("DRMCreateBoundLicense", FakeHandleKind.Handle, w => One(SafeDrmHandle.CreateBoundLicense(
            w.Environment, new DrmBoundLicenseParameters { EnablingPrincipal = w.Principal, RightsRequested = "EDIT" }, "<eul/>"))),
        new("DRMCreateEnablingBitsDecryptor", FakeHandleKind.Handle, w => One(SafeDrmHandle.CreateEnablingBitsDecryptor(w.BoundLicense, "VIEW"))),
        new("DRMCreateEnablingBitsEncryptor", FakeHandleKind.Handle, w => One(SafeDrmHandle.CreateEnablingBitsEncryptor(w.BoundLicense, "EDIT"))),
        new("DRMGetBoundLicenseObject", FakeHandleKind.Handle, w => One(SafeDrmHandle.GetBoundLicenseObject(w.BoundLicense, "issued-principal", 0))),
        new("DRMCreateClientSession", FakeHandleKind.Session, _ => One(SafeDrmSessionHandle.CreateClientSession(DrmWorld.Callback, "WINDOWSAUTH", null))),
        new("DRMCreateLicenseStorageSession", FakeHandleKind.Session, w => One(SafeDrmSessionHandle.CreateLicenseStorageSession(
            w.Environment, w.Library, w.Client, 0, "<issuance-license/>"))),
        new("DRMDuplicateSession", FakeHandleKind.Session, w => One(w.Client.Duplicate())),
        new("DRMParseUnboundLicense", FakeHandleKind.Query, _ => One(SafeDrmQueryHandle.ParseUnboundLicense("<XrML/>"))),
        new("DRMGetUnboundLicenseObject", FakeHandleKind.Query, w => One(SafeDrmQueryHandle.GetUnboundLicenseObject(w.QueryRoot, "issued-principal", 0))),
        new("DRMCreateUser", FakeHandleKind.Pub, _ => One(SafeDrmPubHandle.CreateUser("bob@example.com", null, "Unspecified"))),
        new("DRMCreateRight", FakeHandleKind.Pub, _ => One(SafeDrmPubHandle.CreateRight("VIEW", null, null))),
        new("DRMCreateIssuanceLicense", FakeHandleKind.Pub, w => One(SafeDrmPubHandle.CreateIssuanceLicense(
            DateTime.UtcNow, null, "Referral", "https://rms.example/", w.User, null, w.BoundLicense))),
        new("DRMDuplicatePubHandle", FakeHandleKind.Pub, w => One(w.User.Duplicate())),
        new("DRMGetUsers", FakeHandleKind.Pub, w => One(SafeDrmPubHandle.GetUser(w.IssuanceLicense, 0))),
        new("DRMGetUserRights", FakeHandleKind.Pub, w => One(SafeDrmPubHandle.GetUserRight(w.IssuanceLicense, w.User, 1))),
        new("DRMGetIssuanceLicenseInfo", FakeHandleKind.Pub, w => One(SafeDrmPubHandle.GetIssuanceLicenseOwner(w.IssuanceLicense))),
    };

    public static IEnumerable<object[]> Names => All.Select(c => new object[] { c.Function });

    public static CreateCase Named(string function) => All.Single(c => c.Function == function);

    private static SafeDrmHandleBase[] One(SafeDrmHandleBase handle) => new[] { handle };
}
