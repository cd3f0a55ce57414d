using System;
using System.Management.Automation;
using System.Security;
using PortalIo.Http;
using PortalIo.PowerShell;
using PortalIo.PowerShell.Errors;
using PortalIo.Session;

namespace PortalIo.Commands.Session
{
    /// <summary>
    /// Connects to Portal.io: runs the credential exchange (or takes a user key from a runbook's vault)
    /// and makes the session current for this runspace.
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "Portal", DefaultParameterSetName = CredentialSet)]
    [OutputType(typeof(PortalSession))]
    public sealed class ConnectPortalCommand : PortalCmdlet
    {
        private const string CredentialSet = "Credential";
        private const string UserKeySet = "UserKey";

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotWhiteSpace]
        public string ApplicationKey { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public SecureString SecretKey { get; set; } = null!;

        [Parameter(Mandatory = true, ParameterSetName = CredentialSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        [Credential]
        public PSCredential Credential { get; set; } = null!;

        [Parameter(Mandatory = true, ParameterSetName = UserKeySet)]
        [ValidateNotNull]
        public SecureString UserKey { get; set; } = null!;

        [Parameter]
        public PortalEnvironment Environment { get; set; } = PortalEnvironment.Production;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public Uri? BaseUri { get; set; }

        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = ClientSettings.DefaultTimeoutSec;

        [Parameter]
        [ValidateRange(0, 10)]
        public int MaxRetries { get; set; } = ClientSettings.DefaultMaxRetries;

        /// <summary>
        /// <para type="description">The largest response body accepted, in MB (default 64). A larger one fails with PortalIo.InvalidResponse instead of being buffered without bound.</para>
        /// </summary>
        [Parameter]
        [ValidateRange(1, 2047)]
        public int MaxResponseSizeMB { get; set; } = (int)(ClientSettings.DefaultMaxResponseBytes / (1024 * 1024));

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            if (BaseUri != null && MyInvocation.BoundParameters.ContainsKey(nameof(Environment)))
            {
                ThrowTerminatingError(ErrorRecordFactory.InvalidArgument(nameof(BaseUri),
                    "Give either -Environment or -BaseUri, not both.", BaseUri));
            }

            Uri baseUri;
            try
            {
                baseUri = BaseUri != null ? BaseUriPolicy.Validate(BaseUri, nameof(BaseUri)) : PortalEnvironments.BaseUriOf(Environment);
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(ErrorRecordFactory.InvalidArgument(nameof(BaseUri), ex.Message, BaseUri));
                return;
            }

            // Keys that cannot be signed or sent: refused before any request, naming the parameter, never the value.
            var broken = CredentialRules.Check(ApplicationKey, SecretKey, ParameterSetName == UserKeySet ? UserKey : null);
            if (broken != null)
                ThrowTerminatingError(ErrorRecordFactory.InvalidArgument(broken.Value.Parameter, broken.Value.Message, null));

            var request = new ConnectRequest
            {
                BaseUri = baseUri,
                EnvironmentName = BaseUri != null ? "Custom" : Environment.ToString(),
                ApplicationKey = ApplicationKey,
                SecretKey = SecretKey,
                Settings = new ClientSettings
                {
                    Timeout = TimeSpan.FromSeconds(TimeoutSec),
                    MaxRetries = MaxRetries,
                    MaxResponseBytes = MaxResponseSizeMB * 1024L * 1024L,
                    UserAgent = UserAgent.Value,
                },
            };
            if (ParameterSetName == UserKeySet) request.UserKey = UserKey;
            else
            {
                request.UserName = Credential.UserName;
                request.Password = Credential.Password;
            }

            PortalSession session;
            try
            {
                session = Await(SessionConnector.ConnectAsync(request, Log, CancelToken));
            }
            catch (PortalApiException ex)
            {
                // Without a session nothing else can run: this failure ends the command.
                FlushLog();
                ThrowTerminatingError(ErrorRecordFactory.FromApiException(ex, baseUri));
                return;
            }

            if (session.Client.MaxResponseBytes < request.Settings.MaxResponseBytes)
            {
                WriteWarning("-MaxResponseSizeMB " + MaxResponseSizeMB + " is more than this process can hold: responses are limited to " +
                    session.Client.MaxResponseBytes / (1024 * 1024) + " MB instead.");
            }
            SessionStore.SetCurrent(this, session);
            WriteVerbose("Connected to " + session.BaseUri + (session.UserName != null ? " as " + session.UserName : " with a user key") + ".");
            if (PassThru) Emit(session);
        }
    }
}
