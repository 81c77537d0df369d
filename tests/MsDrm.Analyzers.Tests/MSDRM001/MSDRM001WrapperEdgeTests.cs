using MsDrm.Analyzers.Rules;
using Xunit;
using static MsDrm.Analyzers.Tests.Spec.SpecPrograms;

namespace MsDrm.Analyzers.Tests.MSDRM001;

/// <summary>
/// Wrapper programs where the "DRM function" status of MsDrm.Runtime methods matters: docs/design.md counts
/// "the methods of MsDrm.Runtime" as DRM calls, so handing a wrapper to one is a use, not an escape.
/// </summary>
public sealed class MSDRM001WrapperEdgeTests
{
    private static Task V(string body) => Verify<MSDRM001HandleNotClosedAnalyzer>(InMethod(body));

    [Fact]
    public Task Wrapper_Duplicate_used_inline_is_reported() => V("""
            using var existing = SafeDrmSessionHandle.Adopt(session);
            Native.DRMIsActivated({|MSDRM001:existing.Duplicate()|}.Value, 0, IntPtr.Zero);
        """);

    [Fact]
    public Task Wrapper_passed_to_runtime_method_is_a_use_not_an_escape() => V("""
            var issuance = {|MSDRM001:SafeDrmPubHandle.Adopt(license)|};
            using var user = SafeDrmPubHandle.GetUser(issuance, 0);
        """);

    [Fact]
    public Task Wrapper_null_conditional_Dispose_is_silent() => V("""
            SafeDrmSessionHandle? copy = SafeDrmSessionHandle.Adopt(session);
            Console.WriteLine(copy.Value);
            copy?.Dispose();
        """);

    [Fact]
    public Task Wrapper_disposed_through_IDisposable_cast_is_silent() => V("""
            var copy = SafeDrmSessionHandle.Adopt(session);
            ((IDisposable)copy).Dispose();
        """);

    [Fact]
    public Task Wrapper_assigned_to_base_type_then_disposed_is_silent() => V("""
            SafeHandle owned = SafeDrmQueryHandle.ParseUnboundLicense("cert");
            owned.Dispose();
        """);

    [Fact]
    public Task Wrapper_returned_is_silent() => VRaw("""
        internal static class Factory
        {
            public static SafeDrmPubHandle User() => SafeDrmPubHandle.CreateUser("a", "b", "c");

            public static SafeDrmSessionHandle Copy(SafeDrmSessionHandle session)
            {
                var copy = session.Duplicate();
                return copy;
            }
        }
        """);

    [Fact]
    public Task Wrapper_in_field_initializer_is_silent() => VRaw("""
        internal sealed class Holder
        {
            private readonly SafeDrmPubHandle _user = SafeDrmPubHandle.CreateUser("a", "b", "c");
            private SafeDrmPubHandle Current { get; } = SafeDrmPubHandle.CreateUser("d", "e", "f");
        }
        """);

    [Fact]
    public Task Wrapper_from_NativeMethods_raw_adopted_in_using_is_silent() => V("""
            DrmException.ThrowIfFailed(NativeMethods.DRMCreateUser("a", "b", "c", out uint raw));
            using (var user = SafeDrmPubHandle.Adopt(raw))
            {
                Console.WriteLine(user.Value);
            }
        """);

    [Fact]
    public Task Wrapper_disposed_only_on_success_of_unrelated_call_is_reported() => V("""
            var copy = {|MSDRM001:SafeDrmSessionHandle.Adopt(session)|};
            if (Native.DRMIsActivated(copy.Value, 0, IntPtr.Zero) >= 0)
            {
                copy.Dispose();
            }
        """);

    [Fact]
    public Task Wrapper_top_level_using_is_silent()
        => Verify<MSDRM001HandleNotClosedAnalyzer>(Raw("""
            using var user = SafeDrmPubHandle.CreateUser("a", "b", "c");
            Console.WriteLine(user.Value);
            """), topLevel: true);

    [Fact]
    public Task Wrapper_top_level_leak_is_reported()
        => Verify<MSDRM001HandleNotClosedAnalyzer>(Raw("""
            var user = {|MSDRM001:SafeDrmPubHandle.CreateUser("a", "b", "c")|};
            Console.WriteLine(user.Value);
            """), topLevel: true);

    private static Task VRaw(string text) => Verify<MSDRM001HandleNotClosedAnalyzer>(Raw(text));
}
