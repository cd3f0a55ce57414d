using System.Management.Automation;
using PortalIo.Api;
using PortalIo.Models;
using PortalIo.PowerShell.Completion;
using PortalIo.PowerShell.Errors;

namespace PortalIo.Commands.Proposals
{
    /// <summary>
    /// Assigns one of the proposal contact's locations to the proposal; Portal.io recalculates the
    /// tax from it (tax is zero until a location is assigned).
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "PortalProposalLocation", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Proposal))]
    public sealed class SetPortalProposalLocationCommand : ProposalAssignmentCommand
    {
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, int.MaxValue)]
        [ArgumentCompleter(typeof(LocationIdCompleter))]
        public int LocationId { get; set; }

        protected override void ProcessRecord() =>
            Assign(ProposalAssignment.Location, LocationId, new ErrorRecordFactory.Hints
            {
                ListIds = "The location must belong to the proposal's contact: list them with Get-PortalContactLocation -ContactId <the proposal's contact>.",
                VerifyWrite = "check with Get-PortalProposal -Id " + ProposalId,
                Conflict = "A location can only be assigned after a contact: run Set-PortalProposalContact -ProposalId " + ProposalId +
                    " -ContactId <id> first. If the proposal is Accepted, Completed or Declined, use a change order instead.",
            });
    }
}
