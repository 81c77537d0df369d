using MsDrm.Analyzers.Rules;
using Xunit;
using static MsDrm.Analyzers.Tests.Spec.SpecPrograms;

namespace MsDrm.Analyzers.Tests.Summaries;

/// <summary>
/// MSDRM001 through the user's own helpers that create (DESIGN "Ownership across methods
/// (summaries)", creates): a handle a helper creates into an out/ref parameter or returns is owned by
/// the caller, reported on the call of the helper. Each wrong case has its correct twin.
/// </summary>
public sealed class MSDRM001SummaryCreationTests
{
    private const string Rms = """
        internal static class Rms
        {
            public static int Duplicate(uint session, out uint copy) => Native.DRMDuplicateSession(session, out copy);

            public static int GetBoundLicense(uint env, string chain, out uint bound)
            {
                bound = 0;
                int hr = Native.DRMCreateBoundLicense(env, IntPtr.Zero, chain, out bound, out uint log);
                if (hr < 0)
                {
                    return hr;
                }

                Native.DRMCloseHandle(log);
                return hr;
            }

            public static uint GetUnsignedIL(uint owner)
            {
                int hr = Native.DRMCreateIssuanceLicense(IntPtr.Zero, IntPtr.Zero, null, null, owner, null, 0, out uint license);
                return hr >= 0 ? license : 0;
            }

            public static bool TryCreateUser(string name, out uint user)
            {
                user = 0;
                return Native.DRMCreateUser(name, name, "Windows", out user) >= 0;
            }

            public static void OpenQuery(string certificate, ref uint query)
            {
                DrmException.ThrowIfFailed(Native.DRMParseUnboundLicense(certificate, out query));
            }

            public static SafeDrmSessionHandle Wrap(uint session)
            {
                DrmException.ThrowIfFailed(Native.DRMDuplicateSession(session, out uint copy));
                return SafeDrmSessionHandle.Adopt(copy);
            }

            public static SafeDrmSessionHandle DuplicateWrapper(SafeDrmSessionHandle session) => session.Duplicate();

            // Two levels: creates through Duplicate.
            public static int DuplicateTwice(uint session, out uint copy)
            {
                int hr = Duplicate(session, out copy);
                return hr;
            }

            private static uint s_cache;

            // Stores what it creates: nothing is created for the caller.
            public static int DuplicateCached(uint session, out uint copy)
            {
                int hr = Native.DRMDuplicateSession(session, out copy);
                s_cache = copy;
                return hr;
            }
        }
        """;

    private static Task V(string body) => Verify<MSDRM001HandleNotClosedAnalyzer>(InMethod(body, outside: Rms));

    [Fact]
    public Task Created_into_out_parameter_never_closed_is_reported() => V("""
            {|MSDRM001:Rms.Duplicate(session, out uint copy)|};
        """);

    [Fact]
    public Task Created_into_out_parameter_and_closed_is_silent() => V("""
            Rms.Duplicate(session, out uint copy);
            Native.DRMCloseSession(copy);
        """);

    [Fact]
    public Task Created_into_out_parameter_only_on_success_side_closed_is_silent() => V("""
            int hr = Rms.Duplicate(session, out uint copy);
            if (hr < 0) return;
            Native.DRMCloseSession(copy);
        """);

    [Fact]
    public Task Created_into_out_parameter_closed_only_on_one_branch_is_reported() => V("""
            int hr = {|MSDRM001:Rms.Duplicate(session, out uint copy)|};
            if (hr < 0) return;
            if (n > 2) Native.DRMCloseSession(copy);
        """);

    [Fact]
    public Task Bound_license_from_helper_never_closed_is_reported() => V("""
            if (Rms.GetBoundLicense(env, "chain", out uint bound) < 0) return;
            Native.DRMCreateEnablingBitsDecryptor(bound, "EDIT", 0, null, out uint decryptor);
            Native.DRMCloseHandle(decryptor);
        """.Replace("Rms.GetBoundLicense(env, \"chain\", out uint bound)", "{|MSDRM001:Rms.GetBoundLicense(env, \"chain\", out uint bound)|}"));

    [Fact]
    public Task Bound_license_from_helper_closed_is_silent() => V("""
            if (Rms.GetBoundLicense(env, "chain", out uint bound) < 0) return;
            Native.DRMCreateEnablingBitsDecryptor(bound, "EDIT", 0, null, out uint decryptor);
            Native.DRMCloseHandle(decryptor);
            Native.DRMCloseHandle(bound);
        """);

    [Fact]
    public Task Returned_issuance_license_never_closed_is_reported() => V("""
            uint issuance = {|MSDRM001:Rms.GetUnsignedIL(0)|};
            Console.WriteLine(issuance);
        """);

    [Fact]
    public Task Returned_issuance_license_closed_after_zero_test_is_silent() => V("""
            uint issuance = Rms.GetUnsignedIL(0);
            if (issuance == 0) return;
            Console.WriteLine(issuance);
            Native.DRMClosePubHandle(issuance);
        """);

    [Fact]
    public Task Returned_handle_dropped_is_reported() => V("""
            {|MSDRM001:Rms.GetUnsignedIL(0)|};
        """);

    [Fact]
    public Task Try_helper_true_side_not_closed_is_reported() => V("""
            if ({|MSDRM001:Rms.TryCreateUser("u", out uint user)|})
            {
                Console.WriteLine(user);
            }
        """);

    [Fact]
    public Task Try_helper_closed_on_true_side_is_silent() => V("""
            if (Rms.TryCreateUser("u", out uint user))
            {
                Native.DRMClosePubHandle(user);
            }
        """);

    [Fact]
    public Task Created_into_ref_parameter_never_closed_is_reported() => V("""
            uint query = 0;
            {|MSDRM001:Rms.OpenQuery("cert", ref query)|};
        """);

    [Fact]
    public Task Created_into_ref_parameter_closed_is_silent() => V("""
            uint query = 0;
            Rms.OpenQuery("cert", ref query);
            Native.DRMCloseQueryHandle(query);
        """);

    [Fact]
    public Task Returned_wrapper_not_disposed_is_reported() => V("""
            var owned = {|MSDRM001:Rms.Wrap(session)|};
            Console.WriteLine(owned.IsInvalid);
        """);

    [Fact]
    public Task Returned_wrapper_disposed_is_silent() => V("""
            using var owned = Rms.Wrap(session);
            Console.WriteLine(owned.IsInvalid);
        """);

    [Fact]
    public Task Returned_runtime_wrapper_through_helper_not_disposed_is_reported() => V("""
            using var existing = SafeDrmSessionHandle.Adopt(session);
            var copy = {|MSDRM001:Rms.DuplicateWrapper(existing)|};
            Console.WriteLine(copy.IsInvalid);
        """);

    [Fact]
    public Task Returned_runtime_wrapper_through_helper_disposed_is_silent() => V("""
            using var existing = SafeDrmSessionHandle.Adopt(session);
            using var copy = Rms.DuplicateWrapper(existing);
        """);

    [Fact]
    public Task Two_levels_never_closed_is_reported() => V("""
            {|MSDRM001:Rms.DuplicateTwice(session, out uint copy)|};
        """);

    [Fact]
    public Task Two_levels_closed_is_silent() => V("""
            Rms.DuplicateTwice(session, out uint copy);
            Native.DRMCloseSession(copy);
        """);

    [Fact]
    public Task Helper_that_stores_what_it_creates_creates_nothing_for_the_caller() => V("""
            Rms.DuplicateCached(session, out uint copy);
        """);

    [Fact]
    public Task Created_through_helper_then_returned_is_silent() => Verify<MSDRM001HandleNotClosedAnalyzer>(Raw("""
        internal static class Owner
        {
            public static uint Open(uint session)
            {
                Rms.Duplicate(session, out uint copy);
                return copy;
            }
        }
        """ + Rms));

    [Fact]
    public Task Local_function_creating_helper_never_closed_is_reported() => V("""
            {|MSDRM001:Open(session, out uint copy)|};

            static int Open(uint s, out uint h) => Native.DRMDuplicateSession(s, out h);
        """);

    [Fact]
    public Task Local_function_creating_helper_closed_is_silent() => V("""
            Open(session, out uint copy);
            Native.DRMCloseSession(copy);

            static int Open(uint s, out uint h) => Native.DRMDuplicateSession(s, out h);
        """);

    [Fact]
    public Task Virtual_creating_helper_stays_unknown() => Verify<MSDRM001HandleNotClosedAnalyzer>(Raw("""
        internal class Factory
        {
            public virtual int Open(uint s, out uint h) => Native.DRMDuplicateSession(s, out h);
        }

        internal static class User
        {
            public static void Run(Factory factory, uint s) => factory.Open(s, out uint copy);
        }
        """));

    [Fact]
    public Task Interface_creating_helper_stays_unknown() => Verify<MSDRM001HandleNotClosedAnalyzer>(Raw("""
        internal interface IFactory
        {
            int Open(uint s, out uint h);
        }

        internal sealed class Factory : IFactory
        {
            public int Open(uint s, out uint h) => Native.DRMDuplicateSession(s, out h);
        }

        internal static class User
        {
            public static void Run(IFactory factory, uint s) => factory.Open(s, out uint copy);
        }
        """));

    [Fact]
    public Task Delegate_to_creating_helper_stays_unknown() => V("""
            Func<uint, uint> open = Rms.GetUnsignedIL;
            uint issuance = open(0);
        """);

    [Fact]
    public Task Recursive_creating_helpers_get_the_conservative_summary() => Verify<MSDRM001HandleNotClosedAnalyzer>(Raw("""
        internal static class Rec
        {
            public static int Open(uint s, int depth, out uint h)
                => depth == 0 ? Native.DRMDuplicateSession(s, out h) : Open(s, depth - 1, out h);

            public static void Run(uint s) => Open(s, 3, out uint copy);
        }
        """));
}
