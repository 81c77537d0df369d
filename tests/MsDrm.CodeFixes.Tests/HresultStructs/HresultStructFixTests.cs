using MsDrm.CodeFixes.Tests.Infrastructure;
using MsDrm.Testing;
using MsDrm.Testing.Cases;
using MsDrm.Testing.HresultStructs;
using Xunit.Abstractions;

namespace MsDrm.CodeFixes.Tests.HresultStructs;

/// <summary>
/// The fixes on imports returning an HRESULT struct: MSDRM002 checks with the struct's own
/// <c>ThrowOnFailure()</c> when it has one, else through the throw helper as an <c>int</c>; every
/// offered fix of every Wrong case keeps the fix contract (removes its diagnostic, no compile error,
/// no other MSDRM diagnostic, Fix All too).
/// </summary>
public class HresultStructFixTests(ITestOutputHelper output)
{
    private static readonly (string Name, string Text)[] Bindings =
        [(CsWin32Bindings.FileName, CsWin32Bindings.Source), (OtherHresultBindings.FileName, OtherHresultBindings.Source)];

    public static TheoryData<string> Names() => new(HresultStructCases.Cases.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Every_offered_fix_keeps_the_contract(string name)
    {
        var (failures, texts) = await FixContract.CheckAsync(StripMarkup(HresultStructCases.Get(name).Wrong), extraSources: Bindings);
        texts.ForEach(output.WriteLine);
        Assert.Empty(failures);
    }

    [Fact]
    public Task CsWin32_dropped_result_gets_ThrowOnFailure() => VerifyAsync("""
        using Windows.Win32;

        class C
        {
            void M(uint pub)
            {
                {|MSDRM002:PInvoke.DRMSetIntervalTime(pub, 7)|}; // keep
            }
        }
        """, """
        using Windows.Win32;

        class C
        {
            void M(uint pub)
            {
                PInvoke.DRMSetIntervalTime(pub, 7).ThrowOnFailure(); // keep
            }
        }
        """);

    [Fact]
    public Task CsWin32_dead_store_is_checked_after_it_with_ThrowOnFailure() => VerifyAsync("""
        using Windows.Win32;
        using Windows.Win32.Foundation;

        class C
        {
            void M(uint pub)
            {
                HRESULT hr = {|MSDRM002:PInvoke.DRMSetIntervalTime(pub, 7)|};
                hr = PInvoke.DRMSetIntervalTime(pub, 8);
                hr.ThrowOnFailure();
            }
        }
        """, """
        using Windows.Win32;
        using Windows.Win32.Foundation;

        class C
        {
            void M(uint pub)
            {
                HRESULT hr = PInvoke.DRMSetIntervalTime(pub, 7);
                hr.ThrowOnFailure();
                hr = PInvoke.DRMSetIntervalTime(pub, 8);
                hr.ThrowOnFailure();
            }
        }
        """);

    [Fact]
    public Task TerraFX_result_goes_to_ThrowIfFailed_through_its_int_conversion() => VerifyAsync("""
        using static TerraFX.Interop.Windows.Windows;

        class C
        {
            void M(uint pub)
            {
                {|MSDRM002:DRMSetIntervalTime(pub, 7)|};
            }
        }
        """, """
        using MsDrm;
        using static TerraFX.Interop.Windows.Windows;

        class C
        {
            void M(uint pub)
            {
                DrmException.ThrowIfFailed(DRMSetIntervalTime(pub, 7));
            }
        }
        """);

    [Fact]
    public Task Struct_without_conversion_passes_its_Value() => VerifyAsync("""
        using System.Runtime.InteropServices;

        namespace Plain
        {
            internal struct HRESULT
            {
                public int Value;
            }

            internal static class Drm
            {
                [DllImport("msdrm.dll")]
                internal static extern HRESULT DRMSetIntervalTime(uint hIssuanceLicense, uint cDays);
            }

            class C
            {
                void M(uint pub)
                {
                    {|MSDRM002:Drm.DRMSetIntervalTime(pub, 7)|};
                }
            }
        }
        """, """
        using System.Runtime.InteropServices;
        using MsDrm;

        namespace Plain
        {
            internal struct HRESULT
            {
                public int Value;
            }

            internal static class Drm
            {
                [DllImport("msdrm.dll")]
                internal static extern HRESULT DRMSetIntervalTime(uint hIssuanceLicense, uint cDays);
            }

            class C
            {
                void M(uint pub)
                {
                    DrmException.ThrowIfFailed(Drm.DRMSetIntervalTime(pub, 7).Value);
                }
            }
        }
        """);

    private static Task VerifyAsync(string source, string fixedSource)
    {
        var test = new DrmCodeFixTest<MSDRM002HresultIgnoredCodeFixProvider>(source, fixedSource);
        foreach ((string name, string text) in Bindings)
        {
            test.TestState.Sources.Add((name, text));
            test.FixedState.Sources.Add((name, text));
        }

        test.SolutionTransforms.Add((solution, projectId) => solution.WithProjectCompilationOptions(
            projectId, ((Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions)solution.GetProject(projectId)!.CompilationOptions!).WithAllowUnsafe(true)));
        return test.RunAsync(CancellationToken.None);
    }

    private static string StripMarkup(string source) => CaseMarkup.Parse(source).Source;
}
