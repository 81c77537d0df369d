using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using StreamJsonRpc;

namespace MsDrm.EndToEnd.Tests.LanguageServer;

/// <summary>How the client asks for diagnostics: the server pushes them, or the client pulls them.</summary>
public enum DiagnosticsMode
{
    /// <summary>The client does not announce pull support, so the server sends <c>textDocument/publishDiagnostics</c>.</summary>
    Push,

    /// <summary>The client announces pull support and asks with <c>textDocument/diagnostic</c>.</summary>
    Pull,
}

/// <summary>
/// A minimal LSP client over a language server's standard streams, on StreamJsonRpc (LSP's
/// Content-Length framing is its <see cref="HeaderDelimitedMessageHandler"/>).
/// </summary>
public sealed class LspClient : IAsyncDisposable
{
    private static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(10);
    private readonly Process process;
    private readonly JsonRpc rpc;
    private readonly StringBuilder standardError = new();

    private LspClient(Process process, JsonRpc rpc, LspClientCallbacks callbacks)
    {
        this.process = process;
        this.rpc = rpc;
        Callbacks = callbacks;
    }

    /// <summary>The client side: settings, registrations, published diagnostics, the message log.</summary>
    public LspClientCallbacks Callbacks { get; }

    /// <summary>Starts <paramref name="executable"/> and listens on its standard output.</summary>
    public static LspClient Start(
        string executable,
        IEnumerable<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string?> environment,
        LspClientCallbacks callbacks)
    {
        var startInfo = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach ((string name, string? value) in environment)
        {
            if (value is null)
            {
                startInfo.Environment.Remove(name);
            }
            else
            {
                startInfo.Environment[name] = value;
            }
        }

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("could not start " + executable);
        var formatter = new SystemTextJsonFormatter();
        formatter.JsonSerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        formatter.JsonSerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        var handler = new HeaderDelimitedMessageHandler(process.StandardInput.BaseStream, process.StandardOutput.BaseStream, formatter);
        var rpc = new JsonRpc(handler);
        rpc.AddLocalRpcTarget(callbacks);
        var client = new LspClient(process, rpc, callbacks);
        process.ErrorDataReceived += (_, e) => client.AppendStandardError(e.Data);
        process.BeginErrorReadLine();
        rpc.StartListening();
        return client;
    }

    /// <summary>What the server wrote to standard error (its log), for failure messages.</summary>
    public string StandardError
    {
        get
        {
            lock (standardError)
            {
                return standardError.ToString();
            }
        }
    }

    /// <summary>The <c>initialize</c> request; returns the server's capabilities.</summary>
    public async Task<JsonElement> InitializeAsync(Uri root, DiagnosticsMode mode, CancellationToken cancellationToken)
    {
        var textDocument = new JsonObject
        {
            ["synchronization"] = new JsonObject { ["dynamicRegistration"] = false, ["didSave"] = true },
            ["publishDiagnostics"] = new JsonObject { ["relatedInformation"] = true, ["versionSupport"] = true },
        };
        if (mode == DiagnosticsMode.Pull)
        {
            // Without dynamic registration the server announces pull support in its capabilities.
            textDocument["diagnostic"] = new JsonObject { ["dynamicRegistration"] = false, ["relatedDocumentSupport"] = false };
        }

        var parameters = new JsonObject
        {
            ["processId"] = Environment.ProcessId,
            ["clientInfo"] = new JsonObject { ["name"] = "MsDrm.EndToEnd.Tests" },
            ["locale"] = "en-US",
            ["rootUri"] = root.AbsoluteUri,
            ["workspaceFolders"] = new JsonArray(new JsonObject { ["uri"] = root.AbsoluteUri, ["name"] = "consumer" }),
            ["capabilities"] = new JsonObject
            {
                ["workspace"] = new JsonObject
                {
                    ["configuration"] = true,
                    ["workspaceFolders"] = true,
                    ["didChangeConfiguration"] = new JsonObject { ["dynamicRegistration"] = true },
                },
                ["textDocument"] = textDocument,
                ["window"] = new JsonObject { ["workDoneProgress"] = true },
            },
        };
        JsonElement result = await rpc.InvokeWithParameterObjectAsync<JsonElement>("initialize", parameters, cancellationToken);
        await rpc.NotifyWithParameterObjectAsync("initialized", new JsonObject());
        return result.GetProperty("capabilities");
    }

    /// <summary><c>textDocument/didOpen</c> with the whole text.</summary>
    public Task OpenAsync(Uri document, string text) =>
        rpc.NotifyWithParameterObjectAsync("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject
            {
                ["uri"] = document.AbsoluteUri,
                ["languageId"] = "csharp",
                ["version"] = 1,
                ["text"] = text,
            },
        });

    /// <summary><c>textDocument/didChange</c> replacing the whole text (valid for full and incremental sync).</summary>
    public Task ChangeAsync(Uri document, int version, string text) =>
        rpc.NotifyWithParameterObjectAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = document.AbsoluteUri, ["version"] = version },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = text }),
        });

    /// <summary><c>textDocument/codeAction</c> at a diagnostic, as an editor asks for its light bulb.</summary>
    public async Task<IReadOnlyList<JsonElement>> CodeActionsAsync(Uri document, LspDiagnostic diagnostic, CancellationToken cancellationToken)
    {
        JsonObject Range() => new()
        {
            ["start"] = new JsonObject { ["line"] = diagnostic.Range.StartLine, ["character"] = diagnostic.Range.StartCharacter },
            ["end"] = new JsonObject { ["line"] = diagnostic.Range.EndLine, ["character"] = diagnostic.Range.EndCharacter },
        };
        JsonElement actions = await rpc.InvokeWithParameterObjectAsync<JsonElement>(
            "textDocument/codeAction",
            new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = document.AbsoluteUri },
                ["range"] = Range(),
                ["context"] = new JsonObject
                {
                    ["diagnostics"] = new JsonArray(new JsonObject
                    {
                        ["range"] = Range(),
                        ["severity"] = diagnostic.Severity,
                        ["code"] = diagnostic.Code,
                        ["message"] = diagnostic.Message,
                    }),
                },
            },
            cancellationToken);
        return actions.ValueKind == JsonValueKind.Array ? actions.EnumerateArray().Select(a => a.Clone()).ToArray() : [];
    }

    /// <summary><c>textDocument/diagnostic</c>: the document's full diagnostic report.</summary>
    public async Task<IReadOnlyList<LspDiagnostic>> PullDiagnosticsAsync(Uri document, CancellationToken cancellationToken)
    {
        JsonElement report = await rpc.InvokeWithParameterObjectAsync<JsonElement>(
            "textDocument/diagnostic",
            new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = document.AbsoluteUri } },
            cancellationToken);
        string kind = report.GetProperty("kind").GetString() ?? string.Empty;
        if (kind != "full")
        {
            throw new InvalidOperationException("expected a full report without a previous result id, got: " + report.GetRawText());
        }

        return LspDiagnostic.ParseAll(report.GetProperty("items"));
    }

    /// <summary>Waits for the first <c>publishDiagnostics</c> of <paramref name="document"/> that satisfies <paramref name="accept"/>.</summary>
    public async Task<PublishedDiagnostics> WaitForPublishedAsync(
        Uri document,
        Func<IReadOnlyList<LspDiagnostic>, bool> accept,
        CancellationToken cancellationToken)
    {
        while (true)
        {
            PublishedDiagnostics published = await Callbacks.Published.Reader.ReadAsync(cancellationToken);
            if (SameFile(published.Uri, document) && accept(published.Diagnostics))
            {
                return published;
            }
        }
    }

    /// <summary>Ends the session politely (shutdown, exit), then makes sure the process is gone.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                using var timeout = new CancellationTokenSource(ExitWait);
                await rpc.InvokeWithCancellationAsync<JsonElement?>("shutdown", null, timeout.Token);
                await rpc.NotifyAsync("exit");
                await process.WaitForExitAsync(timeout.Token);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or RemoteRpcException or ConnectionLostException or ObjectDisposedException or IOException)
        {
            Callbacks.Record("shutdown was not clean: " + ex.Message);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            rpc.Dispose();
            process.Dispose();
        }
    }

    private static bool SameFile(Uri left, Uri right) =>
        string.Equals(Path.GetFullPath(left.LocalPath), Path.GetFullPath(right.LocalPath), StringComparison.Ordinal);

    private void AppendStandardError(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (standardError)
        {
            standardError.AppendLine(line);
        }
    }
}
