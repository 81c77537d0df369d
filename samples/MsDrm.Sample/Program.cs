using MsDrm.Sample;

// A license auditor in miniature: opens an AD RMS client session, looks at a duplicate of it and
// lists the users of an issuance license. Its build output shows the MSDRM warnings for the
// mistakes in SessionAudit.cs, UserListing.cs and LifetimeMistakes.cs (not run: closed twice, wrong
// close function, close order, masked error, a leak through a helper); CorrectAudit.cs does it right.
Console.WriteLine("MsDrm sample: the build output lists the MSDRM warnings for this program.");

if (!FakeLibrary.TryInstall() && !OperatingSystem.IsWindows())
{
    Console.WriteLine("msdrm.dll (the AD RMS client) exists only on Windows, so there is nothing to run here.");
    Console.WriteLine("Set MSDRM_FAKE_LIBRARY to the path of a fake msdrm library to run it anyway.");
    return 0;
}

try
{
    uint session = SessionAudit.OpenClientSession();
    SessionAudit.CheckDuplicate(session);
    SessionAudit.CheckActivation(session);
    UserListing.CountUsers();
    CorrectAudit.CheckDuplicate(session);
    _ = NativeDrm.DRMCloseSession(session);
    Console.WriteLine("done");
    return 0;
}
catch (Exception e) when (e is MsDrm.DrmException or DllNotFoundException or EntryPointNotFoundException)
{
    Console.Error.WriteLine($"msdrm.dll call failed: {e.Message}");
    return 1;
}
