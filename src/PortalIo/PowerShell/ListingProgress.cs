using System;
using System.Management.Automation;

namespace PortalIo.PowerShell
{
    /// <summary>
    /// Write-Progress for a listing that spans several pages and whose total the API reported:
    /// updated once per page, never per item, and completed at the end.
    /// </summary>
    internal sealed class ListingProgress
    {
        private static int s_nextActivityId = 1;

        private readonly Cmdlet _cmdlet;
        private readonly ProgressRecord _record;
        private readonly int _pageSize;
        private readonly ulong _wanted;
        private long? _expected;
        private long _written;
        private bool _shown;

        public ListingProgress(Cmdlet cmdlet, string activity, int pageSize, ulong wanted)
        {
            _cmdlet = cmdlet;
            _pageSize = pageSize;
            _wanted = wanted;
            _record = new ProgressRecord(System.Threading.Interlocked.Increment(ref s_nextActivityId), activity, "Starting");
        }

        public void OnTotal(long? total, ulong skip)
        {
            if (!total.HasValue) return;
            var remaining = Math.Max(0, total.Value - (long)Math.Min(skip, (ulong)long.MaxValue));
            _expected = _wanted < (ulong)remaining ? (long)_wanted : remaining;
        }

        public void OnItem()
        {
            _written++;
            if (!_expected.HasValue || _expected.Value <= _pageSize || _written % _pageSize != 0) return;
            _record.PercentComplete = (int)Math.Min(99, _written * 100 / _expected.Value);
            _record.StatusDescription = _written + " of " + _expected.Value;
            _record.RecordType = ProgressRecordType.Processing;
            _cmdlet.WriteProgress(_record);
            _shown = true;
        }

        public void Complete()
        {
            if (!_shown) return;
            _record.RecordType = ProgressRecordType.Completed;
            _record.PercentComplete = 100;
            _cmdlet.WriteProgress(_record);
        }
    }
}
