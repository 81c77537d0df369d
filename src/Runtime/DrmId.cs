namespace MsDrm;

/// <summary>A <c>DRMID</c>: an identifier with its type, e.g. a principal or a resource.</summary>
public sealed class DrmId
{
    /// <summary>Creates an identifier.</summary>
    /// <param name="idType">The identifier type (<c>wszIDType</c>), e.g. <c>ASCII Tag</c>.</param>
    /// <param name="id">The identifier (<c>wszID</c>).</param>
    public DrmId(string? idType, string? id)
    {
        IdType = idType;
        Id = id;
    }

    /// <summary>The identifier type (<c>wszIDType</c>).</summary>
    public string? IdType { get; }

    /// <summary>The identifier (<c>wszID</c>).</summary>
    public string? Id { get; }
}
