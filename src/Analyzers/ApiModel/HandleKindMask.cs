namespace MsDrm.Analyzers.ApiModel;

/// <summary>A set of handle kinds as bits of an int: what a value or a type may hold, joined over paths or imports.</summary>
internal static class HandleKindMask
{
    internal static int Of(HandleKind kind) => 1 << (int)kind;

    /// <summary>The one kind in the set, or null when it holds none or several.</summary>
    internal static HandleKind? Single(int kinds)
    {
        foreach (HandleKind kind in HandleKindInfo.AllKinds)
        {
            if (kinds == Of(kind))
            {
                return kind;
            }
        }

        return null;
    }
}
