namespace MsDrm.Testing.HresultStructs;

/// <summary>
/// Two other HRESULT structs users bind msdrm.dll with: TerraFX.Interop.Windows' shape (a record-like
/// struct with <c>SUCCEEDED</c>/<c>FAILED</c> properties, static <c>Windows.SUCCEEDED(hr)</c> helpers and
/// <c>S_OK</c> as an <c>int</c> constant) and a hand-written one (a <c>Code</c> field, <c>Succeeded()</c>
/// methods, an implicit conversion to <c>int</c>), each with its own pointer-taking imports.
/// </summary>
public static class OtherHresultBindings
{
    /// <summary>The file holding both bindings.</summary>
    public const string FileName = "OtherHresultBindings.cs";

    /// <summary>The source.</summary>
    public const string Source = """
        using System;
        using System.Runtime.InteropServices;

        namespace TerraFX.Interop.Windows
        {
            public readonly partial struct HRESULT : IEquatable<HRESULT>
            {
                public readonly int Value;

                public HRESULT(int value) => Value = value;

                public static implicit operator HRESULT(int value) => new HRESULT(value);

                public static implicit operator int(HRESULT value) => value.Value;

                public static bool operator ==(HRESULT left, HRESULT right) => left.Value == right.Value;

                public static bool operator !=(HRESULT left, HRESULT right) => left.Value != right.Value;

                public static bool operator <(HRESULT left, HRESULT right) => left.Value < right.Value;

                public static bool operator >(HRESULT left, HRESULT right) => left.Value > right.Value;

                public bool FAILED => Windows.FAILED(Value);

                public bool SUCCEEDED => Windows.SUCCEEDED(Value);

                public bool Equals(HRESULT other) => Value == other.Value;

                public override bool Equals(object? obj) => obj is HRESULT other && Equals(other);

                public override int GetHashCode() => Value;
            }

            public static unsafe partial class Windows
            {
                public const int S_OK = 0;

                public static bool SUCCEEDED(int hr) => hr >= 0;

                public static bool FAILED(int hr) => hr < 0;

                [DllImport("msdrm.dll", ExactSpelling = true)]
                public static extern HRESULT DRMDuplicateSession(uint hSessionIn, uint* phSessionOut);

                [DllImport("msdrm.dll", ExactSpelling = true)]
                public static extern HRESULT DRMCreateUser(char* wszUserName, char* wszUserId, char* wszUserIdType, uint* phUser);

                [DllImport("msdrm.dll", ExactSpelling = true)]
                public static extern HRESULT DRMSetIntervalTime(uint hIssuanceLicense, uint cDays);

                [DllImport("msdrm.dll", ExactSpelling = true)]
                public static extern HRESULT DRMCloseSession(uint hSession);

                [DllImport("msdrm.dll", ExactSpelling = true)]
                public static extern HRESULT DRMClosePubHandle(uint hPub);
            }
        }

        namespace Contoso.Interop
        {
            internal readonly struct HRESULT
            {
                private readonly int code;

                internal HRESULT(int code) => this.code = code;

                public static implicit operator int(HRESULT hr) => hr.code;

                internal bool Succeeded() => code >= 0;

                internal bool Failed() => code < 0;
            }

            internal static unsafe class Drm
            {
                [DllImport("msdrm.dll")]
                internal static extern HRESULT DRMDuplicateSession(uint hSessionIn, uint* phSessionOut);

                [DllImport("msdrm.dll")]
                internal static extern HRESULT DRMSetIntervalTime(uint hIssuanceLicense, uint cDays);

                [DllImport("msdrm.dll")]
                internal static extern HRESULT DRMCloseSession(uint hSession);
            }
        }
        """;
}
