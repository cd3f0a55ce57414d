using System.Management.Automation;
using PortalIo.Api;
using PortalIo.Models;
using PortalIo.PowerShell;
using PortalIo.PowerShell.Pipeline;
using PortalIo.PowerShell.Completion;
using PortalIo.PowerShell.Errors;

namespace PortalIo.Commands.Proposals
{
    /// <summary>
    /// Changes a proposal's name, salesperson, client-facing description or internal notes: one call
    /// per route whose parameters were given (name and salesperson share one route).
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "PortalProposal", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Proposal))]
    public sealed class SetPortalProposalCommand : PortalApiCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, int.MaxValue)]
        [Alias("ProposalId")]
        [ArgumentCompleter(typeof(ProposalIdCompleter))]
        [IdOf(PortalResource.Proposal)]
        public int Id { get; set; }

        /// <summary>The input itself, so the pipeline binding rule can check its type (PipelineInput). Hidden: not for the command line.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject? InputObject { get; set; }

        [Parameter]
        [ValidateNotWhiteSpace]
        public string? Name { get; set; }

        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        [ArgumentCompleter(typeof(SalesPersonIdCompleter))]
        public int? SalesPersonId { get; set; }

        /// <summary>Shown to the client on proposal documents.</summary>
        [Parameter]
        [AllowEmptyString]
        public string? Description { get; set; }

        /// <summary>For the team only; never on client documents.</summary>
        [Parameter]
        [AllowEmptyString]
        public string? InternalNotes { get; set; }

        /// <summary>Writes the updated proposal.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (Name is null && SalesPersonId is null && Description is null && InternalNotes is null)
            {
                ThrowTerminatingError(ErrorRecordFactory.InvalidArgument("Name",
                    "Give at least one of -Name, -SalesPersonId, -Description or -InternalNotes: there is nothing to change.", null,
                    "Add -Name, -SalesPersonId, -Description or -InternalNotes with the new value."));
            }
        }

        protected override void ProcessRecord()
        {
            if (!Admit(InputObject)) return;
            if (!ShouldProcess("proposal " + Id, "Set " + Changes())) return;
            var hints = new ErrorRecordFactory.Hints
            {
                ListIds = SalesPersonId.HasValue ? "-SalesPersonId must be an active user of this account (Get-PortalUser); -Id a proposal (Get-PortalProposal)." : "List proposals and their ids with Get-PortalProposal.",
                VerifyWrite = "check with Get-PortalProposal -Id " + Id,
            };
            ForInput(Id, () =>
            {
                Proposal? result = null;
                if (Name != null || SalesPersonId.HasValue)
                    result = Await(ProposalsApi.UpdateAsync(Call, Id, Name, SalesPersonId));
                if (Description != null)
                    result = Await(ProposalsApi.SetDescriptionAsync(Call, Id, Description));
                if (InternalNotes != null)
                    result = Await(ProposalsApi.SetInternalNotesAsync(Call, Id, InternalNotes));
                if (PassThru && result != null) Emit(result);
            }, hints);
        }

        private string Changes()
        {
            var parts = new System.Collections.Generic.List<string>();
            if (Name != null) parts.Add("name '" + Name + "'");
            if (SalesPersonId.HasValue) parts.Add("salesperson " + SalesPersonId);
            if (Description != null) parts.Add("description");
            if (InternalNotes != null) parts.Add("internal notes");
            return string.Join(", ", parts);
        }
    }
}
