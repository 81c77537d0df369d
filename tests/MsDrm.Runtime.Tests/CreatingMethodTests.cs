using MsDrm.Testing.FakeNative;
using Xunit;
using Xunit.Abstractions;

namespace MsDrm.Runtime.Tests;

/// <summary>Every typed creating method returns an owned handle, and on failure throws and leaves nothing open.</summary>
public sealed class CreatingMethodTests : FakeMsDrmTest
{
    public CreatingMethodTests(ITestOutputHelper output)
        : base(output)
    {
    }

    [Theory]
    [MemberData(nameof(CreateCase.Names), MemberType = typeof(CreateCase))]
    public void Typed_method_returns_an_owned_handle_of_the_right_kind(string function)
    {
        CreateCase create = CreateCase.Named(function);
        using (var world = new DrmWorld())
        {
            long before = FakeMsDrm.LiveCount();
            long callsBefore = FakeMsDrm.CallCount(function);

            SafeDrmHandleBase[] handles = create.Invoke(world);

            Assert.Equal(callsBefore + 1, FakeMsDrm.CallCount(function));
            Assert.Equal(before + handles.Length, FakeMsDrm.LiveCount());
            Assert.Equal(create.Kind, FakeMsDrm.KindOf(handles[^1].Value));
            Assert.All(handles, h => Assert.Equal(FakeHandleState.Live, FakeMsDrm.StateOf(h.Value)));

            foreach (SafeDrmHandleBase handle in handles)
            {
                handle.Dispose();
            }

            Assert.Equal(before, FakeMsDrm.LiveCount());
        }

        AssertClean();
    }

    [Theory]
    [MemberData(nameof(FailureCases))]
    public void Failed_call_throws_DrmException_and_leaves_no_handle(string function, bool fakeReturnsHandleOnFailure)
    {
        CreateCase create = CreateCase.Named(function);
        using (var world = new DrmWorld())
        {
            long before = FakeMsDrm.LiveCount();
            FakeMsDrm.ReturnHandleOnFailure(fakeReturnsHandleOnFailure);
            FakeMsDrm.FailNext(function, E_DRM_REVOCATION_INFO_NOT_SET);

            DrmException failure = Assert.Throws<DrmException>(() => create.Invoke(world));

            Assert.Equal(E_DRM_REVOCATION_INFO_NOT_SET, failure.HResult);
            Assert.Equal("E_DRM_REVOCATION_INFO_NOT_SET", failure.ErrorName);
            Assert.Equal(function, failure.FunctionName);
            Assert.Equal($"{function} failed: E_DRM_REVOCATION_INFO_NOT_SET (0x8004CF50)", failure.Message);
            Assert.Equal(1, FakeMsDrm.InjectedFailures);
            Assert.Equal(before, FakeMsDrm.LiveCount());
            FakeMsDrm.ReturnHandleOnFailure(false);
        }

        AssertClean();
    }

    public static IEnumerable<object[]> FailureCases =>
        CreateCase.All.SelectMany(c => new[] { new object[] { c.Function, false }, new object[] { c.Function, true } });

    [Fact]
    public void The_cases_cover_every_creating_function_of_the_api_table()
    {
        string[] creating = ApiTable.Rows.Where(r => r.Role == "creates").Select(r => r.Function).Distinct().OrderBy(f => f).ToArray();
        Assert.Equal(21, creating.Length);
        Assert.Equal(creating, CreateCase.All.Select(c => c.Function).OrderBy(f => f).ToArray());
    }

    [Fact]
    public void Failing_InitEnvironment_that_returns_both_handles_closes_the_library_before_the_environment()
    {
        FakeMsDrm.ReturnHandleOnFailure(true);
        FakeMsDrm.FailNext("DRMInitEnvironment", E_DRM_ENV_NOT_LOADED);

        Assert.Throws<DrmException>(() => CreateCase.Named("DRMInitEnvironment").Invoke(null!));

        Assert.Equal(1, FakeMsDrm.CallCount("DRMCloseHandle"));
        Assert.Equal(1, FakeMsDrm.CallCount("DRMCloseEnvironmentHandle"));
        AssertClean();
    }

    [Fact]
    public void Invalid_input_handle_is_reported_by_name()
    {
        using SafeDrmPubHandle bogus = SafeDrmPubHandle.Adopt(0);

        DrmException failure = Assert.Throws<DrmException>(() => SafeDrmPubHandle.GetUser(bogus, 0));

        Assert.Equal("E_DRM_INVALID_HANDLE", failure.ErrorName);
        Assert.Equal("DRMGetUsers failed: E_DRM_INVALID_HANDLE (0x8004CF2C)", failure.Message);
        AssertClean();
    }
}
