using MsDrm.Analyzers.Rules;
using Xunit;
using static MsDrm.Analyzers.Tests.Spec.SpecPrograms;

namespace MsDrm.Analyzers.Tests.MSDRM001;

/// <summary>
/// DESIGN.md: "A handle stored in a field of a local struct stays owned by the method; it escapes only
/// when that struct local escapes." A tuple local is a local struct: <c>t.h</c> and <c>t.Item1</c> are
/// one field, a tuple literal stores each element in its field, a deconstruction copies element by element.
/// Each leak is paired with its fixed twin.
/// </summary>
public sealed class MSDRM001TupleTests
{
    private static Task V(string body, string members = "")
        => Verify<MSDRM001HandleNotClosedAnalyzer>(InMethod(body, members));

    [Fact]
    public Task Handle_copied_into_a_tuple_and_never_closed_is_reported() => V("""
            {|MSDRM001:Native.DRMDuplicateSession(session, out uint copy)|};
            var pair = (copy, n);
            Console.WriteLine(pair.n);
        """);

    [Fact]
    public Task Handle_copied_into_a_tuple_and_closed_through_the_tuple_is_silent() => V("""
            Native.DRMDuplicateSession(session, out uint copy);
            var pair = (copy, n);
            Native.DRMCloseSession(pair.Item1);
        """);

    [Fact]
    public Task Created_into_a_named_element_and_never_closed_is_reported() => V("""
            (uint h, int count) pair = default;
            {|MSDRM001:Native.DRMDuplicateSession(session, out pair.h)|};
            Console.WriteLine(pair.count);
        """);

    [Fact]
    public Task Created_into_a_named_element_and_closed_as_Item1_is_silent() => V("""
            (uint h, int count) pair = default;
            Native.DRMDuplicateSession(session, out pair.h);
            Native.DRMCloseSession(pair.Item1);
        """);

    [Fact]
    public Task Created_into_Item1_and_closed_by_its_name_is_silent() => V("""
            (uint h, int count) pair = default;
            Native.DRMDuplicateSession(session, out pair.Item1);
            Native.DRMCloseSession(pair.h);
        """);

    [Fact]
    public Task Tuple_only_printed_is_still_reported() => V("""
            {|MSDRM001:Native.DRMDuplicateSession(session, out uint copy)|};
            var pair = (copy, n);
            Console.WriteLine(pair);
        """);

    [Fact]
    public Task Tuple_returned_is_an_escape() => V(
        """
            Console.WriteLine(Open(session));
        """,
        """
            private static (uint Handle, int Count) Open(uint session)
            {
                Native.DRMDuplicateSession(session, out uint copy);
                var pair = (copy, 1);
                return pair;
            }
        """);

    [Fact]
    public Task Tuple_stored_in_a_field_is_an_escape() => V(
        """
            Native.DRMDuplicateSession(session, out uint copy);
            var pair = (copy, n);
            _pair = pair;
        """,
        """
            private (uint, int) _pair;
        """);

    [Fact]
    public Task Last_copy_lost_when_the_tuple_is_overwritten_is_reported() => V("""
            {|MSDRM001:Native.DRMDuplicateSession(session, out uint copy)|};
            var pair = (copy, n);
            copy = 0;
            pair = (0u, 0);
            Console.WriteLine(pair.Item2 + copy);
        """);

    [Fact]
    public Task Tuple_closed_before_it_is_overwritten_is_silent() => V("""
            Native.DRMDuplicateSession(session, out uint copy);
            var pair = (copy, n);
            copy = 0;
            Native.DRMCloseSession(pair.Item1);
            pair = (0u, 0);
            Console.WriteLine(pair.Item2 + copy);
        """);

    [Fact]
    public Task Deconstructed_copy_never_closed_is_reported() => V("""
            {|MSDRM001:Native.DRMDuplicateSession(session, out uint copy)|};
            var (handle, count) = (copy, n);
            Console.WriteLine(handle + count);
        """);

    [Fact]
    public Task Deconstructed_copy_closed_is_silent() => V("""
            Native.DRMDuplicateSession(session, out uint copy);
            var (handle, count) = (copy, n);
            Console.WriteLine(count);
            Native.DRMCloseSession(handle);
        """);

    [Fact]
    public Task Swapped_handles_both_closed_are_silent() => V("""
            Native.DRMDuplicateSession(session, out uint first);
            Native.DRMDuplicateSession(session, out uint second);
            (first, second) = (second, first);
            Native.DRMCloseSession(first);
            Native.DRMCloseSession(second);
        """);

    [Fact]
    public Task Swapped_handles_one_closed_is_reported() => V("""
            Native.DRMDuplicateSession(session, out uint first);
            {|MSDRM001:Native.DRMDuplicateSession(session, out uint second)|};
            (first, second) = (second, first);
            Native.DRMCloseSession(second);
        """);
}
