using MsDrm.Testing.FakeNative;

namespace MsDrm.Runtime.Tests;

/// <summary>One of the five handle wrappers: how to make an owned one, adopt a raw value, duplicate it, and which close function releases it.</summary>
public sealed record KindCase(
    string Name,
    FakeHandleKind Kind,
    string CloseFunction,
    Func<SafeDrmHandleBase> Create,
    Func<uint, SafeDrmHandleBase> Adopt,
    Func<SafeDrmHandleBase, SafeDrmHandleBase>? Duplicate)
{
    public override string ToString() => Name;

    public static readonly string[] CloseFunctions =
        { "DRMCloseSession", "DRMCloseHandle", "DRMClosePubHandle", "DRMCloseEnvironmentHandle", "DRMCloseQueryHandle" };

    public static readonly IReadOnlyList<KindCase> All = new KindCase[]
    {
        new(nameof(SafeDrmSessionHandle), FakeHandleKind.Session, "DRMCloseSession",
            () => SafeDrmSessionHandle.CreateClientSession(DrmWorld.Callback, "WINDOWSAUTH", null),
            SafeDrmSessionHandle.Adopt, h => ((SafeDrmSessionHandle)h).Duplicate()),
        new(nameof(SafeDrmHandle), FakeHandleKind.Handle, "DRMCloseHandle",
            RawLibrary, SafeDrmHandle.Adopt, h => ((SafeDrmHandle)h).Duplicate()),
        new(nameof(SafeDrmPubHandle), FakeHandleKind.Pub, "DRMClosePubHandle",
            () => SafeDrmPubHandle.CreateUser("carol@example.com", null, null),
            SafeDrmPubHandle.Adopt, h => ((SafeDrmPubHandle)h).Duplicate()),
        new(nameof(SafeDrmEnvironmentHandle), FakeHandleKind.Environment, "DRMCloseEnvironmentHandle",
            RawEnvironment, SafeDrmEnvironmentHandle.Adopt, h => ((SafeDrmEnvironmentHandle)h).Duplicate()),
        new(nameof(SafeDrmQueryHandle), FakeHandleKind.Query, "DRMCloseQueryHandle",
            () => SafeDrmQueryHandle.ParseUnboundLicense("<XrML/>"), SafeDrmQueryHandle.Adopt, Duplicate: null),
    };

    public static IEnumerable<object[]> Names => All.Select(c => new object[] { c.Name });

    public static KindCase Named(string name) => All.Single(c => c.Name == name);

    /// <summary>A library handle alone: its environment is closed at once, raw, so only one handle stays open.</summary>
    private static SafeDrmHandleBase RawLibrary()
    {
        DrmException.ThrowIfFailed(NativeMethods.DRMInitEnvironment(0, 1, null, null, "<machine-cert/>", out uint environment, out uint library));
        DrmException.ThrowIfFailed(NativeMethods.DRMCloseEnvironmentHandle(environment));
        return SafeDrmHandle.Adopt(library);
    }

    /// <summary>An environment handle alone: its default library is closed at once, raw.</summary>
    private static SafeDrmHandleBase RawEnvironment()
    {
        DrmException.ThrowIfFailed(NativeMethods.DRMInitEnvironment(0, 1, null, null, "<machine-cert/>", out uint environment, out uint library));
        DrmException.ThrowIfFailed(NativeMethods.DRMCloseHandle(library));
        return SafeDrmEnvironmentHandle.Adopt(environment);
    }
}
