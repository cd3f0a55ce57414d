using System;
using System.Reflection;

namespace PortalIo.Http
{
    /// <summary>
    /// The largest response body a client accepts, clamped to what this process can hold: the
    /// largest array .NET allows (Invoke-PortalRequest and error messages need a body in one
    /// piece), and half of the memory available to the process where the runtime reports it (a
    /// 32-bit process without that report: 512 MB). Asking for more than that would not fetch
    /// larger bodies; it would end in an OutOfMemoryException.
    /// </summary>
    internal static class ResponseSizeLimit
    {
        /// <summary>The largest byte array .NET allows (Array.MaxLength, not in netstandard2.0).</summary>
        public const long LargestArray = 0x7FFFFFC7;

        private const long ThirtyTwoBitCeiling = 512L * 1024 * 1024;

        public static long Clamp(long requested) => Clamp(requested, AvailableMemoryBytes(), Environment.Is64BitProcess);

        internal static long Clamp(long requested, long? availableMemoryBytes, bool is64BitProcess)
        {
            var ceiling = LargestArray;
            if (availableMemoryBytes.HasValue && availableMemoryBytes.Value > 0) ceiling = Math.Min(ceiling, availableMemoryBytes.Value / 2);
            else if (!is64BitProcess) ceiling = Math.Min(ceiling, ThirtyTwoBitCeiling);
            return Math.Max(1, Math.Min(requested, ceiling));
        }

        /// <summary>
        /// The memory the GC may use (physical memory or a container's limit), from
        /// GC.GetGCMemoryInfo on .NET Core 3.0 and later; null on .NET Framework, which has no such report.
        /// </summary>
        private static long? AvailableMemoryBytes()
        {
            try
            {
                var method = typeof(GC).GetMethod("GetGCMemoryInfo", BindingFlags.Public | BindingFlags.Static, null, Type.EmptyTypes, null);
                var info = method?.Invoke(null, null);
                var total = info?.GetType().GetProperty("TotalAvailableMemoryBytes")?.GetValue(info);
                return total is long bytes && bytes > 0 ? bytes : (long?)null;
            }
            catch (Exception)
            {
                return null;
            }
        }
    }
}
