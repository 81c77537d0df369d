namespace MsDrm.Testing.Cases;

/// <summary>MSDRM006 through every success-test form, finally, switch, loops and closing helpers.</summary>
internal static class MSDRM006ShapeCases
{
    private static string Dup => MSDRM006Cases.Session;

    internal static IEnumerable<RuleCase> Cases =>
    [
        .. TestForms(),
        MSDRM006Cases.Run("Close_in_finally_overwrites_the_failure",
            Dup + """
            int hr = Native.DRMIsActivated(dup, 0, IntPtr.Zero);
            try
            {
                if ({|#1:hr < 0|})
                {
                    Console.WriteLine("not activated");
                }
            }
            finally
            {
                {|MSDRM006:hr = Native.DRMCloseSession(dup)|};
            }

            return hr;
            """,
            Dup + """
            int hr = Native.DRMIsActivated(dup, 0, IntPtr.Zero);
            try
            {
                if (hr < 0)
                {
                    Console.WriteLine("not activated");
                }
            }
            finally
            {
                Native.DRMCloseSession(dup);
            }

            return hr;
            """),
        MSDRM006Cases.Run("Chained_assignment_passes_the_close_result_on",
            // 'hr = rc = Close(...)' stores the close result in both: hr's failure is masked by the outer assignment.
            Dup + """
            int rc;
            int hr = Native.DRMIsActivated(dup, 0, IntPtr.Zero);
            if ({|#1:hr < 0|})
            {
                Console.WriteLine("not activated");
            }

            {|MSDRM006:hr = rc = Native.DRMCloseSession(dup)|};
            Console.WriteLine(rc);
            return hr;
            """,
            Dup + """
            int rc;
            int hr = Native.DRMIsActivated(dup, 0, IntPtr.Zero);
            if (hr < 0)
            {
                Console.WriteLine("not activated");
            }

            rc = Native.DRMCloseSession(dup);
            return hr < 0 ? hr : rc;
            """),
        MSDRM006Cases.Run("Inner_target_of_a_chained_assignment_is_masked",
            // 'rc = hr = Close(...)': the inner assignment overwrites hr's failure.
            Dup + """
            int rc;
            int hr = Native.DRMIsActivated(dup, 0, IntPtr.Zero);
            if ({|#1:hr < 0|})
            {
                Console.WriteLine("not activated");
            }

            rc = {|MSDRM006:hr = Native.DRMCloseSession(dup)|};
            Console.WriteLine(rc);
            return hr;
            """,
            Dup + """
            int rc;
            int hr = Native.DRMIsActivated(dup, 0, IntPtr.Zero);
            if (hr < 0)
            {
                Console.WriteLine("not activated");
            }

            rc = Native.DRMCloseSession(dup);
            Console.WriteLine(rc);
            return hr;
            """),
        MSDRM006Cases.Run("Return_inside_try_is_not_overwritten_by_finally",
            // 'return hr' takes the value before the finally runs: the finally's assignment masks nothing.
            Dup + """
            int hr = Native.DRMIsActivated(dup, 0, IntPtr.Zero);
            if ({|#1:hr < 0|})
            {
                Console.WriteLine("not activated");
            }

            {|MSDRM006:hr = Native.DRMCloseSession(dup)|};
            return hr;
            """,
            Dup + """
            int hr = Native.DRMIsActivated(dup, 0, IntPtr.Zero);
            try
            {
                return hr;
            }
            finally
            {
                hr = Native.DRMCloseSession(dup);
            }
            """),
        MSDRM006Cases.Run("Negative_case_label_is_a_failure_side",
            """
            DrmException.ThrowIfFailed(Native.DRMCreateIssuanceLicense(IntPtr.Zero, IntPtr.Zero, null, null, 0, null, 0, out uint issuance));
            int hr = Native.DRMGetUsers(issuance, 0, out uint user);
            switch (hr)
            {
                case {|#1:E_DRM_NO_MORE_DATA|}:
                    {|MSDRM006:hr = Native.DRMClosePubHandle(issuance)|};
                    return hr;
                default:
                    DrmException.ThrowIfFailed(hr);
                    Native.DRMClosePubHandle(user);
                    break;
            }

            return Native.DRMClosePubHandle(issuance);
            """,
            """
            DrmException.ThrowIfFailed(Native.DRMCreateIssuanceLicense(IntPtr.Zero, IntPtr.Zero, null, null, 0, null, 0, out uint issuance));
            int hr = Native.DRMGetUsers(issuance, 0, out uint user);
            switch (hr)
            {
                case E_DRM_NO_MORE_DATA:
                    Native.DRMClosePubHandle(issuance);
                    return hr;
                default:
                    DrmException.ThrowIfFailed(hr);
                    Native.DRMClosePubHandle(user);
                    break;
            }

            return Native.DRMClosePubHandle(issuance);
            """),
        MSDRM006Cases.Run("Failure_breaks_out_of_a_loop",
            Dup + """
            int hr = 0;
            for (int i = 0; i < count; i++)
            {
                hr = Native.DRMIsActivated(s, (uint)i, IntPtr.Zero);
                if ({|#1:hr < 0|})
                {
                    break;
                }
            }

            {|MSDRM006:hr = Native.DRMCloseSession(dup)|};
            return hr;
            """,
            Dup + """
            int hr = 0;
            for (int i = 0; i < count; i++)
            {
                hr = Native.DRMIsActivated(s, (uint)i, IntPtr.Zero);
                if (hr < 0)
                {
                    break;
                }
            }

            Native.DRMCloseSession(dup);
            return hr;
            """),
        MSDRM006Cases.Run("Closing_helper_result_overwrites_the_failure",
            // A method forwarding only close results is a close function (summaries).
            Dup + """
            int hr = Native.DRMIsActivated(dup, 0, IntPtr.Zero);
            if ({|#1:hr < 0|})
            {
                goto Cleanup;
            }

            Console.WriteLine("activated");
            Cleanup:
            {|MSDRM006:hr = EndSession(dup)|};
            return hr;
            """,
            Dup + """
            int hr = Native.DRMIsActivated(dup, 0, IntPtr.Zero);
            if (hr < 0)
            {
                goto Cleanup;
            }

            Console.WriteLine("activated");
            Cleanup:
            EndSession(dup);
            return hr;
            """,
            "private static int EndSession(uint session) => Native.DRMCloseSession(session);\n\n"),
        MSDRM006Cases.Run("Two_failures_reach_one_cleanup_reported_once",
            // One diagnostic per overwriting assignment; every failure test that reaches it is a location.
            Dup + """
            int hr = Native.DRMIsActivated(dup, 0, IntPtr.Zero);
            if ({|#1:hr < 0|})
            {
                goto Cleanup;
            }

            hr = Native.DRMIsActivated(dup, 1, IntPtr.Zero);
            if ({|#2:hr < 0|})
            {
                goto Cleanup;
            }

            Console.WriteLine("activated");
            Cleanup:
            {|MSDRM006:hr = Native.DRMCloseSession(dup)|};
            return hr;
            """,
            Dup + """
            int hr = Native.DRMIsActivated(dup, 0, IntPtr.Zero);
            if (hr < 0)
            {
                goto Cleanup;
            }

            hr = Native.DRMIsActivated(dup, 1, IntPtr.Zero);
            if (hr < 0)
            {
                goto Cleanup;
            }

            Console.WriteLine("activated");
            Cleanup:
            Native.DRMCloseSession(dup);
            return hr;
            """),
        MSDRM006Cases.Run("A_failed_close_overwritten_by_the_next_close_is_not_reported",
            // Only failures of calls other than close functions count.
            """
            DrmException.ThrowIfFailed(Native.DRMDuplicateSession(s, out uint first));
            DrmException.ThrowIfFailed(Native.DRMDuplicateSession(s, out uint second));
            int hr = Native.DRMIsActivated(first, 0, IntPtr.Zero);
            if ({|#1:hr < 0|})
            {
                Console.WriteLine("first is not activated");
            }

            {|MSDRM006:hr = Native.DRMCloseSession(first)|};
            hr = Native.DRMCloseSession(second);
            return hr;
            """,
            """
            DrmException.ThrowIfFailed(Native.DRMDuplicateSession(s, out uint first));
            DrmException.ThrowIfFailed(Native.DRMDuplicateSession(s, out uint second));
            int hr = Native.DRMCloseSession(first);
            if (hr < 0)
            {
                Console.WriteLine("first did not close");
            }

            hr = Native.DRMCloseSession(second);
            return hr;
            """),
        MSDRM006Cases.Run("Negative_literal_overwritten",
            Dup + """
            int hr = 0;
            if (count < 0)
            {
                {|#1:hr = E_FAIL|};
            }

            {|MSDRM006:hr = Native.DRMCloseSession(dup)|};
            return hr;
            """,
            Dup + """
            int hr = 0;
            if (count < 0)
            {
                hr = E_FAIL;
            }

            if (hr >= 0)
            {
                hr = Native.DRMCloseSession(dup);
            }
            else
            {
                Native.DRMCloseSession(dup);
            }

            return hr;
            """),
    ];

    /// <summary>The same goto-cleanup shape behind each failure test form of DESIGN.md's MSDRM001 list.</summary>
    private static IEnumerable<RuleCase> TestForms()
    {
        var forms = new (string Name, string Test)[]
        {
            ("Failed_helper", "Hr.Failed(hr)"),
            ("Not_SUCCEEDED", "!SUCCEEDED(hr)"),
            ("Not_zero", "hr != 0"),
            ("Negative_pattern", "hr is < 0"),
            ("Not_Succeeded_extension", "!hr.Succeeded()"),
        };
        foreach ((string name, string test) in forms)
        {
            yield return MSDRM006Cases.Run($"Failure_side_of_{name}",
                Dup + $$"""
                int hr = Native.DRMIsActivated(dup, 0, IntPtr.Zero);
                if ({|#1:{{test}}|})
                {
                    goto Cleanup;
                }

                Console.WriteLine("activated");
                Cleanup:
                {|MSDRM006:hr = Native.DRMCloseSession(dup)|};
                return hr;
                """,
                Dup + $$"""
                int hr = Native.DRMIsActivated(dup, 0, IntPtr.Zero);
                if ({{test}})
                {
                    goto Cleanup;
                }

                Console.WriteLine("activated");
                Cleanup:
                Native.DRMCloseSession(dup);
                return hr;
                """);
        }
    }
}
