using MsDrm.Analyzers.Rules;
using Xunit;
using static MsDrm.Analyzers.Tests.Spec.SpecPrograms;

namespace MsDrm.Analyzers.Tests.MSDRM001;

/// <summary>
/// docs/rules/MSDRM001.md: "A SafeDrm*Handle (from Duplicate(), Adopt() or a runtime method) that is neither
/// disposed nor escapes is reported the same way."
/// </summary>
public sealed class MSDRM001WrapperTests
{
    private const string Members = """
            private SafeDrmSessionHandle? _owned;
            private static SafeHandle s_consumed;

            // Consume takes ownership of the wrapper (it stores it).
            private static void Consume(SafeHandle handle) => s_consumed = handle;
            private static SafeDrmSessionHandle Open(SafeDrmSessionHandle existing) => existing.Duplicate();
        """;

    private static Task V(string body) => Verify<MSDRM001HandleNotClosedAnalyzer>(InMethod(body, Members));

    [Fact]
    public Task Wrapper_Duplicate_not_disposed_is_reported() => V("""
            using var existing = SafeDrmSessionHandle.Adopt(session);
            var copy = {|MSDRM001:existing.Duplicate()|};
            Native.DRMIsActivated(copy.Value, 0, IntPtr.Zero);
        """);

    [Fact]
    public Task Wrapper_Duplicate_using_declaration_is_silent() => V("""
            using var existing = SafeDrmSessionHandle.Adopt(session);
            using var copy = existing.Duplicate();
            Native.DRMIsActivated(copy.Value, 0, IntPtr.Zero);
        """);

    [Fact]
    public Task Wrapper_Duplicate_using_block_is_silent() => V("""
            using (var existing = SafeDrmSessionHandle.Adopt(session))
            using (SafeDrmSessionHandle copy = existing.Duplicate())
            {
                Native.DRMIsActivated(copy.Value, 0, IntPtr.Zero);
            }
        """);

    [Fact]
    public Task Wrapper_Dispose_in_finally_is_silent() => V("""
            SafeDrmPubHandle user = SafeDrmPubHandle.CreateUser("a", "b", "c");
            try
            {
                Native.DRMAddRightWithUser(license, 0, user.Value);
            }
            finally
            {
                user.Dispose();
            }
        """);

    [Fact]
    public Task Wrapper_Dispose_on_one_branch_only_is_reported() => V("""
            SafeDrmPubHandle user = {|MSDRM001:SafeDrmPubHandle.CreateUser("a", "b", "c")|};
            if (n > 0)
            {
                user.Dispose();
            }
        """);

    [Fact]
    public Task Wrapper_Adopt_result_not_disposed_is_reported() => V("""
            DrmException.ThrowIfFailed(Native.DRMDuplicateSession(session, out uint raw));
            var owned = {|MSDRM001:SafeDrmSessionHandle.Adopt(raw)|};
            Native.DRMIsActivated(owned.Value, 0, IntPtr.Zero);
        """);

    [Fact]
    public Task Wrapper_CreateClientSession_not_disposed_is_reported() => V("""
            var client = {|MSDRM001:SafeDrmSessionHandle.CreateClientSession((message, hr, p, c) => 0, "Windows", null)|};
            Native.DRMIsActivated(client.Value, 1, IntPtr.Zero);
        """);

    [Fact]
    public Task Wrapper_CreateClientSession_using_is_silent() => V("""
            using SafeDrmSessionHandle client = SafeDrmSessionHandle.CreateClientSession((message, hr, p, c) => 0, "Windows", null);
            Native.DRMIsActivated(client.Value, 1, IntPtr.Zero);
        """);

    [Fact]
    public Task Wrapper_GetUser_in_loop_not_disposed_is_reported() => V("""
            using var issuance = SafeDrmPubHandle.Adopt(license);
            for (uint i = 0; i < 3; i++)
            {
                var user = {|MSDRM001:SafeDrmPubHandle.GetUser(issuance, i)|};
                Console.WriteLine(user.Value);
            }
        """);

    [Fact]
    public Task Wrapper_GetUser_in_loop_disposed_is_silent() => V("""
            using var issuance = SafeDrmPubHandle.Adopt(license);
            for (uint i = 0; i < 3; i++)
            {
                using var user = SafeDrmPubHandle.GetUser(issuance, i);
                Console.WriteLine(user.Value);
            }
        """);

    [Fact]
    public Task Wrapper_Initialize_default_library_out_not_disposed_is_reported() => V("""
            using var environment = {|MSDRM001:SafeDrmEnvironmentHandle.Initialize(DrmSecurityProviderType.SoftwareSecRep, DrmSpecType.FileName, null, null, "machine", out SafeDrmHandle defaultLibrary)|};
        """);

    [Fact]
    public Task Wrapper_Initialize_both_disposed_is_silent() => V("""
            using var environment = SafeDrmEnvironmentHandle.Initialize(DrmSecurityProviderType.SoftwareSecRep, DrmSpecType.FileName, null, null, "machine", out SafeDrmHandle defaultLibrary);
            using (defaultLibrary)
            {
                Console.WriteLine(defaultLibrary.Value);
            }
        """);

    [Fact]
    public Task Wrapper_ParseUnboundLicense_result_dropped_is_reported() => V("""
            {|MSDRM001:SafeDrmQueryHandle.ParseUnboundLicense("cert")|};
        """);

    [Fact]
    public Task Wrapper_stored_in_field_is_silent() => V("""
            _owned = SafeDrmSessionHandle.CreateClientSession((m, h, p, c) => 0, "Windows", null);
        """);

    [Fact]
    public Task Wrapper_passed_to_non_drm_method_is_silent() => V("""
            var client = SafeDrmSessionHandle.CreateClientSession((m, h, p, c) => 0, "Windows", null);
            Consume(client);
        """);

    [Fact]
    public Task Wrapper_returned_from_helper_is_silent() => V("""
            using var existing = SafeDrmSessionHandle.Adopt(session);
            using var copy = Open(existing);
        """);

    [Fact]
    public Task Wrapper_captured_by_lambda_is_silent() => V("""
            var client = SafeDrmSessionHandle.CreateClientSession((m, h, p, c) => 0, "Windows", null);
            Action done = () => client.Dispose();
            done();
        """);

    [Fact]
    public Task Wrapper_overwritten_while_live_is_reported() => V("""
            var user = {|MSDRM001:SafeDrmPubHandle.CreateUser("a", "b", "c")|};
            user = SafeDrmPubHandle.CreateUser("d", "e", "f");
            user.Dispose();
        """);

    [Fact]
    public Task Wrapper_query_GetUnboundLicenseObject_disposed_with_using_statement_is_silent() => V("""
            using (var root = SafeDrmQueryHandle.ParseUnboundLicense("cert"))
            using (var sub = SafeDrmQueryHandle.GetUnboundLicenseObject(root, "ISSUER", 0))
            {
                Console.WriteLine(sub.Value);
            }
        """);

    [Fact]
    public Task Wrapper_bound_license_decryptor_not_disposed_is_reported() => V("""
            using var bound = SafeDrmHandle.Adopt(lib);
            SafeDrmHandle decryptor = {|MSDRM001:SafeDrmHandle.CreateEnablingBitsDecryptor(bound, "VIEW")|};
        """);
}
