using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using MsDrm.EndToEnd.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace MsDrm.EndToEnd.Tests.LanguageServer;

/// <summary>
/// The warnings reach an editor: the csharp-ls language server, run as an editor runs it (over
/// stdio, with <c>csharp.analyzersEnabled = true</c> in the client's settings), reports MSDRM001 and
/// MSDRM002 on a consumer project that references the packed package, and drops them once the
/// document is edited to the fixed form. csharp-ls offers no code fixes from analyzer packages, so
/// the fixes are tested elsewhere (in process, and through dotnet format in <see cref="ConsumerFixTests"/>).
/// </summary>
[Collection(PackedPackageCollection.Name)]
public sealed class CSharpLsTests
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan PullInterval = TimeSpan.FromMilliseconds(250);

    private readonly PackedPackage package;
    private readonly ITestOutputHelper output;

    public CSharpLsTests(PackedPackage package, ITestOutputHelper output)
    {
        this.package = package;
        this.output = output;
    }

    /// <summary>csharp-ls 0.28.0 serves both modes: push unless the client announces pull support.</summary>
    [Theory]
    [InlineData(DiagnosticsMode.Push)]
    [InlineData(DiagnosticsMode.Pull)]
    public async Task ReportsBothRules_AndDropsThemAfterTheEditToTheFixedForm(DiagnosticsMode mode)
    {
        var total = Stopwatch.StartNew();
        CSharpLsTool tool = CSharpLsTool.Install(package);
        var consumer = ConsumerProject.Create(package, "csharp-ls-" + mode.ToString().ToLowerInvariant(), ConsumerPrograms.LeakyProgram);
        var restoreClock = Stopwatch.StartNew();
        ProcessResult restore = consumer.DotNet("restore", consumer.ProjectPath, "-nodeReuse:false");
        Assert.True(restore.ExitCode == 0, restore.ToString());
        restoreClock.Stop();

        var clock = Stopwatch.StartNew();
        var callbacks = new LspClientCallbacks(EditorSettings(), clock);
        var document = new Uri(consumer.ProgramPath);
        await using LspClient client = LspClient.Start(tool.Executable, ["--locale", "en-US"], consumer.Folder, ServerEnvironment(), callbacks);
        try
        {
            JsonElement capabilities = await Within(client, "initialize", ct => client.InitializeAsync(new Uri(consumer.Folder), mode, ct));
            TimeSpan serverStart = clock.Elapsed;
            if (mode == DiagnosticsMode.Pull)
            {
                Assert.True(capabilities.TryGetProperty("diagnosticProvider", out _), "the server does not offer pull diagnostics:\n" + capabilities);
            }

            TimeSpan opened = clock.Elapsed;
            await client.OpenAsync(document, ConsumerPrograms.LeakyProgram);
            IReadOnlyList<LspDiagnostic> first = await Within(client, "the first MSDRM diagnostics", ct => NextDiagnosticsAsync(client, mode, document, d => d.Any(x => x.IsMsDrm), ct));
            TimeSpan openToDiagnostics = clock.Elapsed - opened;

            Assert.Contains("csharp", callbacks.ConfigurationSectionsRequested);
            Assert.Equal(ExpectedDiagnostics(), first.Where(d => d.IsMsDrm).OrderBy(d => d.Range.StartLine));

            await AssertNoFixFromThePackageAsync(client, document, first.Where(d => d.IsMsDrm));

            TimeSpan edited = clock.Elapsed;
            await client.ChangeAsync(document, 2, FixedProgram());
            IReadOnlyList<LspDiagnostic> update = await Within(client, "diagnostics without MSDRM after the edit", ct => NextDiagnosticsAsync(client, mode, document, d => !d.Any(x => x.IsMsDrm), ct));
            TimeSpan editToUpdate = clock.Elapsed - edited;

            // The fixed form compiles (no error), so the empty list is the analyzers' verdict on it.
            Assert.DoesNotContain(update, d => d.Severity == LspDiagnostic.Error);

            output.WriteLine($"csharp-ls {CSharpLsTool.Version}, {mode} diagnostics");
            output.WriteLine($"tool install (once per run): {tool.InstallTime.TotalSeconds:F1} s; consumer restore: {restoreClock.Elapsed.TotalSeconds:F1} s");
            output.WriteLine($"server start (process start to initialize result): {serverStart.TotalSeconds:F2} s");
            output.WriteLine($"didOpen to first MSDRM diagnostics (includes the project load the server starts after initialized): {openToDiagnostics.TotalSeconds:F2} s");
            output.WriteLine($"of which the project load (the server's progress begin to end): {(callbacks.FirstProgressEnd - callbacks.FirstProgressBegin)?.TotalSeconds:F2} s");
            output.WriteLine($"didChange to the update without them: {editToUpdate.TotalSeconds:F2} s");
            output.WriteLine($"test total: {total.Elapsed.TotalSeconds:F1} s");
        }
        finally
        {
            output.WriteLine(string.Join(Environment.NewLine, callbacks.Log));
        }
    }

    /// <summary>
    /// The known limit the README states: csharp-ls 0.28.0 answers code actions at the warnings
    /// (Roslyn's own refactorings) but offers none of the package's fixes, whose edits would bring
    /// a SafeDrm handle, a finally block or a throw. When this fails, csharp-ls has gained them:
    /// update the README's "In your editor" section and this check.
    /// </summary>
    private static async Task AssertNoFixFromThePackageAsync(LspClient client, Uri document, IEnumerable<LspDiagnostic> diagnostics)
    {
        // Words of the fixes' titles and edits; the refactorings quote the program, so not its own words.
        string[] fixTelltales = new[] { "SafeDrm", "Adopt", "finally", "ThrowIfFailed", "ThrowExceptionForHR", "using statement", "Throw when" }
            .Where(t => !ConsumerPrograms.LeakyProgram.Contains(t, StringComparison.Ordinal))
            .ToArray();
        Assert.NotEmpty(fixTelltales);
        foreach (LspDiagnostic diagnostic in diagnostics)
        {
            IReadOnlyList<JsonElement> actions = await Within(client, "code actions at " + diagnostic.Code, ct => client.CodeActionsAsync(document, diagnostic, ct));
            string titles = string.Join(" | ", actions.Select(a => a.TryGetProperty("title", out JsonElement t) ? t.GetString() : a.GetRawText()));
            client.Callbacks.Record($"code actions at {diagnostic.Code}: {titles}");
            Assert.True(actions.Count > 0, "csharp-ls answered no code action at " + diagnostic);
            Assert.DoesNotContain(actions, a => fixTelltales.Any(t => a.GetRawText().Contains(t, StringComparison.Ordinal)));
        }
    }

    /// <summary>The editor's settings: the <c>csharp</c> section csharp-ls reads, analyzers on.</summary>
    private static JsonObject EditorSettings() =>
        new() { ["csharp"] = new JsonObject { ["analyzersEnabled"] = true } };

    /// <summary>
    /// The consumers' environment (private package cache, no MSBuild variables of the test host),
    /// the .NET install that runs the tests for the tool's launcher, and major roll-forward so the
    /// tool (built for net10.0) still starts where only a newer runtime is installed.
    /// </summary>
    private Dictionary<string, string?> ServerEnvironment() =>
        package.Cli.ChildEnvironment(new Dictionary<string, string?>
        {
            ["DOTNET_ROOT"] = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", "..")),
            ["DOTNET_ROLL_FORWARD"] = "Major",
            ["DOTNET_CLI_UI_LANGUAGE"] = "en-US",
        });

    /// <summary>Push: the next matching publishDiagnostics. Pull: asks until the report matches.</summary>
    private static async Task<IReadOnlyList<LspDiagnostic>> NextDiagnosticsAsync(
        LspClient client,
        DiagnosticsMode mode,
        Uri document,
        Func<IReadOnlyList<LspDiagnostic>, bool> accept,
        CancellationToken cancellationToken)
    {
        if (mode == DiagnosticsMode.Push)
        {
            return (await client.WaitForPublishedAsync(document, accept, cancellationToken)).Diagnostics;
        }

        while (true)
        {
            IReadOnlyList<LspDiagnostic> report = await client.PullDiagnosticsAsync(document, cancellationToken);
            client.Callbacks.Record($"pulled [{string.Join("; ", report.Where(d => d.IsMsDrm))}]");
            if (accept(report))
            {
                return report;
            }

            await Task.Delay(PullInterval, cancellationToken);
        }
    }

    /// <summary>Runs one step with a time limit; on timeout fails with the server's messages and log.</summary>
    private static async Task<T> Within<T>(LspClient client, string what, Func<CancellationToken, Task<T>> step)
    {
        using var timeout = new CancellationTokenSource(StepTimeout);
        try
        {
            return await step(timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            string stderr = client.StandardError;
            Assert.Fail(
                $"csharp-ls did not deliver {what} within {StepTimeout}.\n--- messages\n{string.Join('\n', client.Callbacks.Log)}" +
                $"\n--- server log (tail)\n{stderr[Math.Max(0, stderr.Length - 8000)..]}");
            throw;
        }
    }

    private static LspDiagnostic[] ExpectedDiagnostics() =>
    [
        new(
            "MSDRM001",
            LspDiagnostic.Warning,
            InvocationRange(ConsumerPrograms.LeakMarker),
            "Handle 'duplicate' created by 'DRMDuplicateSession' is not closed with 'DRMCloseSession' on every path" +
            $" (still open at the end of the method on line {SourceMarkers.LineOf(ConsumerPrograms.LeakyProgram, ConsumerPrograms.LeakLostMarker)})"),
        new("MSDRM002", LspDiagnostic.Warning, InvocationRange(ConsumerPrograms.IgnoredMarker), "The HRESULT returned by 'DRMDuplicateSession' is ignored"),
    ];

    /// <summary>The msdrm.dll invocation on the marked line (the rules report the invocation), 0-based.</summary>
    private static LspRange InvocationRange(string marker)
    {
        int line = SourceMarkers.LineOf(ConsumerPrograms.LeakyProgram, marker) - 1;
        string text = ConsumerPrograms.LeakyProgram.ReplaceLineEndings("\n").Split('\n')[line];
        int start = text.IndexOf("Native.", StringComparison.Ordinal);
        int end = text.IndexOf(')', start) + 1;
        return new LspRange(line, start, line, end);
    }

    /// <summary>The leaky program with both defects repaired by hand: the duplicate closed, the HRESULT tested.</summary>
    private static string FixedProgram() =>
        Replace(
            Replace(
                ConsumerPrograms.LeakyProgram,
                """Console.WriteLine(hr >= 0 ? "duplicate is activated" : "duplicate is not activated");""",
                """Console.WriteLine(hr >= 0 ? "duplicate is activated" : "duplicate is not activated"); _ = Native.DRMCloseSession(duplicate);"""),
            "Native.DRMDuplicateSession(session, out uint copy); // expect MSDRM002",
            "if (Native.DRMDuplicateSession(session, out uint copy) < 0) { return; }");

    private static string Replace(string source, string oldText, string newText)
    {
        Assert.True(source.Contains(oldText, StringComparison.Ordinal), "the consumer program changed; update the fixed form: " + oldText);
        return source.Replace(oldText, newText, StringComparison.Ordinal);
    }
}
