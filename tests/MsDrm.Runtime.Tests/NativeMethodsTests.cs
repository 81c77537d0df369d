using System.Reflection;
using System.Runtime.InteropServices;
using MsDrm.Testing.FakeNative;
using Xunit;

namespace MsDrm.Runtime.Tests;

/// <summary>NativeMethods declares every creating, duplicating and closing function of the API table, in msdrm.h shape.</summary>
public sealed class NativeMethodsTests
{
    private static readonly MethodInfo[] Imports = typeof(NativeMethods).GetMethods(BindingFlags.Public | BindingFlags.Static);

    [Fact]
    public void Declares_exactly_the_creating_and_closing_functions_of_the_table()
    {
        string[] expected = ApiTable.Rows.Where(r => r.Role is "creates" or "closes").Select(r => r.Function).Distinct().OrderBy(f => f).ToArray();
        Assert.Equal(26, expected.Length); // 21 creating (4 of them duplicates) + 5 closes
        Assert.Equal(expected, Imports.Select(m => m.Name).OrderBy(f => f).ToArray());
    }

    [Fact]
    public void Handle_parameters_sit_where_msdrm_h_puts_them()
    {
        foreach (ApiTable.Row row in ApiTable.Rows.Where(r => r.ParameterIndex is not null && Imports.Any(m => m.Name == r.Function)))
        {
            MethodInfo method = Imports.Single(m => m.Name == row.Function);
            ParameterInfo parameter = method.GetParameters()[row.ParameterIndex!.Value];
            Assert.True(row.ParameterName == parameter.Name, $"{row.Function}[{row.ParameterIndex}] is {parameter.Name}, expected {row.ParameterName}");
            Type expectedType = row.Role switch
            {
                "creates" => typeof(uint).MakeByRefType(),
                "none" => typeof(IntPtr), // DRMCreateBoundLicense.phErrorLog: reserved, passed as NULL
                _ => typeof(uint),
            };
            Assert.True(expectedType == parameter.ParameterType, $"{row.Function}.{parameter.Name} is {parameter.ParameterType}");
            Assert.Equal(row.Role == "creates", parameter.IsOut);
        }
    }

    [Fact]
    public void Every_import_returns_an_HRESULT_and_searches_System32_only()
    {
        Assert.All(Imports, method =>
        {
            Assert.Equal(typeof(int), method.ReturnType);
            DefaultDllImportSearchPathsAttribute? paths = method.GetCustomAttribute<DefaultDllImportSearchPathsAttribute>();
            Assert.True(paths is not null, $"{method.Name} has no [DefaultDllImportSearchPaths]");
            Assert.Equal(DllImportSearchPath.System32, paths!.Paths);
        });
    }

    [Fact]
    public void The_net8_build_uses_LibraryImport_except_for_the_delegate_taking_import()
    {
        // A delegate parameter does not fit the [LibraryImport] generator: DRMCreateClientSession stays a [DllImport].
        Assert.All(Imports, method =>
        {
            bool isLibraryImport = method.GetCustomAttribute<LibraryImportAttribute>() is not null;
            Assert.True(isLibraryImport == (method.Name != nameof(NativeMethods.DRMCreateClientSession)), method.Name);
        });
        Assert.True((typeof(NativeMethods).GetMethod(nameof(NativeMethods.DRMCreateClientSession))!.Attributes & MethodAttributes.PinvokeImpl) != 0);
    }

    [Fact]
    public void The_fake_exports_every_imported_function()
    {
        FakeMsDrm.Install();
        IntPtr library = NativeLibrary.Load(FakeMsDrm.LibraryPath);
        Assert.All(Imports, method => Assert.True(NativeLibrary.TryGetExport(library, method.Name, out _), $"fake lacks {method.Name}"));
    }
}
