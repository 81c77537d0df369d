using System.Text.RegularExpressions;
using MsDrm.Testing;
using Xunit.Abstractions;

namespace MsDrm.CodeFixes.Tests.EndToEnd;

/// <summary>
/// The fixes as a user gets them from the command line: a small project with leaks and ignored
/// HRESULTs references the built MsDrm.Analyzers.dll and MsDrm.CodeFixes.dll as analyzers and
/// MsDrm.Runtime.dll; <c>dotnet format analyzers --diagnostics MSDRM001 MSDRM002</c> fixes it, and
/// a rebuild has no MSDRM diagnostic and no error.
/// </summary>
public partial class DotnetFormatTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(6);

    private const string Program = """
        using System;
        using MsDrm;

        namespace Sample;

        public static class Work
        {
            public static void Leaks(uint session, SafeDrmSessionHandle wrapper)
            {
                // Copy the session and use it.
                Native.DRMDuplicateSession(session, out uint copy);
                _ = Native.DRMIsActivated(copy, 0, IntPtr.Zero);

                var duplicate = wrapper.Duplicate();
                Console.WriteLine(duplicate.Value);

                int hr = Native.DRMParseUnboundLicense("<xrml/>", out uint query);
                if (hr >= 0)
                {
                    _ = Native.DRMGetUnboundLicenseObjectCount(query, "principal", out uint count);
                    Console.WriteLine(count);
                }

                Native.DRMRepair();
            }

            public static int Early(uint environment)
            {
                int hr = Native.DRMDuplicateEnvironmentHandle(environment, out uint copy);
                if (hr < 0)
                {
                    return hr;
                }

                _ = Native.DRMCreateEnablingPrincipal(copy, 0, "owner", IntPtr.Zero, "credentials", out uint principal);
                Native.DRMCloseHandle(principal);
                return 0;
            }

            public static void Two(uint issuance)
            {
                DrmException.ThrowIfFailed(Native.DRMCreateUser("user", "id", "email", out uint user));
                DrmException.ThrowIfFailed(Native.DRMCreateRight("view", IntPtr.Zero, IntPtr.Zero, 0, Array.Empty<string>(), Array.Empty<string>(), out uint right));
                DrmException.ThrowIfFailed(Native.DRMAddRightWithUser(issuance, right, user));
            }

            public static void Ignored(uint client) => Native.DRMIsActivated(client, 0, IntPtr.Zero);
        }
        """;

    [Fact]
    public async Task DotnetFormat_FixesEveryDiagnostic_AndTheProjectBuilds()
    {
        string directory = Path.Combine(Path.GetTempPath(), "msdrm-format-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            WriteProject(directory);

            var before = await BuildAsync(directory);
            var diagnosticsBefore = MsDrmDiagnostics(before.Output);
            output.WriteLine("before: " + string.Join(", ", diagnosticsBefore));
            Assert.True(before.ExitCode == 0, before.Output);
            Assert.True(diagnosticsBefore.Count(d => d.EndsWith("MSDRM001", StringComparison.Ordinal)) >= 5, string.Join("\n", diagnosticsBefore));
            Assert.True(diagnosticsBefore.Count(d => d.EndsWith("MSDRM002", StringComparison.Ordinal)) >= 3, string.Join("\n", diagnosticsBefore));

            var format = await ProcessRunner.RunAsync(
                "dotnet", "format analyzers Sample.csproj --diagnostics MSDRM001 MSDRM002 --severity info --no-restore -v diag", directory, Timeout);
            output.WriteLine(format.Output);
            Assert.True(format.ExitCode == 0, format.Output);

            string fixedProgram = File.ReadAllText(Path.Combine(directory, "Program.cs"));
            output.WriteLine(fixedProgram);
            Assert.NotEqual(Program.ReplaceLineEndings(), fixedProgram.ReplaceLineEndings());

            var after = await BuildAsync(directory);
            Assert.True(after.ExitCode == 0, after.Output);
            Assert.Empty(MsDrmDiagnostics(after.Output));
            Assert.DoesNotContain(": error ", after.Output);
        }
        finally
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // A build server may still hold a file; the temp folder is cleaned by the OS.
            }
        }
    }

    private static Task<(int ExitCode, string Output)> BuildAsync(string directory)
        => ProcessRunner.RunAsync("dotnet", "build Sample.csproj -nodeReuse:false -p:UseSharedCompilation=false -clp:NoSummary", directory, Timeout);

    private static List<string> MsDrmDiagnostics(string buildOutput)
        => MsDrmDiagnostic().Matches(buildOutput).Select(m => m.Value).Distinct().ToList();

    private static void WriteProject(string directory)
    {
        string bin = AppContext.BaseDirectory;
        // Stop MSBuild from importing Directory.*.props/targets of any folder above the temp folder.
        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(directory, "Directory.Build.targets"), "<Project />");
        File.WriteAllText(Path.Combine(directory, "Directory.Packages.props"), "<Project />");
        File.WriteAllText(Path.Combine(directory, "Sample.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net{Environment.Version.Major}.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <EnableNETAnalyzers>false</EnableNETAnalyzers>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
                <Analyzer Include="{Path.Combine(bin, "MsDrm.Analyzers.dll")}" />
                <Analyzer Include="{Path.Combine(bin, "MsDrm.CodeFixes.dll")}" />
                <Reference Include="{Path.Combine(bin, "MsDrm.Runtime.dll")}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, DrmDeclarations.FileName), DrmDeclarations.Source);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), Program);
    }

    [GeneratedRegex(@"\S+\.cs\(\d+,\d+\): warning MSDRM00\d")]
    private static partial Regex MsDrmDiagnostic();
}
