using System.Management.Automation;
using PortalIo.Api;
using PortalIo.Models;
using PortalIo.PowerShell;
using PortalIo.PowerShell.Completion;
using PortalIo.PowerShell.Errors;

namespace PortalIo.Commands.Proposals
{
    /// <summary>Lists the areas of a proposal (read from the proposal detail); proposals from the pipeline are read -ThrottleLimit at once.</summary>
    [Cmdlet(VerbsCommon.Get, "PortalArea")]
    [OutputType(typeof(Area))]
    public sealed class GetPortalAreaCommand : PortalFanOutCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, int.MaxValue)]
        [ArgumentCompleter(typeof(ProposalIdCompleter))]
        public int ProposalId { get; set; }

        [Parameter(Position = 1)]
        [SupportsWildcards]
        public string? Name { get; set; }

        /// <summary>How many proposals are read at once, across the pipeline's inputs; 1 reads them one after another.</summary>
        [Parameter]
        [ValidateRange(1, MaxThrottleLimit)]
        public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

        private protected override int ThrottleLimitValue => ThrottleLimit;

        protected override void ProcessRecord()
        {
            var pattern = string.IsNullOrEmpty(Name) ? null : new WildcardPattern(Name, WildcardOptions.IgnoreCase);
            var proposalId = ProposalId;
            FanOut(proposalId, call => ProposalsApi.GetAsync(call, proposalId), proposal =>
            {
                foreach (var area in proposal.Areas ?? new System.Collections.Generic.List<Area>())
                {
                    if (pattern is null || pattern.IsMatch(area.Name ?? string.Empty)) Emit(area);
                }
            }, Hints);
        }

        private static readonly ErrorRecordFactory.Hints Hints = new ErrorRecordFactory.Hints
        {
            ListIds = "List proposals and their ids with Get-PortalProposal.",
        };
    }
}
