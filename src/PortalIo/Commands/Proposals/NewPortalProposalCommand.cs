using System.Management.Automation;
using PortalIo.Api;
using PortalIo.Models;
using PortalIo.PowerShell.Completion;
using PortalIo.PowerShell;
using PortalIo.PowerShell.Errors;

namespace PortalIo.Commands.Proposals
{
    /// <summary>Creates a Draft proposal owned by a salesperson (a user of the account).</summary>
    [Cmdlet(VerbsCommon.New, "PortalProposal", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Proposal))]
    public sealed class NewPortalProposalCommand : PortalApiCmdlet
    {
        /// <summary>Display name; when omitted, Portal.io generates one.</summary>
        [Parameter(Position = 0)]
        [ValidateNotWhiteSpace]
        public string? Name { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, int.MaxValue)]
        [ArgumentCompleter(typeof(SalesPersonIdCompleter))]
        public int SalesPersonId { get; set; }

        protected override void ProcessRecord()
        {
            var what = (Name != null ? "proposal '" + Name + "'" : "proposal with a generated name") + " for salesperson " + SalesPersonId;
            if (!ShouldProcess(what, "Create")) return;
            ForInput(SalesPersonId, () => Emit(Await(ProposalsApi.CreateAsync(Call, SalesPersonId, Name))), Hints);
        }

        private static readonly ErrorRecordFactory.Hints Hints = new ErrorRecordFactory.Hints
        {
            ListIds = "-SalesPersonId must be the id of an active user of this account: list them with Get-PortalUser.",
            VerifyWrite = "look for it with Get-PortalProposal -SearchText <name>",
        };
    }
}
