using MsDrm.Analyzers.ApiModel;
using Xunit;

namespace MsDrm.Analyzers.Tests.ApiModel;

/// <summary>The embedded API table agrees with the documented facts of msdrm.dll (one row per handle parameter, see docs/design.md).</summary>
public class DrmApiTests
{
    [Fact]
    public void Table_declares_all_84_exports()
        => Assert.Equal(84, DrmApi.Functions.Count);

    [Fact]
    public void Twenty_one_functions_create_twenty_two_handles()
    {
        Assert.Equal(21, DrmApi.Functions.Values.Count(f => f.Created.Length > 0));
        Assert.Equal(22, DrmApi.Functions.Values.Sum(f => f.Created.Length));
    }

    [Fact]
    public void Five_close_functions_one_per_kind()
    {
        var closes = DrmApi.Functions.Values.Where(f => f.IsClose).ToList();
        Assert.Equal(5, closes.Count);
        foreach (HandleKind kind in HandleKindInfo.AllKinds)
        {
            DrmFunction close = Assert.Single(closes, f => f.Closed!.Kind == kind);
            Assert.Equal(kind.CloseFunction(), close.Name);
        }
    }

    [Theory]
    [InlineData("DRMDuplicateSession", 0, 1, nameof(HandleKind.Session))]
    [InlineData("DRMDuplicateHandle", 0, 1, nameof(HandleKind.Handle))]
    [InlineData("DRMDuplicatePubHandle", 0, 1, nameof(HandleKind.Pub))]
    [InlineData("DRMDuplicateEnvironmentHandle", 0, 1, nameof(HandleKind.Environment))]
    public void Duplicate_functions_copy_into_their_own_kind(string name, int source, int copy, string kindName)
    {
        HandleKind kind = Enum.Parse<HandleKind>(kindName);
        DrmFunction function = DrmApi.Functions[name];
        Assert.Equal(ParameterRole.DuplicatesSource, function.ParameterAt(source)!.Role);
        DrmParameter created = Assert.Single(function.Created);
        Assert.Equal(copy, created.Index);
        Assert.Equal(kind, created.Kind);
    }

    [Theory]
    [InlineData("DRMInitEnvironment", 5, nameof(HandleKind.Environment))]
    [InlineData("DRMInitEnvironment", 6, nameof(HandleKind.Handle))]
    [InlineData("DRMGetUnboundLicenseObject", 3, nameof(HandleKind.Query))]
    [InlineData("DRMGetIssuanceLicenseInfo", 8, nameof(HandleKind.Pub))]
    [InlineData("DRMCreateClientSession", 4, nameof(HandleKind.Session))]
    [InlineData("DRMCreateLicenseStorageSession", 5, nameof(HandleKind.Session))]
    public void Creating_parameters_sit_at_their_C_position(string name, int index, string kindName)
    {
        HandleKind kind = Enum.Parse<HandleKind>(kindName);
        DrmParameter parameter = DrmApi.Functions[name].ParameterAt(index)!;
        Assert.Equal(ParameterRole.Creates, parameter.Role);
        Assert.Equal(kind, parameter.Kind);
    }

    [Fact]
    public void Reserved_error_log_creates_nothing()
        => Assert.Equal(ParameterRole.None, DrmApi.Functions["DRMCreateBoundLicense"].ParameterAt(4)!.Role);

    [Fact]
    public void Embedded_table_is_the_repository_copy()
    {
        string repoCopy = File.ReadAllText(Path.Combine(RepoRoot(), "src", "Analyzers", "ApiModel", "msdrm-api.tsv"));
        Assert.Equal(DrmApi.Parse(repoCopy).Keys.OrderBy(k => k), DrmApi.Functions.Keys.OrderBy(k => k));
    }

    private static string RepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "MsDrm.Analyzers.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("MsDrm.Analyzers.sln not found above the test output.");
    }
}
