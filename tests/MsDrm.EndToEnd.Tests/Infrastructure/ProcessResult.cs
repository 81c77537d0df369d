namespace MsDrm.EndToEnd.Tests.Infrastructure;

/// <summary>What a finished child process left: its exit code and everything it printed.</summary>
public sealed record ProcessResult(string CommandLine, int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Both streams, for searching diagnostics wherever the tool printed them.</summary>
    public string Output => StandardOutput + Environment.NewLine + StandardError;

    /// <summary>A readable summary for assertion messages.</summary>
    public override string ToString() =>
        $"> {CommandLine}{Environment.NewLine}exit code {ExitCode}{Environment.NewLine}{Output}";
}
