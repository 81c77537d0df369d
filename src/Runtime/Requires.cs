using System;

namespace MsDrm;

/// <summary>Argument checks that work on netstandard2.0 too.</summary>
internal static class Requires
{
    public static T NotNull<T>(T? value, string name)
        where T : class
    {
        return value ?? throw new ArgumentNullException(name);
    }
}
