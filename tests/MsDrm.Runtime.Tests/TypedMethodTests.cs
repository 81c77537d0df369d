using System.Runtime.CompilerServices;
using MsDrm.Testing.FakeNative;
using Xunit;
using Xunit.Abstractions;

namespace MsDrm.Runtime.Tests;

/// <summary>What the typed methods pass to msdrm.dll (strings, structures, times), enumeration, and callback lifetime.</summary>
public sealed class TypedMethodTests : FakeMsDrmTest
{
    public TypedMethodTests(ITestOutputHelper output)
        : base(output)
    {
    }

    [Fact]
    public void CreateUser_passes_its_strings_as_UTF16()
    {
        using (SafeDrmPubHandle.CreateUser("alice@example.com", "S-1-5-21", "Windows"))
        {
            Assert.Equal("DRMCreateUser|alice@example.com|S-1-5-21|Windows", FakeMsDrm.LastDetail);
        }

        AssertClean();
    }

    [Fact]
    public void CreateRight_passes_times_and_extended_information()
    {
        var from = new DateTime(2026, 3, 4, 10, 0, 0, DateTimeKind.Utc);
        var until = new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var info = new[] { KeyValuePair.Create("a", "1"), KeyValuePair.Create("policy", "strict") };

        using (SafeDrmPubHandle.CreateRight("VIEW", from, until, info))
        {
            Assert.Equal("DRMCreateRight|VIEW|2026-3-4/2027|2|policy=strict", FakeMsDrm.LastDetail);
        }

        AssertClean();
    }

    [Fact]
    public void CreateEnablingPrincipal_and_CreateBoundLicense_marshal_their_structures()
    {
        using (var world = new DrmWorld())
        {
            using (SafeDrmHandle.CreateEnablingPrincipal(world.Environment, world.Library, "UDStdPlg Enabling Principal", new DrmId("ASCII Tag", "UDStdPlg"), "<rac/>"))
            {
                Assert.Equal("DRMCreateEnablingPrincipal|UDStdPlg Enabling Principal|ASCII Tag|UDStdPlg", FakeMsDrm.LastDetail);
            }

            var parameters = new DrmBoundLicenseParameters
            {
                EnablingPrincipal = world.Principal,
                RightsRequested = "EXTRACT",
                RightsGroup = "Main-Rights",
                Resource = new DrmId("ASCII Tag", "document-42"),
            };
            parameters.Authenticators.Add(world.Library);
            using (SafeDrmHandle.CreateBoundLicense(world.Environment, parameters, "<eul/>"))
            {
                // The fake rejects the call unless version, principal and authenticators sit where msdrm.h puts them.
                Assert.Equal("DRMCreateBoundLicense|EXTRACT|ASCII Tag|document-42", FakeMsDrm.LastDetail);
            }
        }

        AssertClean();
    }

    [Fact]
    public void A_disposed_input_handle_is_never_passed_to_msdrm()
    {
        using (var world = new DrmWorld())
        {
            SafeDrmHandle license = world.BoundLicense.Duplicate();
            license.Dispose();

            Assert.Throws<ObjectDisposedException>(() => SafeDrmHandle.CreateEnablingBitsDecryptor(license, "VIEW"));
            Assert.Equal(0, FakeMsDrm.CallCount("DRMCreateEnablingBitsDecryptor"));
        }

        AssertClean();
    }

    [Fact]
    public void TryGetUser_and_TryGetUserRight_enumerate_until_no_more_data()
    {
        int users = 0, rights = 0;
        using (var world = new DrmWorld())
        {
            for (uint i = 0; SafeDrmPubHandle.TryGetUser(world.IssuanceLicense, i, out SafeDrmPubHandle? user); i++)
            {
                using (user)
                {
                    users++;
                    for (uint j = 0; SafeDrmPubHandle.TryGetUserRight(world.IssuanceLicense, user, j, out SafeDrmPubHandle? right); j++)
                    {
                        right.Dispose();
                        rights++;
                    }
                }
            }

            DrmException past = Assert.Throws<DrmException>(() => SafeDrmPubHandle.GetUser(world.IssuanceLicense, 2));
            Assert.Equal("E_DRM_NO_MORE_DATA", past.ErrorName);
        }

        Assert.Equal(2, users);
        Assert.Equal(4, rights);
        AssertClean();
    }

    [Fact]
    public void GetIssuanceLicenseOwner_returns_an_owned_owner()
    {
        using (var world = new DrmWorld())
        using (SafeDrmPubHandle owner = SafeDrmPubHandle.GetIssuanceLicenseOwner(world.IssuanceLicense))
        {
            Assert.Equal(FakeHandleKind.Pub, FakeMsDrm.KindOf(owner.Value));
            Assert.NotEqual(world.User.Value, owner.Value);
        }

        AssertClean();
    }

    [Fact]
    public void Client_session_keeps_its_callback_alive_for_itself_its_copies_and_storage_sessions()
    {
        var calls = new StrongBox<int>();
        using (var world = new DrmWorld())
        {
            SafeDrmSessionHandle client = CreateSessionWithOnlyItsOwnCallbackReference(calls);
            FakeMsDrm.CollectGarbage();

            Assert.Equal(0, FakeMsDrm.InvokeCallback(client.Value, DrmStatusMessage.ActivateMachine, 0x0004CF04));

            using SafeDrmSessionHandle storage = SafeDrmSessionHandle.CreateLicenseStorageSession(world.Environment, world.Library, client, 0, "<il/>");
            using SafeDrmSessionHandle copy = client.Duplicate();
            client.Dispose();
            FakeMsDrm.CollectGarbage();

            Assert.Equal(0, FakeMsDrm.InvokeCallback(copy.Value, DrmStatusMessage.AcquireLicense, 0x0004CF04));
            Assert.Equal(0, FakeMsDrm.InvokeCallback(storage.Value, DrmStatusMessage.AcquireAdvisory, 0x0004CF04));
        }

        Assert.Equal(3, calls.Value);
        AssertClean();
    }

    [Fact]
    public void CreateClientSession_rejects_a_null_callback_before_calling_msdrm()
    {
        Assert.Throws<ArgumentNullException>(() => SafeDrmSessionHandle.CreateClientSession(null!, "WINDOWSAUTH", null));
        Assert.Equal(0, FakeMsDrm.CallCount("DRMCreateClientSession"));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static SafeDrmSessionHandle CreateSessionWithOnlyItsOwnCallbackReference(StrongBox<int> calls)
    {
        // A fresh delegate that nothing but the session holds: if the wrapper dropped it, the GC would free it.
        return SafeDrmSessionHandle.CreateClientSession(
            (message, hr, parameter, context) =>
            {
                Interlocked.Increment(ref calls.Value);
                return 0;
            },
            "WINDOWSAUTH",
            null);
    }
}
