using System.Diagnostics;
using System.Runtime.CompilerServices;
using MsDrm.Testing.FakeNative;
using Xunit;
using Xunit.Abstractions;

namespace MsDrm.Runtime.Tests;

/// <summary>Several threads create, duplicate and dispose wrappers of every kind: every handle ends closed exactly once.</summary>
public sealed class StressTests : FakeMsDrmTest
{
    private const int Threads = 4;
    private const int IterationsPerThread = 10_000;

    public StressTests(ITestOutputHelper output)
        : base(output)
    {
    }

    [Fact]
    public void Concurrent_create_duplicate_dispose_leaves_zero_live_handles_and_no_double_close()
    {
        long operations = 0;
        var clock = Stopwatch.StartNew();
        using (var world = new DrmWorld())
        {
            // Shared sources every thread duplicates at the same time.
            SafeDrmHandleBase[] shared = { world.Client, world.BoundLicense, world.User, world.Environment };
            Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, thread =>
            {
                long done = 0;
                for (int i = 0; i < IterationsPerThread; i++)
                {
                    KindCase kind = KindCase.All[(thread + i) % KindCase.All.Count];
                    using (SafeDrmHandleBase own = kind.Create())
                    {
                        done++;
                        if (kind.Duplicate is not null)
                        {
                            using SafeDrmHandleBase copy = kind.Duplicate(own);
                            done += 2; // duplicate + its dispose
                        }
                    }

                    done++; // dispose

                    SafeDrmHandleBase source = shared[i % shared.Length];
                    using (Duplicate(source))
                    {
                        done++;
                    }

                    done++;

                    // Every 16th iteration leaves a handle to the finalizer.
                    if (i % 16 == 0)
                    {
                        CreateAndDrop(kind);
                        done++;
                    }
                }

                Interlocked.Add(ref operations, done);
            });
        }

        FakeMsDrm.CollectGarbage();
        clock.Stop();
        FakeMsDrmCounters counters = FakeMsDrm.Counters;
        Output.WriteLine($"stress: {Threads} threads, {operations:N0} create/duplicate/dispose operations in {clock.ElapsedMilliseconds} ms " +
                         $"({operations / Math.Max(clock.Elapsed.TotalSeconds, 0.001):N0} ops/s)");
        Output.WriteLine($"stress: {counters}");

        Assert.True(operations >= 100_000, $"only {operations} operations");
        Assert.True(counters.Created >= 100_000 / 3);
        AssertClean();
    }

    private static SafeDrmHandleBase Duplicate(SafeDrmHandleBase source) => source switch
    {
        SafeDrmSessionHandle session => session.Duplicate(),
        SafeDrmHandle handle => handle.Duplicate(),
        SafeDrmPubHandle pub => pub.Duplicate(),
        SafeDrmEnvironmentHandle environment => environment.Duplicate(),
        _ => throw new ArgumentException("no duplicate function", nameof(source)),
    };

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void CreateAndDrop(KindCase kind) => kind.Create();
}
