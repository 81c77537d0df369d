namespace MsDrm.Analyzers.HandleFlow;

/// <summary>How a leaking path loses its handle.</summary>
internal enum LostPointKind
{
    /// <summary>A <c>return</c> leaves the method with the handle open.</summary>
    Return,

    /// <summary>The path runs off the end of the body.</summary>
    EndOfMethod,

    /// <summary>The path leaves the method right after a statement (a <c>goto</c> or shape whose exit statement is not told).</summary>
    LeavesAfter,

    /// <summary>Another value is stored in the only variable that holds it.</summary>
    Overwritten,

    /// <summary>A loop goes round and its creating call runs again into the same variable.</summary>
    LoopRepeats,

    /// <summary>Created into <c>out _</c>: lost at once.</summary>
    Discarded,
}
