using System.Threading;

namespace PortalIo.Sandbox.Hosting
{
    /// <summary>Running totals since the emulator started (not reset by Reset or by clearing the journal).</summary>
    internal sealed class RequestCounters
    {
        private long _received;
        private long _signatureFailures;
        private long _faultsInjected;
        private long _rateLimited;

        public long Received => Interlocked.Read(ref _received);
        public long SignatureFailures => Interlocked.Read(ref _signatureFailures);
        public long FaultsInjected => Interlocked.Read(ref _faultsInjected);
        public long RateLimited => Interlocked.Read(ref _rateLimited);

        public void CountReceived() => Interlocked.Increment(ref _received);
        public void CountSignatureFailure() => Interlocked.Increment(ref _signatureFailures);
        public void CountFault() => Interlocked.Increment(ref _faultsInjected);
        public void CountRateLimited() => Interlocked.Increment(ref _rateLimited);
    }
}
