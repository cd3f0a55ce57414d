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
    /// detail: the API has no route of its own for options or items); proposals from the pipeline
    /// are read -ThrottleLimit at once.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "PortalAreaOption")]
    [OutputType(typeof(AreaOption))]
    public sealed class GetPortalAreaOptionCommand : PortalFanOutCmdlet
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

        /// <summary>How many proposals are read at once, across the pipeline's inputs; 1 reads them one after another.</summary>
        [Parameter]
        [ValidateRange(1, MaxThrottleLimit)]
        public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

        private protected override int ThrottleLimitValue => ThrottleLimit;

        protected override void ProcessRecord()
        {
            // Bound again for the next input: the write below runs later, so it keeps this input's values.
            var (proposalId, areaId, optionId) = (ProposalId, AreaId, OptionId);
            FanOut(proposalId, call => ProposalsApi.GetAsync(call, proposalId), proposal =>
            {
                var written = 0;
                foreach (var area in proposal.Areas ?? new List<Area>())
                {
                    if (areaId.HasValue && area.Id != areaId.Value) continue;
                    foreach (var option in area.Options ?? new List<AreaOption>())
                    {
                        if (optionId.HasValue && option.Id != optionId.Value) continue;
                        Emit(option);
                        written++;
                    }
                }
                if (written == 0 && (areaId.HasValue || optionId.HasValue))
                {
                    var what = optionId.HasValue ? "option " + optionId : "area " + areaId;
                    WriteError(new ErrorRecord(new ItemNotFoundException("Proposal " + proposalId + " has no " + what + "."),
                        ErrorIds.NotFound, ErrorCategory.ObjectNotFound, new OptionInput(proposalId, optionId ?? 0))
                    {
                        ErrorDetails = new ErrorDetails("Proposal " + proposalId + " has no " + what + ".")
                        {
                            RecommendedAction = "List its areas and options with Get-PortalArea -ProposalId " + proposalId + " | Get-PortalAreaOption.",
                        },
                    });
                }
            }, Hints);
        }

        private static readonly ErrorRecordFactory.Hints Hints = new ErrorRecordFactory.Hints
        {
            ListIds = "List proposals and their ids with Get-PortalProposal.",
        };
    }
}
