using System.Management.Automation;
using PortalIo.Http;
using PortalIo.PowerShell.Errors;
using PortalIo.Session;

namespace PortalIo.PowerShell
{
    /// <summary>A cmdlet that calls the API: it takes -Session, defaulting to this runspace's current session.</summary>
    public abstract class PortalApiCmdlet : PortalCmdlet
    {
        private PortalSession? _resolved;
        private PortalCall? _call;

        private protected PortalApiCmdlet()
        {
        }

        /// <summary>
        /// <para type="description">The session to use (from Connect-Portal -PassThru). Default: the current session of this runspace.</para>
        /// </summary>
        [Parameter]
        [SessionArgument]
        public PortalSession? Session { get; set; }

        /// <summary>The session in effect; a terminating NotConnected or SessionNotUsable error when there is none that can sign.</summary>
        private protected PortalSession ActiveSession
        {
            get
            {
                if (_resolved != null) return _resolved;
                var session = Session ?? SessionStore.GetCurrent(this);
                if (session is null) ThrowTerminatingError(ErrorRecordFactory.NotConnected());
                if (session!.Client is null) ThrowTerminatingError(ErrorRecordFactory.SessionNotUsable(SessionArgumentAttribute.CopyBehind(session)));
                return _resolved = session;
            }
        }

        /// <summary>
        /// This invocation's call context (the session's client, this cmdlet's log, Ctrl+C), built on
        /// first use. Its calls are waited for at once on the pipeline thread (<see cref="PortalCmdlet.Await{T}"/>);
        /// with no -Verbose or -Debug lines to write meanwhile, they may be sent on that thread.
        /// </summary>
        private protected PortalCall Call => _call ??= NewCall();

        private PortalCall NewCall()
        {
            var log = Log;
            return new PortalCall(ActiveSession.Client!, log, CancelToken, callerBlocks: !log.IsVerboseEnabled && !log.IsDebugEnabled);
        }

        /// <summary>
        /// Writes a paged listing: the -Skip/-First window of SupportsPaging, the total first when
        /// -IncludeTotalCount is given, progress per page when the total spans several pages, and
        /// a failure as this cmdlet's error record (the objects already written stay written).
        /// </summary>
        private protected void WritePaged<T>(string activity, int pageSize, object? target, IPageSource<T> pages, ErrorRecordFactory.Hints? hints = null)
        {
            var window = new PagingWindow(pageSize, PagingParameters.Skip, PagingParameters.First);
            var progress = new ListingProgress(this, activity, pageSize, PagingParameters.First);
            void OnTotal(long? total)
            {
                progress.OnTotal(total, PagingParameters.Skip);
                if (PagingParameters.IncludeTotalCount)
                    Emit(PagingParameters.NewTotalCount((ulong)(total ?? 0), total.HasValue ? 1.0 : 0.0));
            }
            try
            {
                ForInput(target, () =>
                {
                    foreach (var item in PagedReader.Read(pages, window, OnTotal, Log))
                    {
                        Emit(item);
                        progress.OnItem();
                    }
                }, hints);
            }
            finally
            {
                progress.Complete();
            }
        }
    }
}
