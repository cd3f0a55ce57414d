using System.Collections.Generic;
using System.Management.Automation;
using PortalIo.Api;
using PortalIo.Models;
using PortalIo.PowerShell;
using PortalIo.PowerShell.Completion;
using PortalIo.PowerShell.Errors;

namespace PortalIo.Commands.Proposals
{
    /// <summary>
    /// Lists the options of a proposal's areas, with their line items (read from the proposal
    /// detail: the API has no route of its own for options or items).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "PortalAreaOption")]
    [OutputType(typeof(AreaOption))]
    public sealed class GetPortalAreaOptionCommand : PortalApiCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, int.MaxValue)]
        [ArgumentCompleter(typeof(ProposalIdCompleter))]
        public int ProposalId { get; set; }

        /// <summary>Only the options of this area.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, int.MaxValue)]
        [ArgumentCompleter(typeof(AreaIdCompleter))]
        public int? AreaId { get; set; }

        /// <summary>Only this option.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        [ArgumentCompleter(typeof(OptionIdCompleter))]
        public int? OptionId { get; set; }

        protected override void ProcessRecord()
        {
            ForInput(ProposalId, () =>
            {
                var proposal = Await(ProposalsApi.GetAsync(Call, ProposalId));
                var written = 0;
                foreach (var area in proposal.Areas ?? new List<Area>())
                {
                    if (AreaId.HasValue && area.Id != AreaId.Value) continue;
                    foreach (var option in area.Options ?? new List<AreaOption>())
                    {
                        if (OptionId.HasValue && option.Id != OptionId.Value) continue;
                        Emit(option);
                        written++;
                    }
                }
                if (written == 0 && (AreaId.HasValue || OptionId.HasValue))
                {
                    var what = OptionId.HasValue ? "option " + OptionId : "area " + AreaId;
                    WriteError(new ErrorRecord(new ItemNotFoundException("Proposal " + ProposalId + " has no " + what + "."),
                        ErrorIds.NotFound, ErrorCategory.ObjectNotFound, new OptionInput(ProposalId, OptionId ?? 0))
                    {
                        ErrorDetails = new ErrorDetails("Proposal " + ProposalId + " has no " + what + ".")
                        {
                            RecommendedAction = "List its areas and options with Get-PortalArea -ProposalId " + ProposalId + " | Get-PortalAreaOption.",
                        },
                    });
                }
            }, new ErrorRecordFactory.Hints { ListIds = "List proposals and their ids with Get-PortalProposal." });
        }
    }
}
