using static MsDrm.Testing.Cases.HandleNotClosedSource;

namespace MsDrm.Testing.Cases;

/// <summary>Control-flow shapes: overwrites, loops, branches, switch, try/finally, nested bodies.</summary>
internal static class HandleNotClosedShapes
{
    private const string Dup = "Native.DRMDuplicateSession(s, out uint dup)";
    private const string Created = "        DrmException.ThrowIfFailed(" + Dup + ");\n";
    private const string CreatedMarked = "        DrmException.ThrowIfFailed({|MSDRM001:" + Dup + "|});\n";

    internal static IEnumerable<RuleCase> Cases => new[]
    {
        Body("Overwrite_by_second_creation_reports_the_first",
            """
                    DrmException.ThrowIfFailed({|MSDRM001:Native.DRMDuplicateSession(s, out uint dup)|});
                    DrmException.ThrowIfFailed(Native.DRMDuplicateSession(s, out dup));
                    Native.DRMCloseSession(dup);
            """,
            """
                    DrmException.ThrowIfFailed(Native.DRMDuplicateSession(s, out uint dup));
                    Native.DRMCloseSession(dup);
                    DrmException.ThrowIfFailed(Native.DRMDuplicateSession(s, out dup));
                    Native.DRMCloseSession(dup);
            """),
        Body("Ref_local_alias_closes_the_variable",
            """
                    uint dup = 0;
                    ref uint alias = ref dup;
                    DrmException.ThrowIfFailed({|MSDRM001:Native.DRMDuplicateSession(s, out dup)|});
                    Console.WriteLine(alias == 0);
            """,
            """
                    uint dup = 0;
                    ref uint alias = ref dup;
                    DrmException.ThrowIfFailed(Native.DRMDuplicateSession(s, out dup));
                    Native.DRMCloseSession(alias);
            """),
        Body("Ref_local_created_through_alias",
            """
                    uint dup = 0;
                    ref uint alias = ref dup;
                    DrmException.ThrowIfFailed({|MSDRM001:Native.DRMDuplicateSession(s, out alias)|});
            """,
            """
                    uint dup = 0;
                    ref uint alias = ref dup;
                    DrmException.ThrowIfFailed(Native.DRMDuplicateSession(s, out alias));
                    Native.DRMCloseSession(dup);
            """),
        Body("Overwrite_by_assignment",
            CreatedMarked + "        dup = 0;\n        Console.WriteLine(dup);",
            Created + "        Native.DRMCloseSession(dup);\n        dup = 0;\n        Console.WriteLine(dup);"),
        Body("Overwrite_in_loop_close_after_loop",
            """
                    uint dup = 0;
                    for (int i = 0; i < count; i++)
                    {
                        DrmException.ThrowIfFailed({|MSDRM001:Native.DRMDuplicateSession(s, out dup)|});
                    }

                    Native.DRMCloseSession(dup);
            """,
            """
                    for (int i = 0; i < count; i++)
                    {
                        DrmException.ThrowIfFailed(Native.DRMDuplicateSession(s, out uint dup));
                        Native.DRMCloseSession(dup);
                    }
            """),
        Body("Duplicate_into_its_own_source_variable",
            """
                    DrmException.ThrowIfFailed({|MSDRM001:Native.DRMDuplicateSession(s, out uint dup)|});
                    DrmException.ThrowIfFailed(Native.DRMDuplicateSession(dup, out dup));
                    Native.DRMCloseSession(dup);
            """,
            """
                    DrmException.ThrowIfFailed(Native.DRMDuplicateSession(s, out uint dup));
                    DrmException.ThrowIfFailed(Native.DRMDuplicateSession(dup, out uint second));
                    Native.DRMCloseSession(dup);
                    Native.DRMCloseSession(second);
            """),
        Body("GetUsers_enumeration_loop",
            """
                    for (uint i = 0; ; i++)
                    {
                        int hr = {|MSDRM001:Native.DRMGetUsers(lic, i, out uint user)|};
                        if (hr == E_DRM_NO_MORE_DATA)
                        {
                            break;
                        }

                        DrmException.ThrowIfFailed(hr);
                        DrmException.ThrowIfFailed(Native.DRMAddRightWithUser(lic, pub, user));
                    }
            """,
            """
                    for (uint i = 0; ; i++)
                    {
                        int hr = Native.DRMGetUsers(lic, i, out uint user);
                        if (hr == E_DRM_NO_MORE_DATA)
                        {
                            break;
                        }

                        DrmException.ThrowIfFailed(hr);
                        DrmException.ThrowIfFailed(Native.DRMAddRightWithUser(lic, pub, user));
                        Native.DRMClosePubHandle(user);
                    }
            """),
        Body("GetUserRights_enumeration_loop",
            """
                    uint index = 0;
                    while (true)
                    {
                        int hr = {|MSDRM001:Native.DRMGetUserRights(lic, pub, index++, out uint right)|};
                        if (hr < 0)
                        {
                            break;
                        }

                        DrmException.ThrowIfFailed(Native.DRMAddRightWithUser(lic, right, pub));
                    }
            """,
            """
                    uint index = 0;
                    while (true)
                    {
                        int hr = Native.DRMGetUserRights(lic, pub, index++, out uint right);
                        if (hr < 0)
                        {
                            break;
                        }

                        DrmException.ThrowIfFailed(Native.DRMAddRightWithUser(lic, right, pub));
                        Native.DRMClosePubHandle(right);
                    }
            """),
        Body("Branch_closes_on_one_side_only",
            CreatedMarked + "        if (flag)\n        {\n            Native.DRMCloseSession(dup);\n        }",
            Created + "        if (flag)\n        {\n            Native.DRMCloseSession(dup);\n        }\n        else\n        {\n            Console.WriteLine(\"other\");\n            Native.DRMCloseSession(dup);\n        }"),
        Body("Switch_case_misses_close",
            CreatedMarked + """
                    switch (count)
                    {
                        case 0:
                            Native.DRMCloseSession(dup);
                            break;
                        case 1:
                            Console.WriteLine("one");
                            break;
                        default:
                            Native.DRMCloseSession(dup);
                            break;
                    }
            """,
            Created + """
                    switch (count)
                    {
                        case 0:
                            Native.DRMCloseSession(dup);
                            break;
                        case 1:
                            Console.WriteLine("one");
                            Native.DRMCloseSession(dup);
                            break;
                        default:
                            Native.DRMCloseSession(dup);
                            break;
                    }
            """),
        Body("Try_finally_closes",
            CreatedMarked + "        try\n        {\n            DrmException.ThrowIfFailed(Native.DRMIsActivated(dup, 0, IntPtr.Zero));\n        }\n        finally\n        {\n            Console.WriteLine(\"done\");\n        }",
            Created + "        try\n        {\n            DrmException.ThrowIfFailed(Native.DRMIsActivated(dup, 0, IntPtr.Zero));\n        }\n        finally\n        {\n            Native.DRMCloseSession(dup);\n        }"),
        Body("Finally_runs_on_each_path_separately",
            CreatedMarked + """
                    try
                    {
                        if (flag)
                        {
                            Native.DRMCloseSession(dup);
                            return;
                        }
                    }
                    finally
                    {
                        Console.WriteLine("done");
                    }
            """,
            Created + """
                    try
                    {
                        if (flag)
                        {
                            Native.DRMCloseSession(dup);
                            return;
                        }
                    }
                    finally
                    {
                        Console.WriteLine("done");
                    }

                    Native.DRMCloseSession(dup);
            """),
        Body("Early_return_before_close",
            CreatedMarked + "        if (flag)\n        {\n            return;\n        }\n\n        Native.DRMCloseSession(dup);",
            Created + "        if (flag)\n        {\n            Native.DRMCloseSession(dup);\n            return;\n        }\n\n        Native.DRMCloseSession(dup);"),
        Body("Zero_test_before_close",
            "        int hr = {|MSDRM001:" + Dup + "|};\n        Console.WriteLine(hr);\n        if (dup == 0)\n        {\n            Native.DRMCloseSession(dup);\n        }",
            "        int hr = " + Dup + ";\n        Console.WriteLine(hr);\n        if (dup != 0)\n        {\n            Native.DRMCloseSession(dup);\n        }"),
        Body("Switch_on_hr_with_patterns",
            """
                    int hr = {|MSDRM001:Native.DRMDuplicateSession(s, out uint dup)|};
                    switch (hr)
                    {
                        case < 0:
                            Native.DRMCloseSession(dup);
                            return;
                        default:
                            Console.WriteLine("created");
                            break;
                    }
            """,
            """
                    int hr = Native.DRMDuplicateSession(s, out uint dup);
                    switch (hr)
                    {
                        case < 0:
                            return;
                        default:
                            Native.DRMCloseSession(dup);
                            break;
                    }
            """),
        Body("While_condition_tests_the_call",
            """
                    uint index = 0;
                    while ({|MSDRM001:Native.DRMGetUsers(lic, index++, out uint user)|} >= 0)
                    {
                        DrmException.ThrowIfFailed(Native.DRMAddRightWithUser(lic, pub, user));
                    }
            """,
            """
                    uint index = 0;
                    while (Native.DRMGetUsers(lic, index++, out uint user) >= 0)
                    {
                        DrmException.ThrowIfFailed(Native.DRMAddRightWithUser(lic, pub, user));
                        Native.DRMClosePubHandle(user);
                    }
            """),
        Body("Optional_creation_closed_when_not_zero",
            """
                    uint dup = 0;
                    if (flag)
                    {
                        DrmException.ThrowIfFailed({|MSDRM001:Native.DRMDuplicateSession(s, out dup)|});
                    }

                    if (dup == 0)
                    {
                        Native.DRMCloseSession(dup);
                    }
            """,
            """
                    uint dup = 0;
                    try
                    {
                        if (flag)
                        {
                            DrmException.ThrowIfFailed(Native.DRMDuplicateSession(s, out dup));
                        }
                    }
                    finally
                    {
                        if (dup != 0)
                        {
                            Native.DRMCloseSession(dup);
                        }
                    }
            """),
        Body("Discard_out_leaks_at_once",
            "        DrmException.ThrowIfFailed({|MSDRM001:Native.DRMDuplicateSession(s, out _)|});",
            Created + "        Native.DRMCloseSession(dup);"),
        Body("Catch_handler_creation_is_checked",
            """
                    try
                    {
                        DrmException.ThrowIfFailed(Native.DRMIsActivated(s, 0, IntPtr.Zero));
                    }
                    catch (DrmException)
                    {
                        DrmException.ThrowIfFailed({|MSDRM001:Native.DRMDuplicateSession(s, out uint dup)|});
                    }
            """,
            """
                    try
                    {
                        DrmException.ThrowIfFailed(Native.DRMIsActivated(s, 0, IntPtr.Zero));
                    }
                    catch (DrmException)
                    {
                        DrmException.ThrowIfFailed(Native.DRMDuplicateSession(s, out uint dup));
                        Native.DRMCloseSession(dup);
                    }
            """),
        Body("Local_function_body_is_analysed",
            """
                    Duplicate();

                    void Duplicate()
                    {
                        DrmException.ThrowIfFailed({|MSDRM001:Native.DRMDuplicateSession(s, out uint dup)|});
                    }
            """,
            """
                    Duplicate();

                    void Duplicate()
                    {
                        DrmException.ThrowIfFailed(Native.DRMDuplicateSession(s, out uint dup));
                        Native.DRMCloseSession(dup);
                    }
            """),
        Body("Lambda_body_is_analysed",
            """
                    Action duplicate = () =>
                    {
                        DrmException.ThrowIfFailed({|MSDRM001:Native.DRMDuplicateSession(s, out uint dup)|});
                    };
                    duplicate();
            """,
            """
                    Action duplicate = () =>
                    {
                        DrmException.ThrowIfFailed(Native.DRMDuplicateSession(s, out uint dup));
                        Native.DRMCloseSession(dup);
                    };
                    duplicate();
            """),
        Members("Constructor_and_accessor_bodies",
            """
                C(uint s)
                {
                    DrmException.ThrowIfFailed({|MSDRM001:Native.DRMDuplicateSession(s, out uint dup)|});
                }

                uint Session
                {
                    get
                    {
                        DrmException.ThrowIfFailed({|MSDRM001:Native.DRMDuplicateSession(field, out uint dup)|});
                        return 0;
                    }
                }
            """,
            """
                C(uint s)
                {
                    DrmException.ThrowIfFailed(Native.DRMDuplicateSession(s, out uint dup));
                    Native.DRMCloseSession(dup);
                }

                uint Session
                {
                    get
                    {
                        DrmException.ThrowIfFailed(Native.DRMDuplicateSession(field, out uint dup));
                        return dup;
                    }
                }
            """),
    };
}
