using Xunit;

namespace MsDrm.Runtime.Tests;

/// <summary>HRESULT names, messages and the success test (hr &gt;= 0). No native calls.</summary>
public sealed class DrmExceptionTests
{
    [Theory]
    [InlineData(0x8004CF2C, "E_DRM_INVALID_HANDLE")]
    [InlineData(0x8004930C, "E_DRM_MANIFEST_POLICY_VIOLATION")]
    [InlineData(0x8004CF00, "E_DRM_INVALID_LICENSE")]
    [InlineData(0x8004CF0A, "E_DRM_ENV_NOT_LOADED")]
    [InlineData(0x8004CF33, "E_DRM_NO_MORE_DATA")]
    [InlineData(0x8004CF3D, "E_DRM_NEEDS_MACHINE_ACTIVATION")]
    [InlineData(0x8004CF4F, "E_DRM_METADATA_NOT_SET")]
    [InlineData(0x8004CF50, "E_DRM_REVOCATION_INFO_NOT_SET")] // WPF values for the docs' 0x50..0x52 copy error
    [InlineData(0x8004CF51, "E_DRM_INVALID_TIMEINFO")]
    [InlineData(0x8004CF52, "E_DRM_RIGHT_NOT_SET")]
    [InlineData(0x8004CF53, "E_DRM_BIND_NTLM_FAIL")]
    [InlineData(0x8004CF75, "E_DRM_OWNER_LICENSE_NOT_FOUND")]
    [InlineData(0x8004CF76, "E_DRM_INVALID_WINDOW")]
    [InlineData(0x8004CF79, "E_DRM_PLATFORM_POLICY_VIOLATION")]
    [InlineData(0x8004CF81, "E_DRM_ISSUANCELICENSE_LENGTH_LIMIT_EXCEEDED")]
    [InlineData(0x80070057, "E_INVALIDARG")]
    [InlineData(0x8007000E, "E_OUTOFMEMORY")]
    [InlineData(0x80004001, "E_NOTIMPL")]
    [InlineData(0x80004005, "E_FAIL")]
    public void Failure_codes_have_their_names(uint hr, string name)
    {
        var failure = new DrmException(unchecked((int)hr));
        Assert.Equal(name, failure.ErrorName);
        Assert.Equal(unchecked((int)hr), failure.HResult);
        Assert.Equal(name, DrmException.GetErrorName(unchecked((int)hr)));
    }

    [Theory]
    [InlineData(0x8004CF03)] // a gap in the E_DRM_* range
    [InlineData(0x8004CF2D)]
    [InlineData(0x80001234)]
    public void Unknown_codes_have_no_name_and_still_a_readable_message(uint hr)
    {
        var failure = new DrmException(unchecked((int)hr), "DRMCreateUser");
        Assert.Null(failure.ErrorName);
        Assert.Equal($"DRMCreateUser failed: 0x{hr:X8}", failure.Message);
    }

    [Fact]
    public void Message_names_the_function_the_error_and_the_code()
    {
        var failure = new DrmException(unchecked((int)0x8004CF2C), "DRMDuplicateSession");
        Assert.Equal("DRMDuplicateSession failed: E_DRM_INVALID_HANDLE (0x8004CF2C)", failure.Message);
        Assert.Equal("DRMDuplicateSession", failure.FunctionName);
        Assert.Equal("msdrm.dll call failed: E_DRM_INVALID_HANDLE (0x8004CF2C)", new DrmException(unchecked((int)0x8004CF2C)).Message);
    }

    [Theory]
    [InlineData(0x00000000, "S_OK")]
    [InlineData(0x0004CF00, "S_DRM_REQUEST_PREPARED")]
    [InlineData(0x0004CF01, "S_DRM_ALREADY_ACTIVATED")]
    [InlineData(0x0004CF02, "S_DRM_CONNECTING")]
    [InlineData(0x0004CF03, "S_DRM_CONNECTED")]
    [InlineData(0x0004CF04, "S_DRM_COMPLETED")]
    [InlineData(0x0004CF05, "S_DRM_INPROGRESS")]
    public void Positive_status_codes_are_successes(int hr, string name)
    {
        DrmException.ThrowIfFailed(hr);
        DrmException.ThrowIfFailed(hr, "DRMActivate");
        Assert.Equal(name, DrmException.GetErrorName(hr));
    }

    [Fact]
    public void ThrowIfFailed_throws_for_every_negative_code()
    {
        foreach (int hr in new[] { int.MinValue, -1, unchecked((int)0x8004CF2C) })
        {
            DrmException failure = Assert.Throws<DrmException>(() => DrmException.ThrowIfFailed(hr, "DRMCloseSession"));
            Assert.Equal(hr, failure.HResult);
            Assert.Equal("DRMCloseSession", failure.FunctionName);
        }

        Assert.Throws<DrmException>(() => DrmException.ThrowIfFailed(-1));
    }

    [Fact]
    public void The_table_holds_every_documented_E_DRM_code()
    {
        // 97 documented E_DRM_* codes: 0x8004930C and 0x8004CF00..0x8004CF81 minus the undocumented gaps.
        int[] gaps = { 0x03, 0x0D, 0x1A, 0x29, 0x2A, 0x2B, 0x2D, 0x2E, 0x32, 0x3F, 0x56, 0x77 };
        int named = 0;
        for (int low = 0x00; low <= 0x81; low++)
        {
            string? name = DrmException.GetErrorName(unchecked((int)0x8004CF00) + low);
            bool documented = !gaps.Contains(low) && !(low >= 0x61 && low <= 0x6F) && !(low >= 0x7A && low <= 0x80);
            Assert.True(documented == (name is not null), $"0x8004CF{low:X2}: {name ?? "no name"}");
            Assert.True(name is null || name.StartsWith("E_DRM_", StringComparison.Ordinal));
            named += name is null ? 0 : 1;
        }

        Assert.Equal(96, named);
        Assert.Equal("E_DRM_MANIFEST_POLICY_VIOLATION", DrmException.GetErrorName(unchecked((int)0x8004930C)));
    }
}
