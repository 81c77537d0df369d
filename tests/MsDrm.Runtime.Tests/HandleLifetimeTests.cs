using System.Runtime.CompilerServices;
using MsDrm.Testing.FakeNative;
using Xunit;
using Xunit.Abstractions;

namespace MsDrm.Runtime.Tests;

/// <summary>Each wrapper releases its handle exactly once, with its own close function, by Dispose or by finalization.</summary>
public sealed class HandleLifetimeTests : FakeMsDrmTest
{
    public HandleLifetimeTests(ITestOutputHelper output)
        : base(output)
    {
    }

    [Theory]
    [MemberData(nameof(KindCase.Names), MemberType = typeof(KindCase))]
    public void Dispose_closes_the_handle_exactly_once_with_its_own_close_function(string name)
    {
        KindCase kind = KindCase.Named(name);
        SafeDrmHandleBase handle = kind.Create();
        uint value = handle.Value;
        Assert.Equal(kind.Kind, FakeMsDrm.KindOf(value));
        Assert.Equal(1, FakeMsDrm.LiveCount(kind.Kind));
        // Making some kinds closes a helper handle raw: count only the close calls Dispose makes.
        Dictionary<string, long> closesBefore = KindCase.CloseFunctions.ToDictionary(f => f, FakeMsDrm.CallCount);

        handle.Dispose();
        handle.Dispose();

        Assert.True(handle.IsClosed);
        Assert.Equal(FakeHandleState.Closed, FakeMsDrm.StateOf(value));
        Assert.All(KindCase.CloseFunctions, f => Assert.Equal(closesBefore[f] + (f == kind.CloseFunction ? 1 : 0), FakeMsDrm.CallCount(f)));
        AssertClean();
    }

    [Theory]
    [MemberData(nameof(KindCase.Names), MemberType = typeof(KindCase))]
    public void Finalization_closes_an_undisposed_handle_exactly_once(string name)
    {
        KindCase kind = KindCase.Named(name);
        uint value = CreateAndDrop(kind);
        Assert.Equal(FakeHandleState.Live, FakeMsDrm.StateOf(value));
        long closesBefore = FakeMsDrm.CallCount(kind.CloseFunction);

        FakeMsDrm.CollectGarbage();

        Assert.Equal(FakeHandleState.Closed, FakeMsDrm.StateOf(value));
        Assert.Equal(closesBefore + 1, FakeMsDrm.CallCount(kind.CloseFunction));
        AssertClean();
    }

    [Theory]
    [MemberData(nameof(KindCase.Names), MemberType = typeof(KindCase))]
    public void Duplicate_gives_a_distinct_handle_that_outlives_its_source(string name)
    {
        KindCase kind = KindCase.Named(name);
        if (kind.Duplicate is null)
        {
            // msdrm.dll has no DRMDuplicateQueryHandle: the wrapper must not pretend otherwise.
            Assert.Null(typeof(SafeDrmQueryHandle).GetMethod("Duplicate"));
            return;
        }

        SafeDrmHandleBase source = kind.Create();
        SafeDrmHandleBase copy = kind.Duplicate(source);
        Assert.NotEqual(source.Value, copy.Value);
        Assert.Equal(kind.Kind, FakeMsDrm.KindOf(copy.Value));
        Assert.Equal(2, FakeMsDrm.LiveCount(kind.Kind));

        source.Dispose();
        Assert.Equal(FakeHandleState.Live, FakeMsDrm.StateOf(copy.Value));

        // The copy is still usable on its own: it can be duplicated again.
        using (SafeDrmHandleBase second = kind.Duplicate(copy))
        {
            Assert.Equal(FakeHandleState.Live, FakeMsDrm.StateOf(second.Value));
        }

        copy.Dispose();
        AssertClean();
    }

    [Theory]
    [MemberData(nameof(KindCase.Names), MemberType = typeof(KindCase))]
    public void Adopt_zero_is_invalid_and_closes_nothing(string name)
    {
        KindCase kind = KindCase.Named(name);
        SafeDrmHandleBase handle = kind.Adopt(0);
        Assert.True(handle.IsInvalid);
        Assert.Equal(0u, handle.Value);

        handle.Dispose();
        AdoptZeroAndDrop(kind);
        FakeMsDrm.CollectGarbage();

        Assert.Equal(0, FakeMsDrm.CallCount(kind.CloseFunction));
        Assert.Equal(0, FakeMsDrm.InvalidHandles);
        AssertClean();
    }

    [Theory]
    [MemberData(nameof(KindCase.Names), MemberType = typeof(KindCase))]
    public void Adopt_takes_ownership_of_a_raw_handle(string name)
    {
        KindCase kind = KindCase.Named(name);
        SafeDrmHandleBase created = kind.Create();
        uint raw = created.Value;
        created.SetHandleAsInvalid(); // the test, not this wrapper, now owns the raw value

        using (SafeDrmHandleBase adopted = kind.Adopt(raw))
        {
            Assert.Equal(raw, adopted.Value);
            Assert.False(adopted.IsInvalid);
        }

        Assert.Equal(FakeHandleState.Closed, FakeMsDrm.StateOf(raw));
        AssertClean();
    }

    [Fact]
    public void Environment_Initialize_returns_two_owned_handles()
    {
        using (SafeDrmEnvironmentHandle environment = SafeDrmEnvironmentHandle.Initialize(
            DrmSecurityProviderType.SoftwareSecRep, DrmSpecType.FileName, "secrep.dll", "<manifest/>", "<machine-cert/>", out SafeDrmHandle library))
        using (library)
        {
            Assert.Equal(FakeHandleKind.Environment, FakeMsDrm.KindOf(environment.Value));
            Assert.Equal(FakeHandleKind.Handle, FakeMsDrm.KindOf(library.Value));
            Assert.Equal(2, FakeMsDrm.LiveCount());
        }

        AssertClean();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static uint CreateAndDrop(KindCase kind) => kind.Create().Value;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AdoptZeroAndDrop(KindCase kind) => kind.Adopt(0);
}
