using System;
using System.IO;
using System.Management.Automation;
using PortalIo.PowerShell;
using PortalIo.PowerShell.Errors;
using PortalIo.PowerShell.LocalSandbox;

namespace PortalIo.Commands.Sandbox
{
    /// <summary>
    /// Starts a local Portal.io sandbox on loopback: the same routes, signature check and business
    /// rules as Portal.io, with seeded demo data (or none, or a fixture's), for testing scripts offline.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Start, "PortalSandbox", DefaultParameterSetName = DemoDataSet)]
    [OutputType(typeof(PortalSandbox))]
    public sealed class StartPortalSandboxCommand : PortalCmdlet
    {
        private const string DemoDataSet = "DemoData";
        private const string EmptySet = "Empty";
        private const string DataSet = "Data";

        /// <summary>The kinds of the sandbox's FaultKind (a test checks that the two lists agree).</summary>
        internal static readonly string[] FaultKinds =
        {
            "ServiceUnavailable", "InternalServerError", "BadGateway", "ConnectionReset", "Stall", "TruncatedBody",
            "AppliedThenReset", "AppliedThenStall", "AppliedThenStatus", "AppliedThenUnreadable",
        };

        /// <summary>TCP port on 127.0.0.1; 0 picks a free one.</summary>
        [Parameter(Position = 0)]
        [ValidateRange(0, 65535)]
        public int Port { get; set; }

        /// <summary>Added before every response, to imitate a remote server; a number is milliseconds.</summary>
        [Parameter]
        [NumberAsTimeSpan(TimeSpanUnit.Milliseconds)]
        public TimeSpan Latency { get; set; } = TimeSpan.Zero;

        /// <summary>Share of requests (0 to 1) struck by a random fault of -FaultKind, to test retries.</summary>
        [Parameter]
        [ValidateRange(0.0, 1.0)]
        public double FaultRate { get; set; }

        /// <summary>The kinds a random fault is drawn from; default ServiceUnavailable, InternalServerError, BadGateway.</summary>
        [Parameter]
        [ValidateSet("ServiceUnavailable", "InternalServerError", "BadGateway", "ConnectionReset", "Stall", "TruncatedBody",
            "AppliedThenReset", "AppliedThenStall", "AppliedThenStatus", "AppliedThenUnreadable", IgnoreCase = true)]
        public string[]? FaultKind { get; set; }

        /// <summary>Start with the demo account and its users only.</summary>
        [Parameter(Mandatory = true, ParameterSetName = EmptySet)]
        public SwitchParameter Empty { get; set; }

        /// <summary>Start with the demo account, its users and this fixture's data (JSON, or a .psd1 data file).</summary>
        [Parameter(Mandatory = true, ParameterSetName = DataSet)]
        [ValidateNotNullOrEmpty]
        public string Data { get; set; } = "";

        /// <summary>Requests per second per application key; beyond it 429 with Retry-After. 0: no limit.</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int RateLimit { get; set; }

        /// <summary>How long each AI Builder processing step takes (default 3 s); a number is milliseconds.</summary>
        [Parameter]
        [NumberAsTimeSpan(TimeSpanUnit.Milliseconds)]
        public TimeSpan AiStepDuration { get; set; } = TimeSpan.FromSeconds(3);

        protected override void ProcessRecord()
        {
            if (Latency < TimeSpan.Zero)
            {
                ThrowTerminatingError(ErrorRecordFactory.InvalidArgument(nameof(Latency), "-Latency must not be negative.", Latency));
                return;
            }
            if (AiStepDuration < TimeSpan.Zero)
            {
                ThrowTerminatingError(ErrorRecordFactory.InvalidArgument(nameof(AiStepDuration), "-AiStepDuration must not be negative.", AiStepDuration));
                return;
            }
            if (FaultKind != null && FaultKind.Length > 0 && FaultRate == 0)
            {
                ThrowTerminatingError(ErrorRecordFactory.InvalidArgument(nameof(FaultKind),
                    "-FaultKind picks the kinds of random faults, and -FaultRate decides how many requests get one: without -FaultRate none does.", FaultKind,
                    "Add -FaultRate (e.g. -FaultRate 0.2), or use Set-PortalSandboxFault to strike chosen requests."));
                return;
            }
            var settings = new SandboxStartSettings
            {
                Port = Port,
                Latency = Latency,
                FaultRate = FaultRate,
                FaultKinds = FaultKind,
                Empty = Empty,
                DataJson = ParameterSetName == DataSet ? ReadFixture() : null,
                RateLimit = RateLimit,
                AiStepDuration = MyInvocation.BoundParameters.ContainsKey(nameof(AiStepDuration)) ? AiStepDuration : (TimeSpan?)null,
            };
            PortalSandbox sandbox;
            try
            {
                sandbox = SandboxBridge.Start(settings);
            }
            catch (FormatException e)
            {
                ThrowTerminatingError(BadFixture(_fixturePath + ": " + e.Message, e));
                return;
            }
            catch (Exception ex) when (!(ex is PipelineStoppedException))
            {
                ThrowTerminatingError(new ErrorRecord(ex, ErrorIds.SandboxFailed, ErrorCategory.ResourceUnavailable, Port)
                {
                    ErrorDetails = new ErrorDetails("The sandbox could not start: " + ex.Message)
                    {
                        RecommendedAction = Port != 0 ? "Choose another -Port, or -Port 0 for any free port." : "Check that loopback (127.0.0.1) is usable.",
                    },
                });
                return;
            }
            SessionStore.Sandboxes(this).Add(sandbox);
            WriteVerbose("Sandbox listening at " + sandbox.BaseUri + " (" + sandbox.StartKind + "); connect with: Start-PortalSandbox | Connect-Portal");
            WriteObject(sandbox);
        }

        /// <summary>The fixture of -Data as JSON; a terminating error naming -Data when it cannot be read.</summary>
        private string _fixturePath = "";

        private string ReadFixture()
        {
            string fullPath;
            try
            {
                fullPath = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Data);
            }
            catch (Exception e) when (e is ItemNotFoundException || e is System.Management.Automation.DriveNotFoundException || e is ProviderNotFoundException || e is NotSupportedException)
            {
                ThrowTerminatingError(ErrorRecordFactory.InvalidArgument(nameof(Data), "-Data: " + e.Message, Data));
                return "";
            }
            _fixturePath = fullPath;
            if (!File.Exists(fullPath))
            {
                ThrowTerminatingError(new ErrorRecord(new FileNotFoundException("The fixture '" + fullPath + "' does not exist.", fullPath),
                    ErrorIds.InvalidArgument, ErrorCategory.ObjectNotFound, Data)
                {
                    ErrorDetails = new ErrorDetails("The fixture '" + fullPath + "' does not exist.")
                    {
                        RecommendedAction = "Correct the value of -Data. Export-PortalSandboxData writes a fixture from a running sandbox.",
                    },
                });
                return "";
            }
            try
            {
                var json = FixtureFile.ReadAsJson(fullPath);
                WriteVerbose("Fixture read from " + fullPath + ".");
                return json;
            }
            catch (FormatException e)
            {
                ThrowTerminatingError(BadFixture(fullPath + ": " + e.Message, e));
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                ThrowTerminatingError(new ErrorRecord(e, ErrorIds.InvalidArgument, ErrorCategory.ReadError, Data)
                {
                    ErrorDetails = new ErrorDetails("The fixture '" + fullPath + "' could not be read: " + e.Message),
                });
            }
            return "";
        }

        private ErrorRecord BadFixture(string message, Exception inner) =>
            new ErrorRecord(new ArgumentException(message, nameof(Data), inner), ErrorIds.InvalidArgument, ErrorCategory.InvalidData, Data)
            {
                ErrorDetails = new ErrorDetails(message)
                {
                    RecommendedAction = "Correct the fixture (its format is in about_PortalIo_Testing and docs/sandbox-fixture.md), then run the command again.",
                },
            };
    }
}
