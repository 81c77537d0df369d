namespace MsDrm;

/// <summary><c>DRMSECURITYPROVIDERTYPE</c>: the kind of security provider <c>DRMInitEnvironment</c> loads.</summary>
public enum DrmSecurityProviderType : uint
{
    /// <summary><c>DRMSECURITYPROVIDERTYPE_SOFTWARESECREP</c>: the software lockbox.</summary>
    SoftwareSecRep = 0,
}
