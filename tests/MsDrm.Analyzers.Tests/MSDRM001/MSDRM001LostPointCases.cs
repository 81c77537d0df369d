namespace MsDrm.Analyzers.Tests.MSDRM001;

/// <summary>
/// Leaks with the point where the nearest leaking path loses the handle, each beside its correct
/// code. Markup: <c>{|MSDRM001:...|}</c> the creation, <c>{|#1:...|}</c> the lost point,
/// <c>{|#2:...|}</c> the success test (when the creation is tested), <c>{|#3:...|}</c> the DRM call
/// inside a helper; <c>Explanation</c> is the end of the message, <c>{line}</c> standing for #1's line.
/// </summary>
internal static class MSDRM001LostPointCases
{
    internal sealed record Case(string Name, string Wrong, string Correct, string Explanation)
    {
        public override string ToString() => Name;
    }

    private const string Tested = "if ({|#2:{|MSDRM001:Native.DRMDuplicateSession(session, out uint dup)|} < 0|}) return;\n";
    private const string TestedCorrect = "if (Native.DRMDuplicateSession(session, out uint dup) < 0) return;\n";
    private const string Thrown = "{|#2:DrmException.ThrowIfFailed({|MSDRM001:Native.DRMDuplicateSession(session, out uint dup)|})|};\n";
    private const string ThrownCorrect = "DrmException.ThrowIfFailed(Native.DRMDuplicateSession(session, out uint dup));\n";
    private const string Return = "still open at the return on line {line}";
    private const string End = "still open at the end of the method on line {line}";

    internal static IReadOnlyList<Case> All { get; } =
    [
        new("Early_return_in_braces",
            Void(Tested + "if (n > 0)\n{\n    {|#1:return;|}\n}\n\nNative.DRMCloseSession(dup);"),
            Void(TestedCorrect + "if (n > 0)\n{\n    Native.DRMCloseSession(dup);\n    return;\n}\n\nNative.DRMCloseSession(dup);"),
            Return),
        new("Early_return_without_braces",
            Void(Tested + "if (n > 0) {|#1:return;|}\nNative.DRMCloseSession(dup);"),
            Void(TestedCorrect + "if (n <= 0) Native.DRMCloseSession(dup);\nelse Native.DRMCloseSession(dup);"),
            Return),
        new("Return_after_statements_in_then",
            Void(Tested + "if (n > 0)\n{\n    Console.WriteLine(n);\n    Console.WriteLine(dup);\n    {|#1:return;|}\n}\n\nNative.DRMCloseSession(dup);"),
            Void(TestedCorrect + "if (n > 0)\n{\n    Console.WriteLine(n);\n    Native.DRMCloseSession(dup);\n    return;\n}\n\nNative.DRMCloseSession(dup);"),
            Return),
        new("Return_in_else",
            Void(Tested + "if (n > 0)\n{\n    Console.WriteLine(n);\n}\nelse\n{\n    {|#1:return;|}\n}\n\nNative.DRMCloseSession(dup);"),
            Void(TestedCorrect + "if (n > 0)\n{\n    Console.WriteLine(n);\n}\n\nNative.DRMCloseSession(dup);"),
            Return),
        new("Return_in_else_if",
            Void(Tested + "if (n > 5)\n{\n    Console.WriteLine(n);\n}\nelse if (n > 2)\n    {|#1:return;|}\n\nNative.DRMCloseSession(dup);"),
            Void(TestedCorrect + "if (n > 5)\n{\n    Console.WriteLine(n);\n}\n\nNative.DRMCloseSession(dup);"),
            Return),
        new("Return_under_a_compound_condition",
            Void(Tested + "if (n > 0 && items.Length > 0) {|#1:return;|}\nNative.DRMCloseSession(dup);"),
            Void(TestedCorrect + "Native.DRMCloseSession(dup);\nif (n > 0 && items.Length > 0) return;"),
            Return),
        new("Return_under_a_negated_or_condition",
            Void(Tested + "if (!(n > 0 || items.Length > 0)) {|#1:return;|}\nNative.DRMCloseSession(dup);"),
            Void(TestedCorrect + "Native.DRMCloseSession(dup);\nif (!(n > 0 || items.Length > 0)) return;"),
            Return),
        new("Return_with_a_value",
            Int(Tested.Replace(") return;", ") return -1;") + "if (n > 0) {|#1:return 1;|}\nNative.DRMCloseSession(dup);\nreturn 0;"),
            Int(TestedCorrect.Replace(") return;", ") return -1;") + "Native.DRMCloseSession(dup);\nif (n > 0) return 1;\nreturn 0;"),
            Return),
        new("Return_of_the_HRESULT_after_goto_cleanup",
            Int("int hr = {|MSDRM001:Native.DRMDuplicateSession(session, out uint dup)|};\nif ({|#2:hr < 0|}) goto Cleanup;\nif (n > 0) goto Cleanup;\nNative.DRMCloseSession(dup);\nCleanup:\n{|#1:return hr;|}"),
            Int("int hr = Native.DRMDuplicateSession(session, out uint dup);\nif (hr < 0) goto Cleanup;\nif (n > 0) goto Close;\nClose:\nNative.DRMCloseSession(dup);\nCleanup:\nreturn hr;"),
            Return),
        new("Return_inside_try_with_a_finally_that_does_not_close",
            Void(Tested + "try\n{\n    if (n > 0) {|#1:return;|}\n    Console.WriteLine(dup);\n}\nfinally\n{\n    Console.WriteLine(n);\n}\n\nNative.DRMCloseSession(dup);"),
            Void(TestedCorrect + "try\n{\n    if (n > 0) return;\n    Console.WriteLine(dup);\n}\nfinally\n{\n    Native.DRMCloseSession(dup);\n}"),
            Return),
        new("A_throw_is_not_where_it_is_lost",
            Void(Tested + "if (n > 9) throw new InvalidOperationException();\nif (n > 0) {|#1:return;|}\nNative.DRMCloseSession(dup);"),
            Void(TestedCorrect + "if (n > 9) throw new InvalidOperationException();\nNative.DRMCloseSession(dup);"),
            Return),
        new("Switch_section_that_returns",
            Void(Tested + "switch (n)\n{\n    case 1:\n        {|#1:return;|}\n    default:\n        Native.DRMCloseSession(dup);\n        break;\n}"),
            Void(TestedCorrect + "switch (n)\n{\n    case 1:\n        Native.DRMCloseSession(dup);\n        return;\n    default:\n        Native.DRMCloseSession(dup);\n        break;\n}"),
            Return),
        new("Switch_section_with_a_statement_then_return",
            Void(Tested + "switch (n)\n{\n    case 1:\n        Console.WriteLine(n);\n        {|#1:return;|}\n    default:\n        Native.DRMCloseSession(dup);\n        break;\n}"),
            Void(TestedCorrect + "switch (n)\n{\n    case 1:\n        Console.WriteLine(n);\n        break;\n}\n\nNative.DRMCloseSession(dup);"),
            Return),
        new("End_of_method_after_an_if_that_closes",
            Void(Tested + "if (n > 0)\n{\n    Native.DRMCloseSession(dup);\n}", endMarked: true),
            Void(TestedCorrect + "Native.DRMCloseSession(dup);"),
            End),
        new("End_of_method_after_a_switch_break",
            Void(Tested + "switch (n)\n{\n    case 1:\n        Native.DRMCloseSession(dup);\n        break;\n    default:\n        Console.WriteLine(n);\n        break;\n}", endMarked: true),
            Void(TestedCorrect + "switch (n)\n{\n    case 1:\n        break;\n    default:\n        Console.WriteLine(n);\n        break;\n}\n\nNative.DRMCloseSession(dup);"),
            End),
        new("End_of_method_after_ThrowIfFailed",
            Void(Thrown + "Console.WriteLine(dup);", endMarked: true),
            Void(ThrownCorrect + "Console.WriteLine(dup);\nNative.DRMCloseSession(dup);"),
            End),
        new("Nearest_of_two_returns_is_shown",
            Void(Tested + "if (n > 5)\n{\n    if (n > 6)\n    {\n        if (n > 7) return;\n    }\n}\n\nif (n > 0) {|#1:return;|}\nNative.DRMCloseSession(dup);"),
            Void(TestedCorrect + "Native.DRMCloseSession(dup);\nif (n > 5)\n{\n    if (n > 6)\n    {\n        if (n > 7) return;\n    }\n}"),
            Return),
        new("Overwritten_by_a_second_creation",
            Void(Thrown + "Console.WriteLine(dup);\nDrmException.ThrowIfFailed({|#1:Native.DRMDuplicateSession(session, out dup)|});\nNative.DRMCloseSession(dup);"),
            Void(ThrownCorrect + "Console.WriteLine(dup);\nNative.DRMCloseSession(dup);\nDrmException.ThrowIfFailed(Native.DRMDuplicateSession(session, out dup));\nNative.DRMCloseSession(dup);"),
            "still open when line {line} overwrites it"),
        new("Overwritten_with_zero",
            Void(Thrown + "{|#1:dup = 0|};\nNative.DRMCloseSession(dup);"),
            Void(ThrownCorrect + "Native.DRMCloseSession(dup);\ndup = 0;"),
            "still open when line {line} overwrites it"),
        new("Overwritten_with_another_handle",
            Void(Thrown + "{|#1:dup = session|};\nConsole.WriteLine(dup);"),
            Void(ThrownCorrect + "Native.DRMCloseSession(dup);\ndup = session;\nConsole.WriteLine(dup);"),
            "still open when line {line} overwrites it"),
        new("Loop_repeats_while",
            Void("uint dup = 0;\n{|#1:while|} (n-- > 0)\n{\n    {|#2:DrmException.ThrowIfFailed({|MSDRM001:Native.DRMDuplicateSession(session, out dup)|})|};\n    Console.WriteLine(dup);\n}\n\nNative.DRMCloseSession(dup);"),
            Void("uint dup = 0;\nwhile (n-- > 0)\n{\n    DrmException.ThrowIfFailed(Native.DRMDuplicateSession(session, out dup));\n    Console.WriteLine(dup);\n    Native.DRMCloseSession(dup);\n}"),
            "still open when the loop on line {line} repeats"),
        new("Loop_repeats_for",
            Void("uint dup = 0;\n{|#1:for|} (int i = 0; i < n; i++)\n{\n    {|#2:DrmException.ThrowIfFailed({|MSDRM001:Native.DRMDuplicateSession(session, out dup)|})|};\n}\n\nNative.DRMCloseSession(dup);"),
            Void("uint dup = 0;\nfor (int i = 0; i < n; i++)\n{\n    DrmException.ThrowIfFailed(Native.DRMDuplicateSession(session, out dup));\n    Native.DRMCloseSession(dup);\n}"),
            "still open when the loop on line {line} repeats"),
        new("Loop_repeats_foreach",
            Void("uint dup = 0;\n{|#1:foreach|} (int item in items)\n{\n    {|#2:DrmException.ThrowIfFailed({|MSDRM001:Native.DRMDuplicateSession(session, out dup)|})|};\n}\n\nNative.DRMCloseSession(dup);"),
            Void("uint dup = 0;\nforeach (int item in items)\n{\n    DrmException.ThrowIfFailed(Native.DRMDuplicateSession(session, out dup));\n    Native.DRMCloseSession(dup);\n}"),
            "still open when the loop on line {line} repeats"),
        new("Loop_repeats_do",
            Void("uint dup = 0;\n{|#1:do|}\n{\n    {|#2:DrmException.ThrowIfFailed({|MSDRM001:Native.DRMDuplicateSession(session, out dup)|})|};\n}\nwhile (n-- > 0);\n\nNative.DRMCloseSession(dup);"),
            Void("uint dup = 0;\ndo\n{\n    DrmException.ThrowIfFailed(Native.DRMDuplicateSession(session, out dup));\n    Native.DRMCloseSession(dup);\n}\nwhile (n-- > 0);"),
            "still open when the loop on line {line} repeats"),
        new("Discarded_at_once",
            Void("DrmException.ThrowIfFailed({|MSDRM001:Native.DRMDuplicateSession(session, out {|#1:_|})|});"),
            Void("DrmException.ThrowIfFailed(Native.DRMDuplicateSession(session, out uint dup));\nNative.DRMCloseSession(dup);"),
            "discarded on line {line}"),
        new("Wrapper_not_disposed_on_an_early_return",
            Void(TestedCorrect + "SafeDrmSessionHandle wrapper = {|MSDRM001:SafeDrmSessionHandle.Adopt(dup)|};\nif (n > 0) {|#1:return;|}\nwrapper.Dispose();"),
            Void(TestedCorrect + "using SafeDrmSessionHandle wrapper = SafeDrmSessionHandle.Adopt(dup);\nif (n > 0) return;"),
            Return),
        new("Through_a_helper_with_an_early_return",
            Void("if ({|#2:{|MSDRM001:Duplicate(session, out uint copy)|} < 0|}) return;\nif (n > 0) {|#1:return;|}\nNative.DRMCloseSession(copy);"),
            Void("if (Duplicate(session, out uint copy) < 0) return;\nNative.DRMCloseSession(copy);\nif (n > 0) return;"),
            Return),
        new("In_a_local_function",
            Void("Work();\n\nvoid Work()\n{\n    " + Tested.Replace("\n", "\n    ") + "if (n > 0) {|#1:return;|}\n    Native.DRMCloseSession(dup);\n}"),
            Void("Work();\n\nvoid Work()\n{\n    " + TestedCorrect.Replace("\n", "\n    ") + "Native.DRMCloseSession(dup);\n}"),
            Return),
    ];

    /// <summary>The helper of the summary case: forwards the HRESULT and creates into its out parameter.</summary>
    private const string Helper = "    private static int Duplicate(uint source, out uint copy) => {|#3:Native.DRMDuplicateSession(source, out copy)|};\n";

    private static string Void(string body, bool endMarked = false) => Program("void", body, endMarked);

    private static string Int(string body) => Program("int", body, endMarked: false);

    private static string Program(string returnType, string body, bool endMarked)
    {
        string indented = "        " + body.Replace("\n", "\n        ").Replace("\n        \n", "\n\n");
        return Spec.SpecPrograms.Usings + "internal static class Program\n{\n"
            + (body.Contains("Duplicate(session", StringComparison.Ordinal) ? Helper : Helper.Replace("{|#3:", string.Empty).Replace(")|};", ");"))
            + $"\n    private static {returnType} Run(uint session, int n, int[] items)\n    {{\n{indented}\n    "
            + (endMarked ? "{|#1:}|}" : "}") + "\n}\n";
    }
}
