using static MsDrm.Testing.Cases.HandleNotClosedSource;

namespace MsDrm.Testing.Cases;

/// <summary>Runtime wrappers (<c>SafeDrm*Handle</c>) made by the runtime must be disposed or handed over.</summary>
internal static class HandleNotClosedWrappers
{
    internal static IEnumerable<RuleCase> Cases => new[]
    {
        Body("Wrapper_Duplicate_not_disposed",
            "        SafeDrmSessionHandle copy = {|MSDRM001:safe.Duplicate()|};\n        Console.WriteLine(copy.IsInvalid);",
            "        using SafeDrmSessionHandle copy = safe.Duplicate();\n        Console.WriteLine(copy.IsInvalid);"),
        Body("Wrapper_using_statement",
            "        var copy = {|MSDRM001:safe.Duplicate()|};\n        {\n            Console.WriteLine(copy.IsInvalid);\n        }",
            "        using (var copy = safe.Duplicate())\n        {\n            Console.WriteLine(copy.IsInvalid);\n        }"),
        Body("Wrapper_using_existing_variable",
            "        var copy = {|MSDRM001:safe.Duplicate()|};\n        Console.WriteLine(copy.IsInvalid);",
            "        var copy = safe.Duplicate();\n        using (copy)\n        {\n            Console.WriteLine(copy.IsInvalid);\n        }"),
        Body("Wrapper_Adopt_result_discarded",
            "        DrmException.ThrowIfFailed(Native.DRMDuplicateSession(s, out uint dup));\n        {|MSDRM001:SafeDrmSessionHandle.Adopt(dup)|};",
            "        DrmException.ThrowIfFailed(Native.DRMDuplicateSession(s, out uint dup));\n        using (SafeDrmSessionHandle.Adopt(dup))\n        {\n        }"),
        Body("Wrapper_Value_is_not_a_transfer",
            "        var copy = {|MSDRM001:safe.Duplicate()|};\n        uint raw = copy.Value;\n        DrmException.ThrowIfFailed(Native.DRMIsActivated(raw, 0, IntPtr.Zero));",
            "        var copy = safe.Duplicate();\n        uint raw = copy.Value;\n        DrmException.ThrowIfFailed(Native.DRMIsActivated(raw, 0, IntPtr.Zero));\n        copy.Dispose();"),
        Body("Wrapper_Close_method",
            "        var copy = {|MSDRM001:safe.Duplicate()|};\n        if (flag)\n        {\n            copy.Close();\n        }",
            "        var copy = safe.Duplicate();\n        if (flag)\n        {\n            copy.Close();\n        }\n        else\n        {\n            copy.Dispose();\n        }"),
        Body("Wrapper_passed_to_runtime_method_is_a_use",
            "        var issuance = {|MSDRM001:SafeDrmPubHandle.Adopt(s)|};\n        using var user = SafeDrmPubHandle.GetUser(issuance, 0);",
            "        using var issuance = SafeDrmPubHandle.Adopt(s);\n        using var user = SafeDrmPubHandle.GetUser(issuance, 0);"),
        Body("Wrapper_passed_to_a_method_escapes",
            "        var copy = {|MSDRM001:safe.Duplicate()|};\n        Console.WriteLine(copy.DangerousGetHandle());",
            "        var copy = safe.Duplicate();\n        KeepWrapper(copy);"),
        Body("Wrapper_overwritten_in_loop",
            """
                    SafeDrmSessionHandle copy = null;
                    for (int i = 0; i < count; i++)
                    {
                        copy = {|MSDRM001:safe.Duplicate()|};
                    }

                    copy?.Dispose();
            """,
            """
                    for (int i = 0; i < count; i++)
                    {
                        using SafeDrmSessionHandle copy = safe.Duplicate();
                    }
            """),
        Body("Wrapper_out_parameter_of_a_runtime_method",
            """
                    uint index = 0;
                    SafeDrmPubHandle license = SafeDrmPubHandle.Adopt(lic);
                    using (license)
                    {
                        while ({|MSDRM001:SafeDrmPubHandle.TryGetUser(license, index++, out SafeDrmPubHandle user)|})
                        {
                            Console.WriteLine(user.IsInvalid);
                        }
                    }
            """,
            """
                    uint index = 0;
                    SafeDrmPubHandle license = SafeDrmPubHandle.Adopt(lic);
                    using (license)
                    {
                        while (SafeDrmPubHandle.TryGetUser(license, index++, out SafeDrmPubHandle user))
                        {
                            using (user)
                            {
                                Console.WriteLine(user.IsInvalid);
                            }
                        }
                    }
            """),
        Members("Wrapper_returned_escapes",
            """
                SafeDrmSessionHandle Copy(SafeDrmSessionHandle safe)
                {
                    var copy = {|MSDRM001:safe.Duplicate()|};
                    return safe;
                }
            """,
            """
                SafeDrmSessionHandle Copy(SafeDrmSessionHandle safe)
                {
                    var copy = safe.Duplicate();
                    return copy;
                }
            """),
    };
}
