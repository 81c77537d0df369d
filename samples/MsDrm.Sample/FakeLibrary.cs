using System.Reflection;
using System.Runtime.InteropServices;

namespace MsDrm.Sample;

/// <summary>
/// Lets the sample run off Windows: when MSDRM_FAKE_LIBRARY names a fake msdrm library (such as the
/// one the tests build from tests/MsDrm.Testing/FakeNative), every msdrm.dll import of the sample and
/// of MsDrm.Runtime loads that file instead.
/// </summary>
internal static class FakeLibrary
{
    private const string VariableName = "MSDRM_FAKE_LIBRARY";

    /// <summary>Installs the redirect; false when the variable is not set.</summary>
    public static bool TryInstall()
    {
        string? path = Environment.GetEnvironmentVariable(VariableName);
        if (string.IsNullOrEmpty(path))
        {
            return false;
        }

        Console.WriteLine($"{VariableName}: running against {path}");
        DllImportResolver resolver = (name, _, _) =>
            name.StartsWith("msdrm", StringComparison.OrdinalIgnoreCase) ? NativeLibrary.Load(path) : IntPtr.Zero;
        NativeLibrary.SetDllImportResolver(Assembly.GetExecutingAssembly(), resolver);
        NativeLibrary.SetDllImportResolver(typeof(DrmException).Assembly, resolver);
        return true;
    }
}
