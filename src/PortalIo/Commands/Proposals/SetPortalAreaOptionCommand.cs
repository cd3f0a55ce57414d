using System.Management.Automation;
using PortalIo.Api;
using PortalIo.Models;
using PortalIo.PowerShell;
using PortalIo.PowerShell.Completion;
using PortalIo.PowerShell.Errors;

namespace PortalIo.Commands.Proposals
{
    /// <summary>Changes an option's client-facing description and/or its installer notes (one call per route given).</summary>
    [Cmdlet(VerbsCommon.Set, "PortalAreaOption", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(AreaOption))]
    public sealed class SetPortalAreaOptionCommand : PortalApiCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, int.MaxValue)]
        [ArgumentCompleter(typeof(ProposalIdCompleter))]
        public int ProposalId { get; set; }

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, int.MaxValue)]
        [ArgumentCompleter(typeof(OptionIdCompleter))]
        public int OptionId { get; set; }

        /// <summary>Shown to the client; an empty string clears it.</summary>
        [Parameter]
        [AllowEmptyString]
        public string? ClientDescription { get; set; }

        /// <summary>For the installers; returned as InstallerDescription.</summary>
        [Parameter]
        [AllowEmptyString]
        public string? InstallerNotes { get; set; }

        /// <summary>Writes the updated option.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (ClientDescription is null && InstallerNotes is null)
            {
                ThrowTerminatingError(ErrorRecordFactory.InvalidArgument("ClientDescription",
                    "Give -ClientDescription, -InstallerNotes or both: there is nothing to change.", null,
                    "Add -ClientDescription and/or -InstallerNotes with the new text."));
            }
        }

        protected override void ProcessRecord()
        {
            if (!ShouldProcess("option " + OptionId + " of proposal " + ProposalId,
                "Set " + (ClientDescription != null && InstallerNotes != null ? "client description and installer notes" : ClientDescription != null ? "client description" : "installer notes")))
                return;
            ForInput(new OptionInput(ProposalId, OptionId), () =>
            {
                AreaOption? result = null;
                if (ClientDescription != null)
                    result = Await(ProposalsApi.SetOptionClientDescriptionAsync(Call, ProposalId, OptionId, ClientDescription));
                if (InstallerNotes != null)
                    result = Await(ProposalsApi.SetOptionInstallerNotesAsync(Call, ProposalId, OptionId, InstallerNotes));
                if (PassThru) Emit(result);
            }, new ErrorRecordFactory.Hints
            {
                ListIds = "The option must belong to the proposal: list them with Get-PortalAreaOption -ProposalId " + ProposalId + ".",
                VerifyWrite = "check with Get-PortalAreaOption -ProposalId " + ProposalId + " -OptionId " + OptionId,
            });
        }
    }

    /// <summary>The option a Set-PortalAreaOption call was for, as the error record's TargetObject.</summary>
    internal sealed class OptionInput
    {
        public OptionInput(int proposalId, int optionId)
        {
            ProposalId = proposalId;
            OptionId = optionId;
        }

        public int ProposalId { get; }
        public int OptionId { get; }
        public override string ToString() => "proposal " + ProposalId + ", option " + OptionId;
    }
}
