using System.Management.Automation;
using PortalIo.Api;
using PortalIo.PowerShell;
using PortalIo.PowerShell.Completion;
using PortalIo.PowerShell.Errors;

namespace PortalIo.Commands.Proposals
{
    /// <summary>
    /// What Set-PortalProposalContact and Set-PortalProposalLocation share: the proposal, the choice
    /// between the two request formats (see docs/api-decisions.md, 'Contact and location assignment'), -PassThru, and one call per input.
    /// </summary>
    public abstract class ProposalAssignmentCommand : PortalApiCmdlet
    {
        private protected ProposalAssignmentCommand()
        {
        }

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, int.MaxValue)]
        [ArgumentCompleter(typeof(ProposalIdCompleter))]
        public int ProposalId { get; set; }

        /// <summary>Sends the form-encoded request without fields instead of the JSON body.</summary>
        [Parameter]
        public SwitchParameter FormEncoded { get; set; }

        /// <summary>Writes the updated proposal (with the recalculated tax).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Assigns the contact or location <paramref name="id"/> to the proposal.</summary>
        private protected void Assign(ProposalAssignment what, int id, ErrorRecordFactory.Hints hints)
        {
            if (!ShouldProcess("proposal " + ProposalId, "Assign " + what.ToString().ToLowerInvariant() + " " + id)) return;
            ForInput(new AssignmentInput(ProposalId, what + "Id", id), () =>
            {
                var proposal = Await(ProposalsApi.AssignAsync(Call, ProposalId, what, id, FormEncoded));
                if (PassThru) Emit(proposal);
            }, hints);
        }
    }
}
