using System.Collections.Generic;

namespace MsDrm;

/// <summary>
/// The managed form of <c>DRMBOUNDLICENSEPARAMS</c> for <see cref="SafeDrmHandle.CreateBoundLicense"/>.
/// The handles it names are inputs: the caller keeps owning them.
/// </summary>
public sealed class DrmBoundLicenseParameters
{
    /// <summary>The enabling principal (<c>hEnablingPrincipal</c>), usually from <see cref="SafeDrmHandle.CreateEnablingPrincipal"/>.</summary>
    public SafeDrmHandle? EnablingPrincipal { get; set; }

    /// <summary>The secure store (<c>hSecureStore</c>); reserved, leave null.</summary>
    public SafeDrmHandle? SecureStore { get; set; }

    /// <summary>The rights requested (<c>wszRightsRequested</c>), e.g. <c>VIEW</c>.</summary>
    public string? RightsRequested { get; set; }

    /// <summary>The rights group (<c>wszRightsGroup</c>), e.g. <c>Main-Rights</c>.</summary>
    public string? RightsGroup { get; set; }

    /// <summary>The resource the license is bound for (<c>idResource</c>).</summary>
    public DrmId? Resource { get; set; }

    /// <summary>Authenticator handles (<c>rghAuthenticators</c>); reserved, leave empty.</summary>
    public IList<SafeDrmHandle> Authenticators { get; } = new List<SafeDrmHandle>();

    /// <summary>Credentials of the default enabling principal (<c>wszDefaultEnablingPrincipalCredentials</c>).</summary>
    public string? DefaultEnablingPrincipalCredentials { get; set; }

    /// <summary>Binding flags (<c>dwFlags</c>).</summary>
    public uint Flags { get; set; }
}
