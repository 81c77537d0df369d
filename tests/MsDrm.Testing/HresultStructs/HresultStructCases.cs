using MsDrm.Testing.Cases;

namespace MsDrm.Testing.HresultStructs;

/// <summary>
/// MSDRM001/MSDRM002 cases for imports that return an HRESULT struct and take pointer out
/// parameters: CsWin32's generated externs (<see cref="CsWin32Bindings"/>), TerraFX's and a
/// hand-written struct (<see cref="OtherHresultBindings"/>). Each Wrong has the marked diagnostics;
/// each Correct twin is silent. Compile them with both binding files beside them.
/// </summary>
public static class HresultStructCases
{
    private const string CsWin32 = "using Windows.Win32;\nusing Windows.Win32.Foundation;\n";
    private const string TerraFx = "using TerraFX.Interop.Windows;\nusing static TerraFX.Interop.Windows.Windows;\n";
    private const string Contoso = "using Contoso.Interop;\n";

    /// <summary>Every case, in a stable order.</summary>
    public static IReadOnlyList<RuleCase> Cases { get; } =
    [
        // MSDRM002: a dropped HRESULT struct.
        Body(CsWin32, "Dropped_struct_result_statement",
            "{|MSDRM002:PInvoke.DRMSetIntervalTime(pub, 7)|};",
            "PInvoke.DRMSetIntervalTime(pub, 7).ThrowOnFailure();"),
        Body(CsWin32, "Dropped_struct_result_dead_store",
            "HRESULT hr = {|MSDRM002:PInvoke.DRMSetIntervalTime(pub, 7)|};\nhr = PInvoke.DRMSetIntervalTime(pub, 8);\nhr.ThrowOnFailure();",
            "HRESULT hr = PInvoke.DRMSetIntervalTime(pub, 7);\nhr.ThrowOnFailure();\nhr = PInvoke.DRMSetIntervalTime(pub, 8);\nhr.ThrowOnFailure();"),
        Body(CsWin32, "Dropped_struct_result_var_overwritten_before_test",
            "var hr = {|MSDRM002:PInvoke.DRMSetIntervalTime(pub, 7)|};\nhr = PInvoke.DRMSetIntervalTime(pub, 8);\nif (hr.Failed) return;",
            "var hr = PInvoke.DRMSetIntervalTime(pub, 7);\nif (hr.Failed) return;\nhr = PInvoke.DRMSetIntervalTime(pub, 8);\nif (hr.Failed) return;"),
        Body(CsWin32, "Dropped_struct_result_of_a_creating_call",
            "uint dup;\n{|MSDRM002:PInvoke.DRMDuplicateSession(s, &dup)|};\nPInvoke.DRMCloseSession(dup);",
            "uint dup;\nif (PInvoke.DRMDuplicateSession(s, &dup).Failed) return;\nPInvoke.DRMCloseSession(dup);"),
        Body(CsWin32, "Dropped_struct_result_stored_then_passed_on_is_a_read",
            "{|MSDRM002:PInvoke.DRMSetIntervalTime(pub, 7)|};\nKeep(PInvoke.DRMSetIntervalTime(pub, 8));",
            "_ = PInvoke.DRMSetIntervalTime(pub, 7);\nKeep(PInvoke.DRMSetIntervalTime(pub, 8));"),
        Body(TerraFx, "TerraFX_dropped_result",
            "{|MSDRM002:DRMSetIntervalTime(pub, 7)|};",
            "if (DRMSetIntervalTime(pub, 7).FAILED) return;"),
        Body(TerraFx, "TerraFX_dropped_result_dead_store",
            "HRESULT hr = {|MSDRM002:DRMSetIntervalTime(pub, 7)|};\nhr = DRMSetIntervalTime(pub, 8);\nif (FAILED(hr)) return;",
            "HRESULT hr = DRMSetIntervalTime(pub, 7);\nif (FAILED(hr)) return;\nhr = DRMSetIntervalTime(pub, 8);\nif (FAILED(hr)) return;"),
        Body(Contoso, "Handwritten_dropped_result",
            "{|MSDRM002:Drm.DRMSetIntervalTime(pub, 7)|};",
            "if (Drm.DRMSetIntervalTime(pub, 7).Failed()) return;"),

        // MSDRM001 through the struct's success tests, with pointer out parameters.
        Body(CsWin32, "ThrowOnFailure_on_the_call_then_never_closed",
            "uint dup;\n{|MSDRM001:PInvoke.DRMDuplicateSession(s, &dup)|}.ThrowOnFailure();",
            "uint dup;\nPInvoke.DRMDuplicateSession(s, &dup).ThrowOnFailure();\nPInvoke.DRMCloseSession(dup);"),
        Body(CsWin32, "ThrowOnFailure_on_the_local_then_leaked_on_an_early_return",
            "uint dup;\nHRESULT hr = {|MSDRM001:PInvoke.DRMDuplicateSession(s, &dup)|};\nhr.ThrowOnFailure();\nif (flag) return;\nPInvoke.DRMCloseSession(dup);",
            "uint dup;\nHRESULT hr = PInvoke.DRMDuplicateSession(s, &dup);\nhr.ThrowOnFailure();\nif (flag) { PInvoke.DRMCloseSession(dup); return; }\nPInvoke.DRMCloseSession(dup);"),
        Body(CsWin32, "Failed_property_return_then_never_closed",
            "uint dup;\nHRESULT hr = {|MSDRM001:PInvoke.DRMDuplicateSession(s, &dup)|};\nif (hr.Failed) return;\nPInvoke.DRMSetIntervalTime(pub, 1).ThrowOnFailure();",
            "uint dup;\nHRESULT hr = PInvoke.DRMDuplicateSession(s, &dup);\nif (hr.Failed) return;\nPInvoke.DRMCloseSession(dup);"),
        Body(CsWin32, "Succeeded_property_branch_without_close",
            "uint dup;\nvar hr = {|MSDRM001:PInvoke.DRMDuplicateSession(s, &dup)|};\nif (hr.Succeeded)\n{\n    PInvoke.DRMSetIntervalTime(pub, 1).ThrowOnFailure();\n}",
            "uint dup;\nvar hr = PInvoke.DRMDuplicateSession(s, &dup);\nif (hr.Succeeded)\n{\n    PInvoke.DRMCloseSession(dup);\n}"),
        Body(CsWin32, "Failed_property_pattern",
            "uint dup;\nHRESULT hr = {|MSDRM001:PInvoke.DRMDuplicateSession(s, &dup)|};\nif (hr is { Failed: true }) return;\nif (flag) return;\nPInvoke.DRMCloseSession(dup);",
            "uint dup;\nHRESULT hr = PInvoke.DRMDuplicateSession(s, &dup);\nif (hr is { Failed: true }) return;\nPInvoke.DRMCloseSession(dup);"),
        Body(CsWin32, "Succeeded_false_property_pattern",
            "uint dup;\nHRESULT hr = {|MSDRM001:PInvoke.DRMDuplicateSession(s, &dup)|};\nif (hr is { Succeeded: false }) return;\nif (flag) return;\nPInvoke.DRMCloseSession(dup);",
            "uint dup;\nHRESULT hr = PInvoke.DRMDuplicateSession(s, &dup);\nif (hr is { Succeeded: false }) return;\nPInvoke.DRMCloseSession(dup);"),
        Body(CsWin32, "Value_comparison",
            "uint dup;\nHRESULT hr = {|MSDRM001:PInvoke.DRMDuplicateSession(s, &dup)|};\nif (hr.Value < 0) return;\nif (count > 1) return;\nPInvoke.DRMCloseSession(dup);",
            "uint dup;\nHRESULT hr = PInvoke.DRMDuplicateSession(s, &dup);\nif (hr.Value < 0) return;\nPInvoke.DRMCloseSession(dup);"),
        Body(CsWin32, "Value_property_pattern",
            "uint dup;\nHRESULT hr = {|MSDRM001:PInvoke.DRMDuplicateSession(s, &dup)|};\nif (hr is { Value: < 0 }) return;\nif (flag) return;\nPInvoke.DRMCloseSession(dup);",
            "uint dup;\nHRESULT hr = PInvoke.DRMDuplicateSession(s, &dup);\nif (hr is { Value: < 0 }) return;\nPInvoke.DRMCloseSession(dup);"),
        Body(CsWin32, "Not_equal_to_S_OK",
            "uint dup;\nHRESULT hr = {|MSDRM001:PInvoke.DRMDuplicateSession(s, &dup)|};\nif (hr != HRESULT.S_OK) return;\nif (flag) return;\nPInvoke.DRMCloseSession(dup);",
            "uint dup;\nHRESULT hr = PInvoke.DRMDuplicateSession(s, &dup);\nif (hr != HRESULT.S_OK) return;\nPInvoke.DRMCloseSession(dup);"),
        Body(CsWin32, "Equal_to_S_OK_closes_inside",
            "uint dup;\nHRESULT hr = {|MSDRM001:PInvoke.DRMDuplicateSession(s, &dup)|};\nif (hr == HRESULT.S_OK)\n{\n    PInvoke.DRMSetIntervalTime(pub, 1).ThrowOnFailure();\n}",
            "uint dup;\nHRESULT hr = PInvoke.DRMDuplicateSession(s, &dup);\nif (hr == HRESULT.S_OK)\n{\n    PInvoke.DRMCloseSession(dup);\n}"),
        Body(CsWin32, "Struct_converted_to_int",
            "uint dup;\nHRESULT hr = {|MSDRM001:PInvoke.DRMDuplicateSession(s, &dup)|};\nif ((int)hr < 0) return;\nif (flag) return;\nPInvoke.DRMCloseSession(dup);",
            "uint dup;\nHRESULT hr = PInvoke.DRMDuplicateSession(s, &dup);\nif ((int)hr < 0) return;\nPInvoke.DRMCloseSession(dup);"),
        Body(CsWin32, "Struct_passed_to_ThrowIfFailed",
            "uint dup;\nHRESULT hr = {|MSDRM001:PInvoke.DRMDuplicateSession(s, &dup)|};\nDrmException.ThrowIfFailed(hr);\nif (flag) return;\nPInvoke.DRMCloseSession(dup);",
            "uint dup;\nHRESULT hr = PInvoke.DRMDuplicateSession(s, &dup);\nDrmException.ThrowIfFailed(hr);\nPInvoke.DRMCloseSession(dup);"),
        Body(CsWin32, "Struct_value_passed_to_ThrowExceptionForHR",
            "uint dup;\nHRESULT hr = {|MSDRM001:PInvoke.DRMDuplicateSession(s, &dup)|};\nMarshal.ThrowExceptionForHR(hr.Value);\nif (flag) return;\nPInvoke.DRMCloseSession(dup);",
            "uint dup;\nHRESULT hr = PInvoke.DRMDuplicateSession(s, &dup);\nMarshal.ThrowExceptionForHR(hr.Value);\nPInvoke.DRMCloseSession(dup);"),
        Body(CsWin32, "Failed_test_on_the_call",
            "uint dup;\nif ({|MSDRM001:PInvoke.DRMDuplicateSession(s, &dup)|}.Failed) return;\nif (flag) return;\nPInvoke.DRMCloseSession(dup);",
            "uint dup;\nif (PInvoke.DRMDuplicateSession(s, &dup).Failed) return;\nPInvoke.DRMCloseSession(dup);"),
        Body(CsWin32, "Switch_on_the_value",
            "uint dup;\nHRESULT hr = {|MSDRM001:PInvoke.DRMDuplicateSession(s, &dup)|};\nswitch (hr.Value)\n{\n    case < 0:\n        return;\n}\n\nif (flag) return;\nPInvoke.DRMCloseSession(dup);",
            "uint dup;\nHRESULT hr = PInvoke.DRMDuplicateSession(s, &dup);\nswitch (hr.Value)\n{\n    case < 0:\n        return;\n}\n\nPInvoke.DRMCloseSession(dup);"),
        Body(CsWin32, "Users_loop_overwrites_each_user",
            "uint user;\nfor (uint i = 0; {|MSDRM001:PInvoke.DRMGetUsers(lic, i, &user)|}.Succeeded; i++)\n{\n    PInvoke.DRMSetIntervalTime(user, 1).ThrowOnFailure();\n}",
            "uint user;\nfor (uint i = 0; PInvoke.DRMGetUsers(lic, i, &user).Succeeded; i++)\n{\n    PInvoke.DRMSetIntervalTime(user, 1).ThrowOnFailure();\n    PInvoke.DRMClosePubHandle(user).ThrowOnFailure();\n}"),
        Body(CsWin32, "Environment_closed_but_default_library_leaked",
            "uint env, lib;\n{|MSDRM001:PInvoke.DRMInitEnvironment(default, default, default, default, default, &env, &lib)|}.ThrowOnFailure();\nPInvoke.DRMCloseEnvironmentHandle(env);",
            "uint env, lib;\nPInvoke.DRMInitEnvironment(default, default, default, default, default, &env, &lib).ThrowOnFailure();\nPInvoke.DRMCloseHandle(lib);\nPInvoke.DRMCloseEnvironmentHandle(env);"),
        Body(CsWin32, "Second_duplicate_into_the_same_variable",
            "uint dup;\n{|MSDRM001:PInvoke.DRMDuplicateSession(s, &dup)|}.ThrowOnFailure();\nPInvoke.DRMDuplicateSession(s, &dup).ThrowOnFailure();\nPInvoke.DRMCloseSession(dup);",
            "uint dup;\nPInvoke.DRMDuplicateSession(s, &dup).ThrowOnFailure();\nPInvoke.DRMCloseSession(dup);\nPInvoke.DRMDuplicateSession(s, &dup).ThrowOnFailure();\nPInvoke.DRMCloseSession(dup);"),
        Body(CsWin32, "Query_root_never_closed_after_an_S_OK_test",
            "uint query;\nfixed (char* text = \"<XrML/>\")\n{\n    if ({|MSDRM001:PInvoke.DRMParseUnboundLicense(text, &query)|} == HRESULT.S_OK)\n    {\n        PInvoke.DRMSetIntervalTime(pub, 1).ThrowOnFailure();\n    }\n}",
            "uint query;\nfixed (char* text = \"<XrML/>\")\n{\n    if (PInvoke.DRMParseUnboundLicense(text, &query) == HRESULT.S_OK)\n    {\n        PInvoke.DRMCloseQueryHandle(query);\n    }\n}"),
        Body(TerraFx, "TerraFX_FAILED_property",
            "uint dup;\nHRESULT hr = {|MSDRM001:DRMDuplicateSession(s, &dup)|};\nif (hr.FAILED) return;\nif (flag) return;\nDRMCloseSession(dup);",
            "uint dup;\nHRESULT hr = DRMDuplicateSession(s, &dup);\nif (hr.FAILED) return;\nDRMCloseSession(dup);"),
        Body(TerraFx, "TerraFX_SUCCEEDED_helper",
            "uint dup;\nHRESULT hr = {|MSDRM001:DRMDuplicateSession(s, &dup)|};\nif (SUCCEEDED(hr))\n{\n    _ = DRMSetIntervalTime(pub, 1);\n}",
            "uint dup;\nHRESULT hr = DRMDuplicateSession(s, &dup);\nif (SUCCEEDED(hr))\n{\n    DRMCloseSession(dup);\n}"),
        Body(TerraFx, "TerraFX_compared_with_the_int_S_OK",
            "uint dup;\nHRESULT hr = {|MSDRM001:DRMDuplicateSession(s, &dup)|};\nif (hr != S_OK) return;\nif (flag) return;\nDRMCloseSession(dup);",
            "uint dup;\nHRESULT hr = DRMDuplicateSession(s, &dup);\nif (hr != S_OK) return;\nDRMCloseSession(dup);"),
        Body(Contoso, "Handwritten_Succeeded_method",
            "uint dup;\nHRESULT hr = {|MSDRM001:Drm.DRMDuplicateSession(s, &dup)|};\nif (hr.Succeeded())\n{\n    Drm.DRMSetIntervalTime(pub, 1).Failed();\n}",
            "uint dup;\nHRESULT hr = Drm.DRMDuplicateSession(s, &dup);\nif (hr.Succeeded())\n{\n    Drm.DRMCloseSession(dup);\n}"),
        Body(Contoso, "Handwritten_compared_through_its_int_conversion",
            "uint dup;\nHRESULT hr = {|MSDRM001:Drm.DRMDuplicateSession(s, &dup)|};\nif (hr < 0) return;\nif (flag) return;\nDrm.DRMCloseSession(dup);",
            "uint dup;\nHRESULT hr = Drm.DRMDuplicateSession(s, &dup);\nif (hr < 0) return;\nDrm.DRMCloseSession(dup);"),

        // CsWin32's friendly overloads (out uint, string): wrappers in the compilation, summarised like any helper.
        Body(CsWin32, "Friendly_overload_duplicate_never_closed",
            "{|MSDRM001:PInvoke.DRMDuplicateSession(s, out uint dup)|}.ThrowOnFailure();",
            "PInvoke.DRMDuplicateSession(s, out uint dup).ThrowOnFailure();\nPInvoke.DRMCloseSession(dup);"),
        Body(CsWin32, "Friendly_overload_result_dropped_and_handle_leaked",
            "{|MSDRM001:{|MSDRM002:PInvoke.DRMCreateUser(\"a\", \"b\", \"c\", out uint user)|}|};",
            "if (PInvoke.DRMCreateUser(\"a\", \"b\", \"c\", out uint user).Failed) return;\nPInvoke.DRMClosePubHandle(user);"),
        Body(CsWin32, "Friendly_overload_failed_test_then_early_return",
            "HRESULT hr = {|MSDRM001:PInvoke.DRMDuplicateSession(s, out uint dup)|};\nif (hr.Failed) return;\nif (flag) return;\nPInvoke.DRMCloseSession(dup);",
            "HRESULT hr = PInvoke.DRMDuplicateSession(s, out uint dup);\nif (hr.Failed) return;\nPInvoke.DRMCloseSession(dup);"),
        Body(CsWin32, "Friendly_overload_users_loop_overwrites",
            "uint user;\nfor (uint i = 0; {|MSDRM001:PInvoke.DRMGetUsers(lic, i, out user)|}.Succeeded; i++)\n{\n    PInvoke.DRMSetIntervalTime(user, 1).ThrowOnFailure();\n}",
            "uint user;\nfor (uint i = 0; PInvoke.DRMGetUsers(lic, i, out user).Succeeded; i++)\n{\n    PInvoke.DRMSetIntervalTime(user, 1).ThrowOnFailure();\n    PInvoke.DRMClosePubHandle(user).ThrowOnFailure();\n}"),
        Body(CsWin32, "Friendly_overload_query_root_never_closed",
            "{|MSDRM001:PInvoke.DRMParseUnboundLicense(\"<XrML/>\", out uint query)|}.ThrowOnFailure();",
            "PInvoke.DRMParseUnboundLicense(\"<XrML/>\", out uint query).ThrowOnFailure();\nPInvoke.DRMCloseQueryHandle(query);"),
    ];

    /// <summary>The case with this name.</summary>
    public static RuleCase Get(string name) => Cases.Single(c => c.Name == name);

    private static RuleCase Body(string usings, string name, string wrong, string correct)
        => new(name, Unit(usings, wrong), Unit(usings, correct));

    private static string Unit(string usings, string body) => $$"""
        using System;
        using System.Runtime.InteropServices;
        using MsDrm;
        {{usings}}
        internal unsafe class C
        {
            private static void Keep<T>(T value) { }

            void M(uint s, uint pub, uint lic, bool flag, int count)
            {
        {{Indent(body)}}
            }
        }
        """;

    private static string Indent(string body)
        => string.Join("\n", body.Split('\n').Select(line => line.Length == 0 ? line : "        " + line));
}
