using static MsDrm.Testing.Cases.HandleNotClosedSource;

namespace MsDrm.Testing.Cases;

/// <summary>
/// Every escape of docs/rules/MSDRM001.md, paired: Wrong only uses the handle (or hands over something else),
/// Correct hands the handle over, which ends the method's ownership.
/// </summary>
internal static class HandleNotClosedEscapes
{
    private const string Dup = "Native.DRMDuplicateSession(s, out uint dup)";
    private const string Created = "        DrmException.ThrowIfFailed(" + Dup + ");\n";
    private const string CreatedMarked = "        DrmException.ThrowIfFailed({|MSDRM001:" + Dup + "|});\n";

    internal static IEnumerable<RuleCase> Cases => new[]
    {
        Escape("Escape_stored_in_field", "        field = dup;"),
        Escape("Escape_stored_in_property", "        Prop = dup;"),
        Escape("Escape_stored_in_array_element", "        array[0] = dup;"),
        Escape("Escape_added_to_collection", "        list.Add(dup);"),
        Escape("Escape_passed_by_ref", "        KeepRef(ref dup);"),
        Escape("Escape_passed_to_non_drm_method", "        Keep(dup);"),
        Escape("Escape_captured_by_lambda", "        Action close = () => Native.DRMCloseSession(dup);\n        close();"),
        Escape("Escape_captured_by_local_function", "        CloseIt();\n        void CloseIt() => Native.DRMCloseSession(dup);"),
        Escape("Escape_adopted_by_wrapper", "        using SafeDrmSessionHandle owned = SafeDrmSessionHandle.Adopt(dup);"),
        Escape("Escape_cast_then_stored", "        field = (uint)(int)dup;"),
        Members("Escape_returned",
            $$"""
                uint Create(uint s)
                {
                    int hr = {|MSDRM001:{{Dup}}|};
                    return hr >= 0 ? 1u : 0u;
                }
            """,
            $$"""
                uint Create(uint s)
                {
                    DrmException.ThrowIfFailed({{Dup}});
                    return dup;
                }
            """),
        Members("Escape_created_into_out_parameter",
            $$"""
                void Create(uint s, out uint result)
                {
                    DrmException.ThrowIfFailed({|MSDRM001:Native.DRMDuplicateSession(s, out uint dup)|});
                    result = 0;
                }
            """,
            """
                void Create(uint s, out uint result)
                {
                    DrmException.ThrowIfFailed(Native.DRMDuplicateSession(s, out result));
                }
            """),
        Body("Escape_created_into_field_or_array",
            CreatedMarked + "        field = 1;",
            "        DrmException.ThrowIfFailed(Native.DRMDuplicateSession(s, out field));\n        DrmException.ThrowIfFailed(Native.DRMDuplicateSession(s, out array[1]));"),
        Body("Use_as_drm_input_is_not_an_escape",
            CreatedMarked + "        DrmException.ThrowIfFailed(Native.DRMIsActivated(dup, 0, IntPtr.Zero));",
            Created + "        DrmException.ThrowIfFailed(Native.DRMIsActivated(dup, 0, IntPtr.Zero));\n        Native.DRMCloseSession(dup);"),
        Body("Duplicate_source_stays_owned",
            CreatedMarked + "        DrmException.ThrowIfFailed(Native.DRMDuplicateSession(dup, out uint second));\n        Native.DRMCloseSession(second);",
            Created + "        DrmException.ThrowIfFailed(Native.DRMDuplicateSession(dup, out uint second));\n        Native.DRMCloseSession(second);\n        Native.DRMCloseSession(dup);"),
        // A close function of another kind does not close. With one known kind that is MSDRM004 too (see
        // MSDRM004Cases.Session_closed_with_DRMCloseHandle); here the variable may hold either kind, so only
        // MSDRM001 speaks: the session path is never closed.
        Body("Wrong_close_function_does_not_close",
            "        uint h;\n        if (flag)\n        {\n            DrmException.ThrowIfFailed({|MSDRM001:Native.DRMDuplicateSession(s, out h)|});\n        }\n"
                + "        else\n        {\n            DrmException.ThrowIfFailed(Native.DRMDuplicateHandle(lib, out h));\n        }\n\n        Native.DRMCloseHandle(h);",
            "        uint h;\n        if (flag)\n        {\n            DrmException.ThrowIfFailed(Native.DRMDuplicateSession(s, out h));\n            Native.DRMCloseSession(h);\n        }\n"
                + "        else\n        {\n            DrmException.ThrowIfFailed(Native.DRMDuplicateHandle(lib, out h));\n            Native.DRMCloseHandle(h);\n        }"),
        Body("Copy_closed_through_the_copy",
            CreatedMarked + "        uint copy = dup;\n        Console.WriteLine(copy == 0);",
            Created + "        uint copy = dup;\n        Native.DRMCloseSession(copy);"),
        Body("Self_assignment_is_not_an_overwrite",
            CreatedMarked + "        dup = (uint)(int)dup;\n        Console.WriteLine(dup == 0);",
            Created + "        dup = (uint)(int)dup;\n        Native.DRMCloseSession(dup);"),
        Use("Use_in_string_interpolation_is_not_an_escape", "        string text = $\"session {dup}\";\n        Console.WriteLine(text.Length);"),
        Use("Use_in_interpolation_passed_to_method_is_not_an_escape", "        Console.WriteLine($\"session {dup,8:X}\");"),
        Use("Use_in_interpolation_handler_is_not_an_escape", "        var builder = new System.Text.StringBuilder();\n        builder.Append($\"session {dup}\");\n        Console.WriteLine(builder.Length);"),
        Use("Use_printed_with_Console_WriteLine_is_not_an_escape", "        Console.WriteLine(dup);"),
        Use("Use_passed_to_a_helper_that_only_reads_it_is_not_an_escape", "        Print(dup);"),
        Use("Use_in_string_concatenation_is_not_an_escape", "        Console.WriteLine(\"session \" + dup);"),
        Use("Use_as_receiver_is_not_an_escape", "        string text = dup.ToString();\n        Console.WriteLine(text);"),
        Body("Cast_closed_through_conversions",
            CreatedMarked + "        int asInt = (int)dup;\n        Console.WriteLine(asInt > 0);",
            Created + "        int asInt = (int)dup;\n        Native.DRMCloseSession(checked((uint)asInt));"),
    };

    /// <summary>Formatting or reading the handle is a use: Wrong only does that, Correct also closes it.</summary>
    private static RuleCase Use(string name, string use)
        => Body(name, CreatedMarked + use, Created + use + "\n        Native.DRMCloseSession(dup);");

    private static RuleCase Escape(string name, string handOver)
        => Body(name, CreatedMarked + "        Console.WriteLine(\"kept\");", Created + handOver);
}
