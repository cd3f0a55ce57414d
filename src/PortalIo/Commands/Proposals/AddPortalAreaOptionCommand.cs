using System.Management.Automation;
using PortalIo.Api;
using PortalIo.Models;
using PortalIo.PowerShell;
using PortalIo.PowerShell.Completion;
using PortalIo.PowerShell.Errors;

namespace PortalIo.Commands.Proposals
{
    /// <summary>Adds an option to an area (at most 3 per area, counting the one created with it).</summary>
    [Cmdlet(VerbsCommon.Add, "PortalAreaOption", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(AreaOption))]
    public sealed class AddPortalAreaOptionCommand : PortalApiCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, int.MaxValue)]
        [ArgumentCompleter(typeof(ProposalIdCompleter))]
        public int ProposalId { get; set; }

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, int.MaxValue)]
        [ArgumentCompleter(typeof(AreaIdCompleter))]
        public int AreaId { get; set; }

        /// <summary>Customer-facing description, e.g. 'Premium Installation Package'.</summary>
        [Parameter(Position = 2)]
        [AllowEmptyString]
        public string? ClientDescription { get; set; }

        /// <summary>Notes for the installers; never shown to the client.</summary>
        [Parameter]
        [AllowEmptyString]
        public string? InternalNotes { get; set; }

        protected override void ProcessRecord()
        {
            if (!ShouldProcess("area " + AreaId + " of proposal " + ProposalId, "Add option" + (ClientDescription != null ? " '" + ClientDescription + "'" : string.Empty)))
                return;
            var target = new AreaOptionInput(ProposalId, AreaId, ClientDescription);
            ForInput(target, () => Emit(Await(ProposalsApi.AddAreaOptionAsync(Call, ProposalId, AreaId, ClientDescription, InternalNotes))),
                new ErrorRecordFactory.Hints
                {
                    BadRequest = "An area holds at most 3 options (the Draft option it was created with and 2 more): edit an existing option, or add another area with Add-PortalArea.",
                    VerifyWrite = "check with Get-PortalProposal -Id " + ProposalId + " | Get-PortalArea",
                    ListIds = "List the areas and their ids with Get-PortalArea -ProposalId " + ProposalId + ".",
                });
        }
    }

    /// <summary>The input of one Add-PortalAreaOption call, as the error record's TargetObject.</summary>
    internal sealed class AreaOptionInput
    {
        public AreaOptionInput(int proposalId, int areaId, string? clientDescription)
        {
            ProposalId = proposalId;
            AreaId = areaId;
            ClientDescription = clientDescription;
        }

        public int ProposalId { get; }
        public int AreaId { get; }
        public string? ClientDescription { get; }
        public override string ToString() => "proposal " + ProposalId + ", area " + AreaId;
    }
}
