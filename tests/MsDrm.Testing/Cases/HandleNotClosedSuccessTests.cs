using static MsDrm.Testing.Cases.HandleNotClosedSource;

namespace MsDrm.Testing.Cases;

/// <summary>
/// The success tests of docs/rules/MSDRM001.md. Each Correct closes the handle on the success side only (or
/// returns on the failure side first), which is silent only if the test is understood; each Wrong
/// closes on the failure side, or not at all, so the success side still leaks.
/// </summary>
internal static class HandleNotClosedSuccessTests
{
    private const string Dup = "Native.DRMDuplicateSession(s, out uint dup)";
    private const string Marked = "{|MSDRM001:" + Dup + "|}";

    internal static IEnumerable<RuleCase> Cases => new[]
    {
        SuccessSide("Success_hr_ge_zero_direct", "{0} >= 0"),
        SuccessSide("Success_hr_gt_minus_one", "{0} > -1"),
        SuccessSide("Success_hr_eq_zero", "{0} == 0"),
        SuccessSide("Success_zero_le_hr_reversed_operands", "0 <= {0}"),
        SuccessSide("Success_pattern_ge_zero", "{0} is >= 0"),
        SuccessSide("Success_pattern_not_lt_zero", "{0} is not < 0"),
        SuccessSide("Success_SUCCEEDED_static", "SUCCEEDED({0})"),
        SuccessSide("Success_extension_Succeeded", "{0}.Succeeded()"),
        SuccessSide("Success_negated_Failed", "!Hr.Failed({0})"),
        SuccessSide("Success_and_combination", "{0} >= 0 && {0} != E_DRM_NO_MORE_DATA"),
        SuccessSide("Success_ne_negative_constant", "{0} != E_DRM_NO_MORE_DATA"),
        SuccessSide("Success_pattern_and_combination", "{0} is not < 0 and not E_DRM_NO_MORE_DATA"),
        SuccessSide("Success_pattern_not_or_combination", "{0} is not (< 0 or E_DRM_NO_MORE_DATA)"),
        FailureSide("Failure_hr_lt_zero", "{0} < 0"),
        FailureSide("Failure_hr_ne_zero", "{0} != 0"),
        FailureSide("Failure_pattern_lt_zero", "{0} is < 0"),
        FailureSide("Failure_Failed_static_class", "Hr.Failed({0})"),
        FailureSide("Failure_negated_SUCCEEDED", "!SUCCEEDED({0})"),
        FailureSide("Failure_or_combination", "{0} < 0 || {0} == E_DRM_NO_MORE_DATA"),
        FailureSide("Failure_eq_negative_const", "{0} == E_DRM_NO_MORE_DATA"),
        FailureSide("Failure_pattern_or_combination", "{0} is < 0 or E_DRM_NO_MORE_DATA"),
        FailureSide("Failure_eq_enum_member", "{0} == (int)DrmError.E_DRM_NO_MORE_DATA"),
        FailureSide("Failure_eq_unchecked_literal", "{0} == unchecked((int)0x8004CF22)"),
        Body("Success_direct_test_of_the_call",
            $$"""
                    if ({{Marked}} >= 0)
                    {
                        Console.WriteLine("created");
                    }
            """,
            $$"""
                    if ({{Dup}} >= 0)
                    {
                        Native.DRMCloseSession(dup);
                    }
            """),
        Body("Success_assignment_inside_condition",
            $$"""
                    int hr;
                    if ((hr = {{Marked}}) < 0)
                    {
                        Console.WriteLine(hr);
                        return;
                    }

                    Console.WriteLine("created");
            """,
            $$"""
                    int hr;
                    if ((hr = {{Dup}}) < 0)
                    {
                        Console.WriteLine(hr);
                        return;
                    }

                    Native.DRMCloseSession(dup);
            """),
        Body("Success_ThrowIfFailed_stored",
            $$"""
                    int hr = {{Marked}};
                    DrmException.ThrowIfFailed(hr);
            """,
            $$"""
                    int hr = {{Dup}};
                    DrmException.ThrowIfFailed(hr);
                    Native.DRMCloseSession(dup);
            """),
        Body("Success_Marshal_ThrowExceptionForHR",
            $$"""
                    Marshal.ThrowExceptionForHR({{Marked}});
            """,
            $$"""
                    Marshal.ThrowExceptionForHR({{Dup}});
                    Native.DRMCloseSession(dup);
            """),
        Body("Success_failure_throws",
            $$"""
                    int hr = {{Marked}};
                    if (hr < 0)
                    {
                        throw new InvalidOperationException("duplicate failed");
                    }
            """,
            $$"""
                    int hr = {{Dup}};
                    if (hr < 0)
                    {
                        throw new InvalidOperationException("duplicate failed");
                    }

                    Native.DRMCloseSession(dup);
            """),
        Body("Success_tested_through_a_copy",
            $$"""
                    int hr = {{Marked}};
                    int result = hr;
                    if (result >= 0)
                    {
                        Console.WriteLine("created");
                    }
            """,
            $$"""
                    int hr = {{Dup}};
                    int result = hr;
                    if (result >= 0)
                    {
                        Native.DRMCloseSession(dup);
                    }
            """),
        Body("Success_link_lost_when_hr_is_overwritten",
            $$"""
                    int hr = {{Marked}};
                    int first = hr;
                    hr = Native.DRMIsActivated(s, 0, IntPtr.Zero);
                    if (hr < 0)
                    {
                        return;
                    }

                    Native.DRMCloseSession(dup);
                    Console.WriteLine(first);
            """,
            $$"""
                    int hr = {{Dup}};
                    if (hr < 0)
                    {
                        return;
                    }

                    hr = Native.DRMIsActivated(s, 0, IntPtr.Zero);
                    Native.DRMCloseSession(dup);
                    Console.WriteLine(hr);
            """),
        Body("Success_break_and_continue_in_loop",
            $$"""
                    for (int i = 0; i < count; i++)
                    {
                        int hr = {{Marked}};
                        if (hr == E_DRM_NO_MORE_DATA)
                        {
                            break;
                        }

                        if (hr < 0)
                        {
                            continue;
                        }
                    }
            """,
            $$"""
                    for (int i = 0; i < count; i++)
                    {
                        int hr = {{Dup}};
                        if (hr == E_DRM_NO_MORE_DATA)
                        {
                            break;
                        }

                        if (hr < 0)
                        {
                            continue;
                        }

                        Native.DRMCloseSession(dup);
                    }
            """),
    };

    /// <summary>Correct closes inside <c>if (test)</c>; Wrong closes in the else branch instead.</summary>
    private static RuleCase SuccessSide(string name, string test)
        => Body(name,
            $$"""
                    int hr = {{Marked}};
                    if ({{string.Format(test, "hr")}})
                    {
                        Console.WriteLine("created");
                    }
                    else
                    {
                        Native.DRMCloseSession(dup);
                    }
            """,
            $$"""
                    int hr = {{Dup}};
                    if ({{string.Format(test, "hr")}})
                    {
                        Native.DRMCloseSession(dup);
                    }
            """);

    /// <summary>Correct returns when <c>test</c> says failure, then closes; Wrong closes on the failure side.</summary>
    private static RuleCase FailureSide(string name, string test)
        => Body(name,
            $$"""
                    int hr = {{Marked}};
                    if ({{string.Format(test, "hr")}})
                    {
                        Native.DRMCloseSession(dup);
                    }
            """,
            $$"""
                    int hr = {{Dup}};
                    if ({{string.Format(test, "hr")}})
                    {
                        return;
                    }

                    Native.DRMCloseSession(dup);
            """);
}
