using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;
using System.Runtime.Versioning;
using MsDrm.Testing.FakeNative;
using Xunit;
using Xunit.Abstractions;

namespace MsDrm.Runtime.Tests;

/// <summary>
/// The netstandard2.0 build binds with <c>[DllImport]</c> rather than <c>[LibraryImport]</c>: load it in its own
/// load context, route it to the fake, and check its marshalling (UTF-16 strings, string arrays, the callback
/// delegate) and its failure path through reflection.
/// </summary>
public sealed class NetStandardRuntimeTests : FakeMsDrmTest
{
    private static readonly Lazy<Assembly> NetStandard = new(Load);

    public NetStandardRuntimeTests(ITestOutputHelper output)
        : base(output)
    {
    }

    [Fact]
    public void The_loaded_build_is_the_netstandard2_0_one()
    {
        string? framework = NetStandard.Value.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName;
        Assert.Equal(".NETStandard,Version=v2.0", framework);
        Assert.NotSame(typeof(SafeDrmPubHandle).Assembly, NetStandard.Value);

        // netstandard2.0 has no [LibraryImport]: every import is a plain [DllImport] extern there.
        MethodInfo[] imports = NetStandard.Value.GetType("MsDrm.NativeMethods", throwOnError: true)!.GetMethods(BindingFlags.Public | BindingFlags.Static);
        Assert.Equal(26, imports.Length);
        Assert.All(imports, method => Assert.True((method.Attributes & MethodAttributes.PinvokeImpl) != 0, method.Name));
    }

    [Fact]
    public void Strings_and_string_arrays_reach_msdrm_as_UTF16()
    {
        using (var user = (IDisposable)Call("SafeDrmPubHandle", "CreateUser", "dave@example.com", "id-7", "Unspecified"))
        {
            Assert.Equal("DRMCreateUser|dave@example.com|id-7|Unspecified", FakeMsDrm.LastDetail);
        }

        var info = new[] { KeyValuePair.Create("k", "v"), KeyValuePair.Create("last", "value") };
        using (var right = (IDisposable)Call("SafeDrmPubHandle", "CreateRight", "PRINT", new DateTime(2030, 5, 6, 0, 0, 0, DateTimeKind.Utc), null, info))
        {
            Assert.Equal("DRMCreateRight|PRINT|2030-5-6/0|2|last=value", FakeMsDrm.LastDetail);
        }

        AssertClean();
    }

    [Fact]
    public void The_client_session_callback_is_marshalled_and_kept_alive()
    {
        Type callbackType = NetStandard.Value.GetType("MsDrm.DrmCallback", throwOnError: true)!;
        ParameterExpression[] parameters = callbackType.GetMethod("Invoke")!.GetParameters().Select(p => Expression.Parameter(p.ParameterType, p.Name)).ToArray();
        Delegate callback = Expression.Lambda(callbackType, Expression.Constant(7), parameters).Compile();

        using (var session = (SafeHandle)Call("SafeDrmSessionHandle", "CreateClientSession", callback, "WINDOWSAUTH", null))
        {
            FakeMsDrm.CollectGarbage();
            uint value = (uint)session.GetType().GetProperty("Value")!.GetValue(session)!;
            Assert.Equal(7, FakeMsDrm.InvokeCallback(value, DrmStatusMessage.ActivateMachine, 0));
        }

        AssertClean();
    }

    [Fact]
    public void A_failed_create_throws_the_named_DrmException_and_leaves_nothing_open()
    {
        FakeMsDrm.ReturnHandleOnFailure(true);
        FakeMsDrm.FailNext("DRMParseUnboundLicense", E_DRM_INVALID_HANDLE);

        var failure = Assert.Throws<TargetInvocationException>(() => Call("SafeDrmQueryHandle", "ParseUnboundLicense", "<XrML/>"));

        Assert.Equal("MsDrm.DrmException", failure.InnerException!.GetType().FullName);
        Assert.Equal("E_DRM_INVALID_HANDLE", failure.InnerException.GetType().GetProperty("ErrorName")!.GetValue(failure.InnerException));
        Assert.Equal("DRMParseUnboundLicense failed: E_DRM_INVALID_HANDLE (0x8004CF2C)", failure.InnerException.Message);
        AssertClean();
    }

    private static object Call(string type, string method, params object?[] arguments)
    {
        MethodInfo target = NetStandard.Value.GetType("MsDrm." + type, throwOnError: true)!.GetMethod(method, BindingFlags.Public | BindingFlags.Static)!;
        object?[] all = arguments.Concat(Enumerable.Repeat(Type.Missing, target.GetParameters().Length - arguments.Length)).ToArray();
        return target.Invoke(null, BindingFlags.OptionalParamBinding, null, all, null)!;
    }

    private static Assembly Load()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "netstandard2.0", "MsDrm.Runtime.dll");
        Assembly assembly = new AssemblyLoadContext("MsDrm.Runtime netstandard2.0").LoadFromAssemblyPath(path);
        string fake = FakeMsDrm.LibraryPath;
        NativeLibrary.SetDllImportResolver(assembly, (name, _, _) => name == "msdrm.dll" ? NativeLibrary.Load(fake) : IntPtr.Zero);
        return assembly;
    }
}
