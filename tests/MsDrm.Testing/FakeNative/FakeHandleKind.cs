namespace MsDrm.Testing.FakeNative;

/// <summary>The handle kinds the fake counts (the tag it keeps in the top bits of every handle value).</summary>
public enum FakeHandleKind
{
    /// <summary>Every kind together.</summary>
    All = 0,

    /// <summary><c>DRMHSESSION</c>.</summary>
    Session = 1,

    /// <summary><c>DRMHANDLE</c>.</summary>
    Handle = 2,

    /// <summary><c>DRMPUBHANDLE</c>.</summary>
    Pub = 3,

    /// <summary><c>DRMENVHANDLE</c>.</summary>
    Environment = 4,

    /// <summary><c>DRMQUERYHANDLE</c>.</summary>
    Query = 5,
}

/// <summary>What the fake knows about a handle value.</summary>
public enum FakeHandleState
{
    /// <summary>The fake never issued this value.</summary>
    Never = 0,

    /// <summary>Issued and not yet closed.</summary>
    Live = 1,

    /// <summary>Closed with its close function.</summary>
    Closed = 2,
}

/// <summary>A snapshot of the fake's counters since the last reset.</summary>
/// <param name="Live">Open handles of every kind.</param>
/// <param name="Created">Handles issued.</param>
/// <param name="Closed">Handles closed by their own close function.</param>
/// <param name="DoubleCloses">Closes of an already closed handle.</param>
/// <param name="WrongKindCloses">Closes with another kind's close function (the handle stays open).</param>
/// <param name="UseAfterClose">Closed handles passed as input to any function.</param>
/// <param name="InjectedFailures">Failures the fake injected.</param>
/// <param name="OrderViolations">Parents closed while a child made from them was still open.</param>
public sealed record FakeMsDrmCounters(long Live, long Created, long Closed, long DoubleCloses, long WrongKindCloses, long UseAfterClose, long InjectedFailures, long OrderViolations)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"live={Live} created={Created} closed={Closed} double_close={DoubleCloses} wrong_kind_close={WrongKindCloses} " +
        $"use_after_close={UseAfterClose} injected_failures={InjectedFailures} order_violations={OrderViolations}";
}
