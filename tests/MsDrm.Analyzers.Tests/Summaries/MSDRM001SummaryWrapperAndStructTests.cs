using MsDrm.Analyzers.Rules;
using Xunit;
using static MsDrm.Analyzers.Tests.Spec.SpecPrograms;

namespace MsDrm.Analyzers.Tests.Summaries;

/// <summary>
/// DESIGN "Ownership across methods (summaries)": a handle stored in a field of a local struct stays
/// owned (passing the struct to a DRM function is a use); a SafeHandle subclass of the user's whose
/// ReleaseHandle closes <c>handle</c> is a wrapper of that kind. Each wrong case has its correct twin.
/// </summary>
public sealed class MSDRM001SummaryWrapperAndStructTests
{
    private const string BoundLicense = """
        [StructLayout(LayoutKind.Sequential)]
        internal struct DRMBOUNDLICENSEPARAMS
        {
            public uint uVersion;
            public uint hEnablingPrincipal;
            public uint hSecureStore;
            public string wszRightsRequested;
        }

        internal static class Bind
        {
            [DllImport("msdrm.dll", CharSet = CharSet.Unicode)]
            public static extern int DRMCreateBoundLicense(uint hEnv, ref DRMBOUNDLICENSEPARAMS pParams, string wszLicenseChain, out uint phBoundLicense, out uint phErrorLog);
        }
        """;

    private const string Principal = "Native.DRMCreateEnablingPrincipal(env, lib, \"UDStdPlg Enabling Principal\", IntPtr.Zero, \"cred\", out uint principal)";

    private const string BindWithStruct = """
            var parameters = new DRMBOUNDLICENSEPARAMS();
            parameters.hEnablingPrincipal = principal;
            parameters.wszRightsRequested = "EDIT";
            DrmException.ThrowIfFailed(Bind.DRMCreateBoundLicense(env, ref parameters, "chain", out uint bound, out uint log));
            Native.DRMCloseHandle(log);
            Native.DRMCloseHandle(bound);

        """;

    private static Task V(string body, string members = "") => Verify<MSDRM001HandleNotClosedAnalyzer>(InMethod(body, members, BoundLicense + Wrappers));

    [Fact]
    public Task Handle_in_local_struct_passed_back_to_msdrm_stays_owned_and_leaks() => V(
        "DrmException.ThrowIfFailed({|MSDRM001:" + Principal + "|});\n" + BindWithStruct);

    [Fact]
    public Task Handle_in_local_struct_closed_after_use_is_silent() => V(
        "DrmException.ThrowIfFailed(" + Principal + ");\n" + BindWithStruct + "Native.DRMCloseHandle(principal);");

    [Fact]
    public Task Handle_in_local_struct_closed_through_the_field_is_silent() => V(
        "DrmException.ThrowIfFailed(" + Principal + ");\n" + BindWithStruct + "Native.DRMCloseHandle(parameters.hEnablingPrincipal);");

    [Fact]
    public Task Handle_created_straight_into_struct_field_stays_owned() => V("""
            var parameters = new DRMBOUNDLICENSEPARAMS();
            DrmException.ThrowIfFailed({|MSDRM001:Native.DRMCreateEnablingPrincipal(env, lib, "p", IntPtr.Zero, "cred", out parameters.hEnablingPrincipal)|});
            Console.WriteLine(parameters.uVersion);
        """);

    [Fact]
    public Task Handle_created_straight_into_struct_field_closed_is_silent() => V("""
            var parameters = new DRMBOUNDLICENSEPARAMS();
            DrmException.ThrowIfFailed(Native.DRMCreateEnablingPrincipal(env, lib, "p", IntPtr.Zero, "cred", out parameters.hEnablingPrincipal));
            Native.DRMCloseHandle(parameters.hEnablingPrincipal);
        """);

    [Fact]
    public Task Struct_stored_in_a_field_takes_its_handles_along() => V(
        "DrmException.ThrowIfFailed(" + Principal + ");\n" + BindWithStruct + "s_parameters = parameters;",
        "private static DRMBOUNDLICENSEPARAMS s_parameters;");

    [Fact]
    public Task Struct_returned_takes_its_handles_along() => Verify<MSDRM001HandleNotClosedAnalyzer>(Raw("""
        internal static class Factory
        {
            public static DRMBOUNDLICENSEPARAMS Make(uint env, uint lib)
            {
                var parameters = new DRMBOUNDLICENSEPARAMS();
                DrmException.ThrowIfFailed(Native.DRMCreateEnablingPrincipal(env, lib, "p", IntPtr.Zero, "cred", out uint principal));
                parameters.hEnablingPrincipal = principal;
                return parameters;
            }
        }
        """ + BoundLicense));

    private const string Wrappers = """
        internal sealed class RightsSessionHandle : SafeHandle
        {
            public RightsSessionHandle()
                : base(IntPtr.Zero, ownsHandle: true)
            {
            }

            public override bool IsInvalid => handle == IntPtr.Zero;

            protected override bool ReleaseHandle() => Native.DRMCloseSession((uint)handle) >= 0;
        }

        internal static class SessionImports
        {
            [DllImport("msdrm.dll")]
            public static extern int DRMDuplicateSession(uint hSessionIn, out RightsSessionHandle phSessionOut);

            public static RightsSessionHandle Duplicate(uint session)
            {
                DrmException.ThrowIfFailed(DRMDuplicateSession(session, out RightsSessionHandle copy));
                return copy;
            }
        }
        """;

    [Fact]
    public Task User_SafeHandle_created_by_import_not_disposed_is_reported() => V("""
            DrmException.ThrowIfFailed({|MSDRM001:SessionImports.DRMDuplicateSession(session, out RightsSessionHandle copy)|});
            Console.WriteLine(copy.IsInvalid);
        """);

    [Fact]
    public Task User_SafeHandle_created_by_import_disposed_is_silent() => V("""
            DrmException.ThrowIfFailed(SessionImports.DRMDuplicateSession(session, out RightsSessionHandle copy));
            using (copy)
            {
                Console.WriteLine(copy.IsInvalid);
            }
        """);

    [Fact]
    public Task User_SafeHandle_closed_with_Close_is_silent() => V("""
            DrmException.ThrowIfFailed(SessionImports.DRMDuplicateSession(session, out RightsSessionHandle copy));
            copy.Close();
        """);

    [Fact]
    public Task User_SafeHandle_returned_by_helper_not_disposed_is_reported() => V("""
            RightsSessionHandle copy = {|MSDRM001:SessionImports.Duplicate(session)|};
            Console.WriteLine(copy.IsInvalid);
        """);

    [Fact]
    public Task User_SafeHandle_returned_by_helper_disposed_is_silent() => V("""
            using RightsSessionHandle copy = SessionImports.Duplicate(session);
            Console.WriteLine(copy.IsInvalid);
        """);

    [Fact]
    public Task User_SafeHandle_conditional_dispose_is_silent() => V("""
            RightsSessionHandle copy = SessionImports.Duplicate(session);
            copy?.Dispose();
        """);

    [Fact]
    public Task User_SafeHandle_tested_IsInvalid_then_disposed_is_silent() => V("""
            RightsSessionHandle copy = SessionImports.Duplicate(session);
            if (copy.IsInvalid) return;
            copy.Dispose();
        """);

    [Fact]
    public Task User_SafeHandle_valid_side_not_disposed_is_reported() => V("""
            RightsSessionHandle copy = {|MSDRM001:SessionImports.Duplicate(session)|};
            if (copy.IsInvalid) return;
            Console.WriteLine(copy.IsClosed);
        """);

    [Fact]
    public Task Runtime_wrapper_tested_IsInvalid_then_disposed_is_silent() => V("""
            using var existing = SafeDrmSessionHandle.Adopt(session);
            SafeDrmSessionHandle copy = existing.Duplicate();
            if (copy.IsInvalid) return;
            copy.Dispose();
        """);
}
