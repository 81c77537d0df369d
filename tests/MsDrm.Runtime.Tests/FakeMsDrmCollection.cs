using MsDrm.Testing.FakeNative;
using Xunit;
using Xunit.Abstractions;

namespace MsDrm.Runtime.Tests;

/// <summary>Tests that read the fake's process-wide counters: one at a time, never beside each other.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FakeMsDrmCollection
{
    public const string Name = "fake msdrm counters";
}

/// <summary>
/// Base of tests that use the fake: finalizes leftovers of earlier tests, then resets the counters, so
/// every test starts from zero; stops injected failures afterwards.
/// </summary>
[Collection(FakeMsDrmCollection.Name)]
public abstract class FakeMsDrmTest : IDisposable
{
    protected const int E_DRM_INVALID_HANDLE = unchecked((int)0x8004CF2C);
    protected const int E_DRM_ENV_NOT_LOADED = unchecked((int)0x8004CF0A);
    protected const int E_DRM_NO_MORE_DATA = unchecked((int)0x8004CF33);
    protected const int E_DRM_REVOCATION_INFO_NOT_SET = unchecked((int)0x8004CF50);
    protected const int E_OUTOFMEMORY = unchecked((int)0x8007000E);

    protected FakeMsDrmTest(ITestOutputHelper output)
    {
        Output = output;
        FakeMsDrm.Install();
        FakeMsDrm.CollectGarbage();
        FakeMsDrm.Reset();
    }

    protected ITestOutputHelper Output { get; }

    public void Dispose()
    {
        FakeMsDrm.StopFailing();
        GC.SuppressFinalize(this);
    }

    /// <summary>Nothing open, nothing closed twice, no closed handle used, no handle sent to the wrong close function.</summary>
    protected static void AssertClean()
    {
        FakeMsDrm.CollectGarbage();
        FakeMsDrmCounters counters = FakeMsDrm.Counters;
        Assert.Equal(0, counters.Live);
        Assert.Equal(0, counters.DoubleCloses);
        Assert.Equal(0, counters.UseAfterClose);
        Assert.Equal(0, counters.WrongKindCloses);
        Assert.Equal(counters.Created, counters.Closed);
    }
}
