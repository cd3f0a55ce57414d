using System.Threading.Tasks;

namespace PortalIo.Http
{
    /// <summary>
    /// A write that is settled before it is reported, when its outcome is unknown
    /// (<see cref="WriteSettlement.IsUnknown"/>): it reads back what the write would have made.
    /// Applied: the result is returned, with a verbose note. Not applied: sent again, re-signed by
    /// the client like every attempt (at most -MaxRetries times, each after a read that proves it
    /// was not applied, so it is never applied twice). Undecided, or the read itself failed: the
    /// one WriteOutcomeUnknown error. Each route declares its own read next to it (in Api/); the
    /// mechanism is here, once.
    /// </summary>
    internal abstract class SettledWrite<T> where T : class
    {
        /// <summary>What the write makes or changes, for the verbose notes: "area 'Den' of proposal 1042".</summary>
        protected abstract string What { get; }

        /// <summary>Reads, before the write, what a later read-back compares with (a snapshot of ids). Most writes need none.</summary>
        protected virtual Task PrepareAsync(PortalCall call) => Task.FromResult(true);

        /// <summary>Sends the write once and reads its result from the answer.</summary>
        protected abstract Task<T> SendOnceAsync(PortalCall call);

        /// <summary>Reads back whether the write was applied.</summary>
        protected abstract Task<ReadBack<T>> ReadBackAsync(PortalCall call);

        public async Task<T> RunAsync(PortalCall call)
        {
            await PrepareAsync(call).ConfigureAwait(false);
            for (var resent = 0; ; resent++)
            {
                PortalApiException lost;
                try
                {
                    return await SendOnceAsync(call).ConfigureAwait(false);
                }
                catch (PortalApiException failure) when (WriteSettlement.IsUnknown(failure))
                {
                    lost = failure;
                }

                ReadBack<T> read;
                try
                {
                    read = await ReadBackAsync(call).ConfigureAwait(false);
                }
                catch (PortalApiException readFailure)
                {
                    throw WriteSettlement.Unknown(lost, "reading back to settle it failed too (" + readFailure.ApiMessage + ")");
                }
                var lostAnswer = lost.Method + " " + lost.Url + ": " + WriteSettlement.LostAnswer(lost);
                if (read.Result != null)
                {
                    if (call.Log.IsVerboseEnabled) call.Log.Verbose(lostAnswer + ". Reading back found " + What + ": it was applied.");
                    return read.Result;
                }
                if (!read.NotApplied) throw WriteSettlement.Unknown(lost, read.Undecided ?? "reading back could not tell");
                if (resent >= call.MaxRetries)
                {
                    lost.ConfirmedNotApplied = true;
                    throw lost;
                }
                if (call.Log.IsVerboseEnabled)
                    call.Log.Verbose(lostAnswer + ". Reading back shows " + What + " was not applied: sending it again (" + (resent + 1) + " of at most " + call.MaxRetries + ").");
            }
        }
    }
}
