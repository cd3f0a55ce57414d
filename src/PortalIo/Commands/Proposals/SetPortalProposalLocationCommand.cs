using System.Management.Automation;
using PortalIo.Commands.Completion;
using PortalIo.Api;
using PortalIo.Errors;
using PortalIo.Models;

namespace PortalIo.Commands.Proposals
{
    /// <summary>
    /// Assigns one of the proposal contact's locations to the proposal; Portal.io recalculates the
    /// tax from it (tax is zero until a location is assigned).
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "PortalProposalLocation", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Proposal))]
    public sealed class SetPortalProposalLocationCommand : PortalApiCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, int.MaxValue)]
        [ArgumentCompleter(typeof(ProposalIdCompleter))]
        public int ProposalId { get; set; }

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, int.MaxValue)]
        public int LocationId { get; set; }

        /// <summary>Sends the older form-encoded request without a body instead of the JSON body (GAPS G15).</summary>
        [Parameter]
        public SwitchParameter FormEncoded { get; set; }

        /// <summary>Writes the updated proposal (with the recalculated tax).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            if (!ShouldProcess("proposal " + ProposalId, "Assign location " + LocationId)) return;
            ForInput(new AssignmentInput(ProposalId, "LocationId", LocationId),
                () => { var proposal = Await(ProposalsApi.AssignLocationAsync(Client, ProposalId, LocationId, FormEncoded, Log, CancelToken)); if (PassThru) Emit(proposal); },
                new ErrorRecordFactory.Hints
                {
                    ListIds = "The location must belong to the proposal's contact: list them with Get-PortalContactLocation -ContactId <the proposal's contact>.",
                    VerifyWrite = "check with Get-PortalProposal -Id " + ProposalId,
                    Conflict = "A location can only be assigned after a contact: run Set-PortalProposalContact -ProposalId " + ProposalId +
                        " -ContactId <id> first. If the proposal is Accepted, Completed or Declined, use a change order instead.",
                });
        }
    }
}
