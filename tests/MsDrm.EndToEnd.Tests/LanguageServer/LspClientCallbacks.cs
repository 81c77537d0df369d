using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using StreamJsonRpc;

namespace MsDrm.EndToEnd.Tests.LanguageServer;

/// <summary>A <c>textDocument/publishDiagnostics</c> notification and when it arrived.</summary>
public sealed record PublishedDiagnostics(Uri Uri, IReadOnlyList<LspDiagnostic> Diagnostics, TimeSpan ReceivedAt);

/// <summary>
/// What the client answers to the server's requests and notifications, as an editor would: the
/// workspace settings, capability registrations, progress tokens, and a record of everything else.
/// </summary>
public sealed class LspClientCallbacks
{
    private readonly JsonObject settings;
    private readonly Stopwatch clock;
    private readonly ConcurrentQueue<string> log = new();

    /// <summary>Answers <c>workspace/configuration</c> from <paramref name="settings"/> (section paths are dotted).</summary>
    public LspClientCallbacks(JsonObject settings, Stopwatch clock)
    {
        this.settings = settings;
        this.clock = clock;
    }

    /// <summary>Every <c>textDocument/publishDiagnostics</c>, in arrival order.</summary>
    public Channel<PublishedDiagnostics> Published { get; } = Channel.CreateUnbounded<PublishedDiagnostics>();

    /// <summary>The server's requests, notifications and log messages, for failure messages and timings.</summary>
    public IReadOnlyCollection<string> Log => log;

    /// <summary>The sections the server asked for with <c>workspace/configuration</c>.</summary>
    public ConcurrentQueue<string> ConfigurationSectionsRequested { get; } = new();

    /// <summary>The methods the server registered with <c>client/registerCapability</c>.</summary>
    public ConcurrentQueue<string> Registrations { get; } = new();

    [JsonRpcMethod("workspace/configuration", UseSingleObjectParameterDeserialization = true)]
    public JsonNode?[] WorkspaceConfiguration(JsonElement parameters)
    {
        var answers = new List<JsonNode?>();
        foreach (JsonElement item in parameters.GetProperty("items").EnumerateArray())
        {
            string section = item.TryGetProperty("section", out JsonElement s) ? s.GetString() ?? string.Empty : string.Empty;
            ConfigurationSectionsRequested.Enqueue(section);
            Record("request workspace/configuration section=" + section);
            answers.Add(Section(section)?.DeepClone());
        }

        return answers.ToArray();
    }

    [JsonRpcMethod("client/registerCapability", UseSingleObjectParameterDeserialization = true)]
    public object? RegisterCapability(JsonElement parameters)
    {
        foreach (JsonElement registration in parameters.GetProperty("registrations").EnumerateArray())
        {
            string method = registration.GetProperty("method").GetString() ?? string.Empty;
            Registrations.Enqueue(method);
            Record("request client/registerCapability " + method);
        }

        return null;
    }

    [JsonRpcMethod("client/unregisterCapability", UseSingleObjectParameterDeserialization = true)]
    public object? UnregisterCapability(JsonElement parameters)
    {
        Record("request client/unregisterCapability " + parameters.GetRawText());
        return null;
    }

    [JsonRpcMethod("window/workDoneProgress/create", UseSingleObjectParameterDeserialization = true)]
    public object? CreateWorkDoneProgress(JsonElement parameters)
    {
        Record("request window/workDoneProgress/create " + parameters.GetRawText());
        return null;
    }

    [JsonRpcMethod("window/showMessageRequest", UseSingleObjectParameterDeserialization = true)]
    public object? ShowMessageRequest(JsonElement parameters)
    {
        // No action chosen, as when a user dismisses the prompt.
        Record("request window/showMessageRequest " + parameters.GetRawText());
        return null;
    }

    [JsonRpcMethod("workspace/diagnostic/refresh")]
    public object? DiagnosticRefresh()
    {
        Record("request workspace/diagnostic/refresh");
        return null;
    }

    [JsonRpcMethod("textDocument/publishDiagnostics", UseSingleObjectParameterDeserialization = true)]
    public void PublishDiagnostics(JsonElement parameters)
    {
        var published = new PublishedDiagnostics(
            new Uri(parameters.GetProperty("uri").GetString()!),
            LspDiagnostic.ParseAll(parameters.GetProperty("diagnostics")),
            clock.Elapsed);
        Record($"notification textDocument/publishDiagnostics {published.Uri} [{string.Join("; ", published.Diagnostics.Where(d => d.IsMsDrm))}]");
        Published.Writer.TryWrite(published);
    }

    /// <summary>When the first work-done progress began (csharp-ls reports its workspace load this way).</summary>
    public TimeSpan? FirstProgressBegin { get; private set; }

    /// <summary>When the first work-done progress ended.</summary>
    public TimeSpan? FirstProgressEnd { get; private set; }

    [JsonRpcMethod("$/progress", UseSingleObjectParameterDeserialization = true)]
    public void Progress(JsonElement parameters)
    {
        JsonElement value = parameters.GetProperty("value");
        string kind = value.TryGetProperty("kind", out JsonElement k) ? k.GetString() ?? string.Empty : string.Empty;
        if (kind == "begin")
        {
            FirstProgressBegin ??= clock.Elapsed;
        }
        else if (kind == "end")
        {
            FirstProgressEnd ??= clock.Elapsed;
        }

        Record("notification $/progress " + value.GetRawText());
    }

    [JsonRpcMethod("window/logMessage", UseSingleObjectParameterDeserialization = true)]
    public void LogMessage(JsonElement parameters) => Record("log " + parameters.GetProperty("message").GetString());

    [JsonRpcMethod("window/showMessage", UseSingleObjectParameterDeserialization = true)]
    public void ShowMessage(JsonElement parameters) => Record("show " + parameters.GetProperty("message").GetString());

    [JsonRpcMethod("$/logTrace", UseSingleObjectParameterDeserialization = true)]
    public void LogTrace(JsonElement parameters) => Record("trace " + parameters.GetProperty("message").GetString());

    /// <summary>Adds a timestamped line to <see cref="Log"/>.</summary>
    public void Record(string line) => log.Enqueue($"[{clock.Elapsed.TotalSeconds,7:F2}s] {line}");

    private JsonNode? Section(string section)
    {
        JsonNode? node = settings;
        foreach (string part in section.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            node = node is JsonObject obj && obj.TryGetPropertyValue(part, out JsonNode? child) ? child : null;
        }

        return node;
    }
}
