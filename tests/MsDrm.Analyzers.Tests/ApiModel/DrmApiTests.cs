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
        using Stream embedded = typeof(DrmApi).Assembly.GetManifestResourceStream(DrmApi.ResourceName)!;
        using var reader = new StreamReader(embedded);
        Assert.Equal(repoCopy.Replace("\r\n", "\n"), reader.ReadToEnd().Replace("\r\n", "\n"));
    }

    [Fact]
    public void Table_has_the_parent_param_column_before_the_notes()
    {
        string header = File.ReadLines(Path.Combine(RepoRoot(), "src", "Analyzers", "ApiModel", "msdrm-api.tsv")).First();
        Assert.Equal(
            ["function", "param_index", "param_name", "role", "handle_type", "close_function", "async", "parent_param", "notes"],
            header.Split('\t'));
    }

    /// <summary>
    /// msdrm-api.md's ordering rules: libraries, principals and bound licenses live in their
    /// environment; storage sessions in their client session; encryptors and decryptors in their
    /// bound license; sub-objects in their container. Parent position, then the parent's kind.
    /// </summary>
    [Theory]
    [InlineData("DRMInitEnvironment", 6, 5, nameof(HandleKind.Environment))]
    [InlineData("DRMLoadLibrary", 4, 0, nameof(HandleKind.Environment))]
    [InlineData("DRMCreateEnablingPrincipal", 5, 0, nameof(HandleKind.Environment))]
    [InlineData("DRMCreateBoundLicense", 3, 0, nameof(HandleKind.Environment))]
    [InlineData("DRMCreateLicenseStorageSession", 5, 2, nameof(HandleKind.Session))]
    [InlineData("DRMCreateEnablingBitsDecryptor", 4, 0, nameof(HandleKind.Handle))]
    [InlineData("DRMCreateEnablingBitsEncryptor", 4, 0, nameof(HandleKind.Handle))]
    [InlineData("DRMGetBoundLicenseObject", 3, 0, nameof(HandleKind.Handle))]
    [InlineData("DRMGetUnboundLicenseObject", 3, 0, nameof(HandleKind.Query))]
    public void Created_handle_names_the_input_it_is_made_from(string name, int created, int parent, string parentKindName)
    {
        DrmFunction function = DrmApi.Functions[name];
        DrmParameter child = function.ParameterAt(created)!;
        Assert.Equal(ParameterRole.Creates, child.Role);
        Assert.Equal(parent, child.ParentIndex);
        DrmParameter parentParameter = function.ParameterAt(parent)!;
        Assert.Equal(Enum.Parse<HandleKind>(parentKindName), parentParameter.Kind);

        // The parent is an input the caller passes, except the environment DRMInitEnvironment creates beside its library.
        ParameterRole expectedRole = name == "DRMInitEnvironment" ? ParameterRole.Creates : ParameterRole.Uses;
        Assert.Equal(expectedRole, parentParameter.Role);
    }

    [Fact]
    public void Only_those_nine_created_handles_have_a_parent()
    {
        var withParent = DrmApi.Functions.Values
            .SelectMany(f => f.Parameters.Where(p => p.ParentIndex is not null).Select(p => f.Name + "." + p.Name))
            .Order(StringComparer.Ordinal);
        Assert.Equal(
            [
                "DRMCreateBoundLicense.phBoundLicense", "DRMCreateEnablingBitsDecryptor.phDecryptor",
                "DRMCreateEnablingBitsEncryptor.phEncryptor", "DRMCreateEnablingPrincipal.phEnablingPrincipal",
                "DRMCreateLicenseStorageSession.phLicenseStorage", "DRMGetBoundLicenseObject.phSubObject",
                "DRMGetUnboundLicenseObject.phSubQuery", "DRMInitEnvironment.phDefaultLibrary", "DRMLoadLibrary.phLibrary",
            ],
            withParent);
    }

    [Fact]
    public void Duplicates_and_roots_have_no_parent()
    {
        // A duplicate is an independent reference: closing its source first is fine.
        foreach (string name in new[] { "DRMDuplicateSession", "DRMDuplicateHandle", "DRMDuplicatePubHandle", "DRMDuplicateEnvironmentHandle", "DRMCreateClientSession", "DRMParseUnboundLicense", "DRMCreateUser", "DRMGetUsers", "DRMGetUserRights", "DRMGetIssuanceLicenseInfo" })
        {
            Assert.All(DrmApi.Functions[name].Created, p => Assert.Null(p.ParentIndex));
        }
    }

    [Fact]
    public void Parse_reads_the_parent_position_and_a_dash_as_null()
    {
        const string Tsv = "function\tparam_index\tparam_name\trole\thandle_type\tclose_function\tasync\tparent_param\tnotes\n" +
            "F\t0\thIn\tuses\tDRMHANDLE\t-\tno\t-\t-\n" +
            "F\t1\tphOut\tcreates\tDRMHANDLE\tDRMCloseHandle\tno\t0\tchild\n" +
            "G\t0\tphOut\tcreates\tDRMHANDLE\tDRMCloseHandle\tno\t-\troot\n";
        var table = DrmApi.Parse(Tsv);
        Assert.Equal(0, table["F"].ParameterAt(1)!.ParentIndex);
        Assert.Null(table["F"].ParameterAt(0)!.ParentIndex);
        Assert.Null(table["G"].ParameterAt(0)!.ParentIndex);
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
