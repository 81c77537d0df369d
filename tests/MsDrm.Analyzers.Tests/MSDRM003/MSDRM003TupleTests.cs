using MsDrm.Analyzers.Rules;
using Xunit;
using static MsDrm.Analyzers.Tests.Spec.SpecPrograms;

namespace MsDrm.Analyzers.Tests.MSDRM003;

/// <summary>A handle copied into a tuple element is the same handle: closing both is a double close.</summary>
public sealed class MSDRM003TupleTests
{
    private static Task V(string body) => Verify<MSDRM003UsedAfterCloseAnalyzer>(InMethod(body));

    [Fact]
    public Task Closing_the_variable_and_then_the_tuple_element_is_reported() => V("""
            Native.DRMDuplicateSession(session, out uint copy);
            var pair = (copy, n);
            Native.DRMCloseSession(copy);
            {|MSDRM003:Native.DRMCloseSession(pair.Item1)|};
        """);

    [Fact]
    public Task Closing_only_the_tuple_element_is_silent() => V("""
            Native.DRMDuplicateSession(session, out uint copy);
            var pair = (copy, n);
            Console.WriteLine(copy);
            Native.DRMCloseSession(pair.Item1);
        """);
}
