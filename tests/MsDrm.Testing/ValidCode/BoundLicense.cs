using System;
using System.Runtime.InteropServices;
using MsDrm;

namespace ValidCode.BoundLicense;

/// <summary>Binds a license, reads a sub-object, decrypts and encrypts a block, closing crypto objects first.</summary>
internal static class ContentCrypto
{
    internal static byte[] DecryptBlock(uint environment, IntPtr boundLicenseParams, string licenseChain, byte[] block)
    {
        Marshal.ThrowExceptionForHR(Native.DRMCreateBoundLicense(environment, boundLicenseParams, licenseChain, out uint boundLicense, out uint errorLog));
        try
        {
            Console.WriteLine($"error log slot {errorLog} is reserved and never closed");
            int hr = Native.DRMCreateEnablingBitsDecryptor(boundLicense, "VIEW", 0, "", out uint decryptor);
            DrmException.ThrowIfFailed(hr);
            try
            {
                var output = new byte[block.Length];
                uint written = (uint)output.Length;
                DrmException.ThrowIfFailed(Native.DRMDecrypt(decryptor, 0, (uint)block.Length, block, ref written, output));
                return output;
            }
            finally
            {
                Native.DRMCloseHandle(decryptor);
            }
        }
        finally
        {
            Native.DRMCloseHandle(boundLicense);
        }
    }

    internal static int EncryptBlock(uint boundLicense, byte[] block, byte[] output)
    {
        int hr = Native.DRMCreateEnablingBitsEncryptor(boundLicense, "EDIT", 0, "", out uint encryptor);
        if (hr < 0)
        {
            return hr;
        }

        uint written = (uint)output.Length;
        hr = Native.DRMEncrypt(encryptor, 0, (uint)block.Length, block, ref written, output);
        Native.DRMCloseHandle(encryptor);
        return hr;
    }

    internal static string DescribeRights(uint boundLicense)
    {
        int hr = Native.DRMGetBoundLicenseObject(boundLicense, "work", 0, out uint work);
        if (hr < 0)
        {
            return "no work object";
        }

        string text = $"work object {work}";
        Native.DRMCloseHandle(work);
        return text;
    }
}
