using System;
using System.IO;
using System.Management.Automation;
using System.Text;
using PortalIo.PowerShell.Errors;
using PortalIo.PowerShell.LocalSandbox;

namespace PortalIo.Commands.Sandbox
{
    /// <summary>
    /// Writes a local sandbox's current data as a fixture (JSON, docs/sandbox-fixture.md) that
    /// Start-PortalSandbox -Data starts from: set up the data once by hand or by script, export it,
    /// and start every test run from it.
    /// </summary>
    [Cmdlet(VerbsData.Export, "PortalSandboxData", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportPortalSandboxDataCommand : PortalSandboxCmdlet
    {
        /// <summary>The file to write (JSON); replaced when it exists, unless -NoClobber.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [Alias("LiteralPath")]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = "";

        /// <summary>Refuses to replace an existing file.</summary>
        [Parameter]
        public SwitchParameter NoClobber { get; set; }

        /// <summary>Writes the file's FileInfo.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var sandbox = TargetSandbox;
            var fullPath = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
            if (string.Equals(System.IO.Path.GetExtension(fullPath), ".psd1", StringComparison.OrdinalIgnoreCase))
            {
                WriteError(ErrorRecordFactory.InvalidArgument(nameof(Path),
                    "Export-PortalSandboxData writes JSON; '" + fullPath + "' would be read back as a PowerShell data file.", Path,
                    "Give a .json path. Start-PortalSandbox -Data reads the JSON as it is."));
                return;
            }
            if (NoClobber && File.Exists(fullPath))
            {
                WriteError(new ErrorRecord(new IOException("The file '" + fullPath + "' already exists."), ErrorIds.InvalidArgument, ErrorCategory.ResourceExists, Path)
                {
                    ErrorDetails = new ErrorDetails("The file '" + fullPath + "' already exists, and -NoClobber keeps it.")
                    {
                        RecommendedAction = "Give another -Path, or leave out -NoClobber to replace the file.",
                    },
                });
                return;
            }
            if (!ShouldProcess(fullPath, "Write the data of the sandbox at " + sandbox.BaseUri)) return;
            var (json, summary) = SandboxBridge.ExportData(sandbox.Server);
            try
            {
                File.WriteAllText(fullPath, json, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                WriteError(new ErrorRecord(e, ErrorIds.InvalidArgument, ErrorCategory.WriteError, Path)
                {
                    ErrorDetails = new ErrorDetails("The file '" + fullPath + "' could not be written: " + e.Message)
                    {
                        RecommendedAction = "Check that the folder exists and that you may write there.",
                    },
                });
                return;
            }
            WriteVerbose("Wrote " + summary + " to " + fullPath + ".");
            if (PassThru) WriteObject(new FileInfo(fullPath));
        }
    }
}
