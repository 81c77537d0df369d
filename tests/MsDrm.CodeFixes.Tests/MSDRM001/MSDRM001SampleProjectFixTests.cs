using Microsoft.CodeAnalysis.Testing;
using MsDrm.CodeFixes.Tests.Infrastructure;

namespace MsDrm.CodeFixes.Tests.MSDRM001;

/// <summary>
/// Fixes in files shaped like samples/MsDrm.Sample: a file-scoped namespace inside <c>MsDrm</c>,
/// ImplicitUsings (global usings in another file) and the program's own NativeDrm declarations.
/// The import step must add nothing there (not even a blank line), and the DRMGetUsers loop gets
/// its block after <c>if (hr == E_DRM_NO_MORE_DATA) break;</c>.
/// </summary>
public class MSDRM001SampleProjectFixTests
{
    private const string ImplicitUsings = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;

        """;

    private const string NativeDrm = """
        #nullable enable
        using System.Runtime.InteropServices;

        namespace MsDrm.Sample;

        internal static class NativeDrm
        {
            public const int E_DRM_NO_MORE_DATA = unchecked((int)0x8004CF33);

            [DllImport("msdrm.dll")]
            public static extern int DRMIsActivated(uint hClient, uint uFlags, IntPtr pActServInfo);

            [DllImport("msdrm.dll")]
            public static extern int DRMDuplicateSession(uint hSessionIn, out uint phSessionOut);

            [DllImport("msdrm.dll")]
            public static extern int DRMCloseSession(uint hSession);

            [DllImport("msdrm.dll", CharSet = CharSet.Unicode)]
            public static extern int DRMCreateIssuanceLicense(IntPtr pstTimeFrom, IntPtr pstTimeUntil, string? wszReferralInfoName, string? wszReferralInfoUrl, uint hOwner, string? wszIssuanceLicense, uint hBoundLicense, out uint phIssuanceLicense);

            [DllImport("msdrm.dll")]
            public static extern int DRMGetUsers(uint hIssuanceLicense, uint uIndex, out uint phUser);

            [DllImport("msdrm.dll")]
            public static extern int DRMAddRightWithUser(uint hIssuanceLicense, uint hRight, uint hUser);

            [DllImport("msdrm.dll")]
            public static extern int DRMClosePubHandle(uint hPub);
        }

        """;

    private static Task VerifyAsync(string source, string fixedSource, string? equivalenceKey = null, string globalUsings = ImplicitUsings)
    {
        var test = new DrmCodeFixTest<MSDRM001HandleNotClosedCodeFixProvider>(source, fixedSource) { CodeActionEquivalenceKey = equivalenceKey };
        foreach (SolutionState state in new[] { test.TestState, test.FixedState })
        {
            state.Sources.Add(("GlobalUsings.g.cs", globalUsings));
            state.Sources.Add(("NativeDrm.cs", NativeDrm));
        }

        return test.RunAsync(CancellationToken.None);
    }

    private static Task VerifyThrowAsync(string source, string fixedSource)
    {
        var test = new DrmCodeFixTest<MSDRM002HresultIgnoredCodeFixProvider>(source, fixedSource);
        foreach (SolutionState state in new[] { test.TestState, test.FixedState })
        {
            state.Sources.Add(("GlobalUsings.g.cs", ImplicitUsings));
            state.Sources.Add(("NativeDrm.cs", NativeDrm));
        }

        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task UserListing_ExactlyAsInSample() => VerifyAsync("""
        namespace MsDrm.Sample;

        /// <summary>Enumerates the users of an issuance license: every DRMGetUsers call hands out a new handle.</summary>
        internal static class UserListing
        {
            public static void CountUsers()
            {
                DrmException.ThrowIfFailed(NativeDrm.DRMCreateIssuanceLicense(IntPtr.Zero, IntPtr.Zero, null, null, 0, null, 0, out uint license));
                try
                {
                    uint count = 0;
                    for (uint index = 0; ; index++)
                    {
                        // MSDRM001: each turn overwrites the previous user handle without DRMClosePubHandle.
                        int hr = {|MSDRM001:NativeDrm.DRMGetUsers(license, index, out uint user)|};
                        if (hr == NativeDrm.E_DRM_NO_MORE_DATA)
                        {
                            break;
                        }

                        DrmException.ThrowIfFailed(hr);
                        count++;
                    }

                    Console.WriteLine($"the issuance license has {count} user(s)");
                }
                finally
                {
                    _ = NativeDrm.DRMClosePubHandle(license);
                }
            }
        }
        """, """
        namespace MsDrm.Sample;

        /// <summary>Enumerates the users of an issuance license: every DRMGetUsers call hands out a new handle.</summary>
        internal static class UserListing
        {
            public static void CountUsers()
            {
                DrmException.ThrowIfFailed(NativeDrm.DRMCreateIssuanceLicense(IntPtr.Zero, IntPtr.Zero, null, null, 0, null, 0, out uint license));
                try
                {
                    uint count = 0;
                    for (uint index = 0; ; index++)
                    {
                        // MSDRM001: each turn overwrites the previous user handle without DRMClosePubHandle.
                        int hr = NativeDrm.DRMGetUsers(license, index, out uint user);
                        if (hr == NativeDrm.E_DRM_NO_MORE_DATA)
                        {
                            break;
                        }

                        using (SafeDrmPubHandle.Adopt(user))
                        {
                        }

                        DrmException.ThrowIfFailed(hr);
                        count++;
                    }

                    Console.WriteLine($"the issuance license has {count} user(s)");
                }
                finally
                {
                    _ = NativeDrm.DRMClosePubHandle(license);
                }
            }
        }
        """, FixKinds.AdoptInUsing);

    [Fact]
    public Task UserListing_WithUsesAfterTheTest_BlockSpansThem() => VerifyAsync("""
        namespace MsDrm.Sample;

        internal static class UserListing
        {
            public static void Grant(uint license, uint right)
            {
                for (uint index = 0; ; index++)
                {
                    int hr = {|MSDRM001:NativeDrm.DRMGetUsers(license, index, out uint user)|};
                    if (hr == NativeDrm.E_DRM_NO_MORE_DATA)
                    {
                        break;
                    }

                    DrmException.ThrowIfFailed(hr);
                    DrmException.ThrowIfFailed(NativeDrm.DRMAddRightWithUser(license, right, user));
                    Console.WriteLine(index);
                }
            }
        }
        """, """
        namespace MsDrm.Sample;

        internal static class UserListing
        {
            public static void Grant(uint license, uint right)
            {
                for (uint index = 0; ; index++)
                {
                    int hr = NativeDrm.DRMGetUsers(license, index, out uint user);
                    if (hr == NativeDrm.E_DRM_NO_MORE_DATA)
                    {
                        break;
                    }

                    using (SafeDrmPubHandle.Adopt(user))
                    {
                        DrmException.ThrowIfFailed(hr);
                        DrmException.ThrowIfFailed(NativeDrm.DRMAddRightWithUser(license, right, user));
                    }
                    Console.WriteLine(index);
                }
            }
        }
        """, FixKinds.AdoptInUsing);

    [Fact]
    public Task SessionAudit_FileScopedNamespaceInsideMsDrm_AddsNoImportAndNoBlankLine() => VerifyAsync("""
        namespace MsDrm.Sample;

        internal static class SessionAudit
        {
            public static void CheckActivation(uint session)
            {
                DrmException.ThrowIfFailed({|MSDRM001:NativeDrm.DRMDuplicateSession(session, out uint spare)|});
                _ = NativeDrm.DRMIsActivated(spare, 1, IntPtr.Zero);
            }
        }
        """, """
        namespace MsDrm.Sample;

        internal static class SessionAudit
        {
            public static void CheckActivation(uint session)
            {
                DrmException.ThrowIfFailed(NativeDrm.DRMDuplicateSession(session, out uint spare));
                using (SafeDrmSessionHandle.Adopt(spare))
                {
                    _ = NativeDrm.DRMIsActivated(spare, 1, IntPtr.Zero);
                }
            }
        }
        """, FixKinds.AdoptInUsing);

    [Fact]
    public Task ThrowIfFailed_FileScopedNamespaceInsideMsDrm_AddsNoImportAndNoBlankLine() => VerifyThrowAsync("""
        namespace MsDrm.Sample;

        internal static class SessionAudit
        {
            public static void CheckActivation(uint session)
            {
                {|MSDRM002:NativeDrm.DRMIsActivated(session, 1, IntPtr.Zero)|};
            }
        }
        """, """
        namespace MsDrm.Sample;

        internal static class SessionAudit
        {
            public static void CheckActivation(uint session)
            {
                DrmException.ThrowIfFailed(NativeDrm.DRMIsActivated(session, 1, IntPtr.Zero));
            }
        }
        """);

    [Fact]
    public Task GlobalUsingOfMsDrm_OtherNamespace_AddsNoImportAndNoBlankLine() => VerifyAsync("""
        namespace Contoso.Audit;

        internal static class SessionAudit
        {
            public static void CheckActivation(uint session)
            {
                DrmException.ThrowIfFailed({|MSDRM001:MsDrm.Sample.NativeDrm.DRMDuplicateSession(session, out uint spare)|});
                _ = MsDrm.Sample.NativeDrm.DRMIsActivated(spare, 1, IntPtr.Zero);
            }
        }
        """, """
        namespace Contoso.Audit;

        internal static class SessionAudit
        {
            public static void CheckActivation(uint session)
            {
                DrmException.ThrowIfFailed(MsDrm.Sample.NativeDrm.DRMDuplicateSession(session, out uint spare));
                using (SafeDrmSessionHandle.Adopt(spare))
                {
                    _ = MsDrm.Sample.NativeDrm.DRMIsActivated(spare, 1, IntPtr.Zero);
                }
            }
        }
        """, FixKinds.AdoptInUsing, ImplicitUsings + "global using MsDrm;\n");

    [Fact]
    public Task UsingInsideBlockScopedNamespace_AddsNoImport() => VerifyAsync("""
        namespace Contoso.Audit
        {
            using MsDrm;
            using MsDrm.Sample;

            internal static class SessionAudit
            {
                public static void CheckActivation(uint session)
                {
                    DrmException.ThrowIfFailed({|MSDRM001:NativeDrm.DRMDuplicateSession(session, out uint spare)|});
                    _ = NativeDrm.DRMIsActivated(spare, 1, IntPtr.Zero);
                }
            }
        }
        """, """
        namespace Contoso.Audit
        {
            using MsDrm;
            using MsDrm.Sample;

            internal static class SessionAudit
            {
                public static void CheckActivation(uint session)
                {
                    DrmException.ThrowIfFailed(NativeDrm.DRMDuplicateSession(session, out uint spare));
                    using (SafeDrmSessionHandle.Adopt(spare))
                    {
                        _ = NativeDrm.DRMIsActivated(spare, 1, IntPtr.Zero);
                    }
                }
            }
        }
        """, FixKinds.AdoptInUsing);

    [Fact]
    public Task FileScopedNamespaceOutsideMsDrm_AddsOneImportWithoutStrayBlankLines() => VerifyAsync("""
        using MsDrm.Sample;

        namespace Contoso.Audit;

        internal static class SessionAudit
        {
            public static void CheckActivation(uint session)
            {
                int hr = {|MSDRM001:NativeDrm.DRMDuplicateSession(session, out uint spare)|};
                if (hr < 0)
                {
                    return;
                }

                _ = NativeDrm.DRMIsActivated(spare, 1, IntPtr.Zero);
            }
        }
        """, """
        using MsDrm;
        using MsDrm.Sample;

        namespace Contoso.Audit;

        internal static class SessionAudit
        {
            public static void CheckActivation(uint session)
            {
                int hr = NativeDrm.DRMDuplicateSession(session, out uint spare);
                if (hr < 0)
                {
                    return;
                }

                using (SafeDrmSessionHandle.Adopt(spare))
                {
                    _ = NativeDrm.DRMIsActivated(spare, 1, IntPtr.Zero);
                }
            }
        }
        """, FixKinds.AdoptInUsing);

    [Fact]
    public Task FileScopedNamespaceWithoutUsings_AddsOneImportWithoutStrayBlankLines() => VerifyAsync("""
        namespace Contoso.Audit;

        internal static class SessionAudit
        {
            public static void CheckActivation(uint session)
            {
                System.Console.WriteLine(session);
                MsDrm.DrmException.ThrowIfFailed({|MSDRM001:MsDrm.Sample.NativeDrm.DRMDuplicateSession(session, out uint spare)|});
                _ = MsDrm.Sample.NativeDrm.DRMIsActivated(spare, 1, IntPtr.Zero);
            }
        }
        """, """
        using MsDrm;

        namespace Contoso.Audit;

        internal static class SessionAudit
        {
            public static void CheckActivation(uint session)
            {
                System.Console.WriteLine(session);
                MsDrm.DrmException.ThrowIfFailed(MsDrm.Sample.NativeDrm.DRMDuplicateSession(session, out uint spare));
                using (SafeDrmSessionHandle.Adopt(spare))
                {
                    _ = MsDrm.Sample.NativeDrm.DRMIsActivated(spare, 1, IntPtr.Zero);
                }
            }
        }
        """, FixKinds.AdoptInUsing);
}
