using System.Management.Automation;
using PortalIo.Api;
using PortalIo.Models;
using PortalIo.PowerShell.Completion;
using PortalIo.PowerShell.Errors;

namespace PortalIo.Commands.Proposals
{
    /// <summary>
    /// Assigns a contact to a proposal. When the contact has exactly one primary location, Portal.io
    /// assigns it too and computes the tax.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "PortalProposalContact", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Proposal))]
    public sealed class SetPortalProposalContactCommand : ProposalAssignmentCommand
    {
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, int.MaxValue)]
        [ArgumentCompleter(typeof(ContactIdCompleter))]
        public int ContactId { get; set; }

        protected override void ProcessRecord() =>
            Assign(ProposalAssignment.Contact, ContactId, new ErrorRecordFactory.Hints
            {
                ListIds = "The proposal and the contact must both belong to this account: see Get-PortalProposal and Get-PortalContact.",
                VerifyWrite = "check with Get-PortalProposal -Id " + ProposalId,
            });
    }

    /// <summary>The input of an assignment, as the error record's TargetObject.</summary>
    internal sealed class AssignmentInput
    {
        public AssignmentInput(int proposalId, string what, int id)
        {
            ProposalId = proposalId;
            What = what;
            Id = id;
        }

        public int ProposalId { get; }
        public string What { get; }
        public int Id { get; }
        public override string ToString() => "proposal " + ProposalId + ", " + What + " " + Id;
    }
}
