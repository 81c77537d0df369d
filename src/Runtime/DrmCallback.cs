using System;
using System.Runtime.InteropServices;

namespace MsDrm;

/// <summary>
/// The <c>DRMCALLBACK</c> a client session reports asynchronous results through. msdrm.dll calls it on
/// its own worker thread, possibly several times per request; a call is finished when
/// <paramref name="hr"/> is <c>S_DRM_COMPLETED</c> or negative.
/// </summary>
/// <param name="message">Which asynchronous operation reports.</param>
/// <param name="hr">The operation's status or result.</param>
/// <param name="parameter">Message-specific data (<c>pvParam</c>).</param>
/// <param name="context">The caller value passed to the asynchronous function (<c>pvContext</c>).</param>
/// <returns>An HRESULT; return 0 (<c>S_OK</c>).</returns>
[UnmanagedFunctionPointer(CallingConvention.StdCall)]
public delegate int DrmCallback(DrmStatusMessage message, int hr, IntPtr parameter, IntPtr context);
