using System.Management.Automation;
using PortalIo.Errors;
using PortalIo.Http;
using PortalIo.Session;

namespace PortalIo.Commands
{
    /// <summary>A cmdlet that calls the API: it takes -Session, defaulting to this runspace's current session.</summary>
    public abstract class PortalApiCmdlet : PortalCmdlet
    {
        /// <summary>
        /// <para type="description">The session to use (from Connect-Portal -PassThru). Default: the current session of this runspace.</para>
        /// </summary>
        [Parameter]
        public PortalSession? Session { get; set; }

        private PortalSession? _resolved;

        /// <summary>The session in effect; a terminating NotConnected error when there is none.</summary>
        protected PortalSession ActiveSession
        {
            get
            {
                if (_resolved != null) return _resolved;
                _resolved = Session ?? SessionStore.GetCurrent(this);
                if (_resolved is null) ThrowTerminatingError(ErrorRecordFactory.NotConnected());
                return _resolved!;
            }
        }

        protected PortalClient Client => ActiveSession.Client;
    }
}
