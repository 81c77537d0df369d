using MsDrm.Analyzers.Summaries;

namespace MsDrm.Analyzers.ApiModel;

/// <summary>
/// What one method is to the API model, worked out once per method and compilation: an msdrm.dll
/// import, a method of the runtime, or neither (<see cref="Unrelated"/>, the common case).
/// </summary>
internal sealed class RecognizedMethod
{
    internal static readonly RecognizedMethod Unrelated = new(null, isRuntime: false, canCreateHandle: false, returnedWrapper: null, isAdopt: false, isThrowIfFailed: false);

    internal RecognizedMethod(DrmFunction? function, bool isRuntime, bool canCreateHandle, HandleKind? returnedWrapper, bool isAdopt, bool isThrowIfFailed, MethodSummary? summary = null)
    {
        Summary = summary;
        Function = function;
        IsRuntime = isRuntime;
        CanCreateHandle = canCreateHandle;
        ReturnedWrapper = returnedWrapper;
        IsAdopt = isAdopt;
        IsThrowIfFailed = isThrowIfFailed;
    }

    /// <summary>The msdrm.dll export the method imports, or null.</summary>
    internal DrmFunction? Function { get; }

    /// <summary>Declared by a runtime type (a <c>SafeDrm*Handle</c>, <c>DrmException</c>, <c>NativeMethods</c>) and no import.</summary>
    internal bool IsRuntime { get; }

    /// <summary>A creating import, or a runtime method that returns or outputs a wrapper: the pre-filter's question.</summary>
    internal bool CanCreateHandle { get; }

    /// <summary>The kind of the new wrapper a runtime factory returns (<c>Duplicate</c>, <c>GetUser</c>...), or null.</summary>
    internal HandleKind? ReturnedWrapper { get; }

    /// <summary><c>SafeDrm*Handle.Adopt(h)</c>: the wrapper takes ownership of the raw handle.</summary>
    internal bool IsAdopt { get; }

    /// <summary><c>DrmException.ThrowIfFailed</c> or <c>Marshal.ThrowExceptionForHR</c>: past it the HRESULT is a success.</summary>
    internal bool IsThrowIfFailed { get; }

    /// <summary>The summary of a user method with one body (see <see cref="SummaryCache"/>); null for any other method.</summary>
    internal MethodSummary? Summary { get; }

    /// <summary>Any call the DRM rules look at (an import, a runtime method, a user method that forwards, creates or closes).</summary>
    internal bool IsDrmRelated => Function is not null || IsRuntime || IsThrowIfFailed || Summary is { IsDrmRelevant: true };

    /// <summary>A user method as its summary shows it to callers.</summary>
    internal static RecognizedMethod ForSummary(MethodSummary summary)
        => new(null, isRuntime: false, canCreateHandle: summary.Creations.Length > 0, returnedWrapper: null, isAdopt: false, isThrowIfFailed: false, summary);
}
