using MsDrm.Testing.FakeNative;
using Xunit;

namespace MsDrm.Runtime.Tests;

/// <summary>The fake is rebuilt when its source changes, and a missing compiler is reported plainly.</summary>
public sealed class FakeMsDrmBuilderTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"fake-msdrm-builder-{Guid.NewGuid():N}");

    [Fact]
    public void Changed_source_is_built_into_its_own_cache_folder()
    {
        string cached = FakeMsDrmBuilder.Build();
        Assert.Equal(cached, FakeMsDrmBuilder.Build());

        string source = ChangedSourceCopy();
        string rebuilt = FakeMsDrmBuilder.Build(source, folder, null, Environment.GetEnvironmentVariable("PATH"));

        Assert.NotEqual(cached, rebuilt);
        Assert.True(File.Exists(rebuilt));
        Assert.StartsWith(folder, rebuilt, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_C_compiler_the_error_says_one_is_required()
    {
        string source = ChangedSourceCopy();
        string empty = Directory.CreateDirectory(Path.Combine(folder, "empty-path")).FullName;

        var failure = Assert.Throws<InvalidOperationException>(() => FakeMsDrmBuilder.Build(source, folder, compiler: null, searchPath: empty));

        Assert.Contains("a C compiler (cc/gcc) is required to build the fake msdrm library for tests", failure.Message);
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private string ChangedSourceCopy()
    {
        Directory.CreateDirectory(folder);
        string copy = Path.Combine(folder, "fake_msdrm.c");
        File.WriteAllText(copy, File.ReadAllText(FakeMsDrmBuilder.SourcePath) + $"\n/* {Guid.NewGuid()} */\n");
        return copy;
    }
}
