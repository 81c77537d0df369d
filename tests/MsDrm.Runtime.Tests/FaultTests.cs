using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using MsDrm.Testing.FakeNative;
using Xunit;
using Xunit.Abstractions;

namespace MsDrm.Runtime.Tests;

/// <summary>
/// Issue 8 item 3: random failures of every creating function under several threads, finalizer-only
/// release, adopting invalid handles, and Dispose racing with use. Nothing may leak, close twice, or
/// reach msdrm.dll after it was closed, and every failure must surface as a DrmException with its name.
/// </summary>
public sealed class FaultTests : FakeMsDrmTest
{
    private const int Threads = 4;

    private static readonly int[] RandomFailures =
    {
        unchecked((int)0x8004CF2C), // E_DRM_INVALID_HANDLE
        unchecked((int)0x8004CF0A), // E_DRM_ENV_NOT_LOADED
        unchecked((int)0x8004CF50), // E_DRM_REVOCATION_INFO_NOT_SET (WPF value)
        unchecked((int)0x8004CF51), // E_DRM_INVALID_TIMEINFO
        unchecked((int)0x8004CF52), // E_DRM_RIGHT_NOT_SET
        unchecked((int)0x8004CF3D), // E_DRM_NEEDS_MACHINE_ACTIVATION
        unchecked((int)0x8007000E), // E_OUTOFMEMORY
        unchecked((int)0x80070057), // E_INVALIDARG
        unchecked((int)0x80004005), // E_FAIL
        unchecked((int)0x8004CFFE), // no name
    };

    public FaultTests(ITestOutputHelper output)
        : base(output)
    {
    }

    [Theory]
    [InlineData(false, 1ul)]
    [InlineData(true, 2ul)]
    public void Random_failures_of_every_creating_function_under_threads_leak_nothing(bool fakeReturnsHandleOnFailure, ulong seed)
    {
        const int IterationsPerThread = 4_000;
        long succeeded = 0, failed = 0;
        var wrongFailures = new ConcurrentQueue<string>();
        using (var world = new DrmWorld())
        {
            FakeMsDrm.ReturnHandleOnFailure(fakeReturnsHandleOnFailure);
            FakeMsDrm.FailAtRandom(seed, probability: 0.3, RandomFailures);
            Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, thread =>
            {
                var random = new Random((int)seed * 100 + thread);
                for (int i = 0; i < IterationsPerThread; i++)
                {
                    CreateCase create = CreateCase.All[random.Next(CreateCase.All.Count)];
                    try
                    {
                        foreach (SafeDrmHandleBase handle in create.Invoke(world))
                        {
                            handle.Dispose();
                        }

                        Interlocked.Increment(ref succeeded);
                    }
                    catch (DrmException failure)
                    {
                        Interlocked.Increment(ref failed);
                        if (failure.FunctionName != create.Function
                            || !RandomFailures.Contains(failure.HResult)
                            || failure.ErrorName != DrmException.GetErrorName(failure.HResult)
                            || (failure.ErrorName is null) != (failure.HResult == unchecked((int)0x8004CFFE)))
                        {
                            wrongFailures.Enqueue($"{create.Function}: {failure.Message}");
                        }
                    }
                }
            });
            FakeMsDrm.StopFailing();

            // Every injected failure reached the caller as exactly one DrmException.
            Assert.Equal(FakeMsDrm.InjectedFailures, failed);
        }

        FakeMsDrm.CollectGarbage();
        Output.WriteLine($"random faults (handle on failure: {fakeReturnsHandleOnFailure}): {Threads} threads, {succeeded:N0} creates succeeded, " +
                         $"{failed:N0} failed with a DrmException; {FakeMsDrm.Counters}");
        Assert.Empty(wrongFailures);
        Assert.InRange(failed, (succeeded + failed) / 5, (succeeded + failed) / 2);
        AssertClean();
    }

    [Fact]
    public void Finalizer_only_release_under_random_failures_leaks_nothing()
    {
        const int IterationsPerThread = 2_000;
        long failed = 0;
        using (var world = new DrmWorld())
        {
            FakeMsDrm.ReturnHandleOnFailure(true);
            FakeMsDrm.FailAtRandom(seed: 3, probability: 0.2, RandomFailures);
            Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, thread =>
            {
                for (int i = 0; i < IterationsPerThread; i++)
                {
                    CreateCase create = CreateCase.All[(thread * 7 + i) % CreateCase.All.Count];
                    if (!CreateAndDrop(create, world))
                    {
                        Interlocked.Increment(ref failed);
                    }
                }
            });
            FakeMsDrm.StopFailing();
        }

        long createdBeforeFinalization = FakeMsDrm.TotalCreated;
        long liveBeforeFinalization = FakeMsDrm.LiveCount();
        FakeMsDrm.CollectGarbage();
        Output.WriteLine($"finalizer only: {Threads * IterationsPerThread:N0} creates ({failed:N0} failed), {liveBeforeFinalization:N0} handles " +
                         $"left to finalizers; after GC: {FakeMsDrm.Counters}");
        Assert.True(liveBeforeFinalization > 0, "nothing was left to the finalizers");
        Assert.Equal(createdBeforeFinalization, FakeMsDrm.TotalCreated);
        AssertClean();
    }

    [Fact]
    public void Adopting_an_invalid_handle_never_crashes_and_never_closes_a_real_one()
    {
        using var world = new DrmWorld();
        long liveBefore = FakeMsDrm.LiveCount();

        // A value msdrm.dll never issued: the close fails, Dispose does not throw.
        SafeDrmPubHandle.Adopt(0xDEADBEEF).Dispose();
        AdoptAndDrop(0x7FFFFFFF);
        FakeMsDrm.CollectGarbage();
        Assert.Equal(2, FakeMsDrm.InvalidHandles);

        // A handle of another kind: its close function refuses it and it stays open for its owner.
        SafeDrmPubHandle.Adopt(world.Client.Value).Dispose();
        Assert.Equal(1, FakeMsDrm.WrongKindCloses);
        Assert.Equal(FakeHandleState.Live, FakeMsDrm.StateOf(world.Client.Value));

        // An invalid wrapper cannot be duplicated: a DrmException, not a crash or a handle.
        DrmException failure = Assert.Throws<DrmException>(() => SafeDrmSessionHandle.Adopt(0).Duplicate());
        Assert.Equal("E_DRM_INVALID_HANDLE", failure.ErrorName);

        Assert.Equal(liveBefore, FakeMsDrm.LiveCount());
        Assert.Equal(0, FakeMsDrm.DoubleCloses);
        Assert.Equal(0, FakeMsDrm.UseAfterClose);
        world.Dispose();
        FakeMsDrm.CollectGarbage();
        Assert.Equal(0, FakeMsDrm.LiveCount());
        Assert.Equal(0, FakeMsDrm.DoubleCloses);
    }

    [Fact]
    public async Task Dispose_racing_with_use_never_reaches_msdrm_with_a_closed_handle()
    {
        const int Rounds = 300;
        long used = 0, refused = 0;
        for (int round = 0; round < Rounds; round++)
        {
            SafeDrmSessionHandle session = SafeDrmSessionHandle.CreateClientSession(DrmWorld.Callback, "WINDOWSAUTH", null);
            using var start = new Barrier(Threads + 1);
            Task[] users = Enumerable.Range(0, Threads).Select(thread => Task.Run(() =>
            {
                start.SignalAndWait();
                for (int i = 0; i < 50; i++)
                {
                    try
                    {
                        if (thread % 2 == 0)
                        {
                            using SafeDrmSessionHandle copy = session.Duplicate(); // the runtime's own AddRef/Release
                        }
                        else
                        {
                            UseRawValueUnderAddRef(session);
                        }

                        Interlocked.Increment(ref used);
                    }
                    catch (ObjectDisposedException)
                    {
                        Interlocked.Increment(ref refused);
                    }
                }
            })).ToArray();

            start.SignalAndWait();
            Thread.SpinWait(round * 37 % 2000);
            session.Dispose();
            await Task.WhenAll(users);
        }

        Output.WriteLine($"dispose race: {Rounds} rounds, {used:N0} uses completed, {refused:N0} refused with ObjectDisposedException; {FakeMsDrm.Counters}");
        Assert.True(refused > 0, "Dispose never won the race: the test did not exercise it");
        AssertClean();
    }

    private static void UseRawValueUnderAddRef(SafeDrmSessionHandle session)
    {
        bool added = false;
        try
        {
            session.DangerousAddRef(ref added);
            DrmException.ThrowIfFailed(NativeMethods.DRMDuplicateSession(session.Value, out uint copy), nameof(NativeMethods.DRMDuplicateSession));
            DrmException.ThrowIfFailed(NativeMethods.DRMCloseSession(copy), nameof(NativeMethods.DRMCloseSession));
        }
        finally
        {
            if (added)
            {
                session.DangerousRelease();
            }
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool CreateAndDrop(CreateCase create, DrmWorld world)
    {
        try
        {
            _ = create.Invoke(world);
            return true;
        }
        catch (DrmException)
        {
            return false;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AdoptAndDrop(uint value) => SafeDrmQueryHandle.Adopt(value);
}
