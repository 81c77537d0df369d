using System;
using System.Runtime.InteropServices;

namespace MsDrm;

/// <summary><c>SYSTEMTIME</c>, in UTC as msdrm.dll expects.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NativeSystemTime
{
    public ushort Year;
    public ushort Month;
    public ushort DayOfWeek;
    public ushort Day;
    public ushort Hour;
    public ushort Minute;
    public ushort Second;
    public ushort Milliseconds;

    public static NativeSystemTime From(DateTime time)
    {
        DateTime utc = time.ToUniversalTime();
        return new NativeSystemTime
        {
            Year = (ushort)utc.Year,
            Month = (ushort)utc.Month,
            DayOfWeek = (ushort)utc.DayOfWeek,
            Day = (ushort)utc.Day,
            Hour = (ushort)utc.Hour,
            Minute = (ushort)utc.Minute,
            Second = (ushort)utc.Second,
            Milliseconds = (ushort)utc.Millisecond,
        };
    }
}
