namespace MsDrm.Runtime.Tests;

/// <summary>
/// The inputs every creating function needs (environment, library, client session, bound license,
/// issuance license, user, query root), made through the typed factories and disposed in reverse order.
/// </summary>
public sealed class DrmWorld : IDisposable
{
    private readonly Stack<IDisposable> owned = new();

    public DrmWorld()
    {
        Environment = Own(SafeDrmEnvironmentHandle.Initialize(
            DrmSecurityProviderType.SoftwareSecRep, DrmSpecType.FileName, "secrep.dll", "<manifest/>", "<machine-cert/>", out SafeDrmHandle library));
        Library = Own(library);
        Principal = Own(SafeDrmHandle.CreateEnablingPrincipal(Environment, Library, "UDStdPlg Enabling Principal", new DrmId("ASCII Tag", "UDStdPlg"), "<rac/>"));
        BoundLicense = Own(SafeDrmHandle.CreateBoundLicense(
            Environment, new DrmBoundLicenseParameters { EnablingPrincipal = Principal, RightsRequested = "VIEW", Resource = new DrmId("ASCII Tag", "doc-1") }, "<eul/>"));
        Client = Own(SafeDrmSessionHandle.CreateClientSession(Callback, "WINDOWSAUTH", null));
        User = Own(SafeDrmPubHandle.CreateUser("alice@example.com", null, "Unspecified"));
        IssuanceLicense = Own(SafeDrmPubHandle.CreateIssuanceLicense(null, null, null, null, User, null, null));
        QueryRoot = Own(SafeDrmQueryHandle.ParseUnboundLicense("<XrML/>"));
    }

    public SafeDrmEnvironmentHandle Environment { get; }

    public SafeDrmHandle Library { get; }

    public SafeDrmHandle Principal { get; }

    public SafeDrmHandle BoundLicense { get; }

    public SafeDrmSessionHandle Client { get; }

    public SafeDrmPubHandle User { get; }

    public SafeDrmPubHandle IssuanceLicense { get; }

    public SafeDrmQueryHandle QueryRoot { get; }

    /// <summary>Handles the world itself holds open.</summary>
    public const int OpenHandles = 8;

    public static int Callback(DrmStatusMessage message, int hr, IntPtr parameter, IntPtr context) => 0;

    public void Dispose()
    {
        while (owned.Count > 0)
        {
            owned.Pop().Dispose();
        }
    }

    private T Own<T>(T handle)
        where T : IDisposable
    {
        owned.Push(handle);
        return handle;
    }
}
