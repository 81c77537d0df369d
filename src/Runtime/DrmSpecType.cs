namespace MsDrm;

/// <summary><c>DRMSPECTYPE</c>: how a provider or library argument is given.</summary>
public enum DrmSpecType : uint
{
    /// <summary><c>DRMSPECTYPE_UNKNOWN</c>.</summary>
    Unknown = 0,

    /// <summary><c>DRMSPECTYPE_FILENAME</c>: a file path.</summary>
    FileName = 1,
}
