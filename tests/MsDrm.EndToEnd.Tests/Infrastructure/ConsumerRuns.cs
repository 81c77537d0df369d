using Xunit;

namespace MsDrm.EndToEnd.Tests.Infrastructure;

/// <summary>A consumer project and the build that produced its program.</summary>
public sealed record BuiltConsumer(ConsumerProject Project, ProcessResult Build);

/// <summary>A consumer project after <c>dotnet format analyzers</c>, and its build with <c>-warnaserror</c>.</summary>
public sealed record FixedConsumer(ConsumerProject Project, ProcessResult Format, string FixedSource, ProcessResult Build);

/// <summary>
/// The slow consumer steps, done once per test run and shared by the tests that check different
/// things about the same result (the warnings of a build and the program it made, say).
/// </summary>
public static class ConsumerRuns
{
    /// <summary>The leaky consumer program, built as it is.</summary>
    public static BuiltConsumer Unfixed(PackedPackage package) =>
        package.Shared(nameof(Unfixed), () =>
        {
            var consumer = ConsumerProject.Create(package, "unfixed", ConsumerPrograms.LeakyProgram);
            return new BuiltConsumer(consumer, consumer.Build());
        });

    /// <summary>The leaky consumer program after the package's code fixes, built with <c>-warnaserror</c>.</summary>
    public static FixedConsumer Fixed(PackedPackage package) =>
        package.Shared(nameof(Fixed), () =>
        {
            var consumer = ConsumerProject.Create(package, "fixed", ConsumerPrograms.LeakyProgram);
            ProcessResult restore = consumer.DotNet("restore", consumer.ProjectPath, "-nodeReuse:false");
            Assert.True(restore.ExitCode == 0, restore.ToString());

            ProcessResult format = consumer.DotNet(
                "format", "analyzers", consumer.ProjectPath,
                "--diagnostics", "MSDRM001", "MSDRM002",
                "--no-restore", "--verbosity", "detailed");
            string fixedSource = File.ReadAllText(consumer.ProgramPath);
            return new FixedConsumer(consumer, format, fixedSource, consumer.Build("-warnaserror"));
        });
}
