using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PortalIo.PowerShell.Completion;
using PortalIo.PowerShell.Errors;
using PortalIo.Http;
using PortalIo.Models;
using PortalIo.PowerShell;

namespace PortalIo.Commands.Proposals
{
    /// <summary>
    /// What Set-PortalProposalContact and Set-PortalProposalLocation share: the proposal, the choice
    /// between the two documented request formats (GAPS G15), -PassThru, and one call per input.
    /// </summary>
    public abstract class ProposalAssignmentCommand : PortalApiCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, int.MaxValue)]
        [ArgumentCompleter(typeof(ProposalIdCompleter))]
        public int ProposalId { get; set; }

        /// <summary>Sends the older form-encoded request without a body instead of the JSON body (GAPS G15).</summary>
        [Parameter]
        public SwitchParameter FormEncoded { get; set; }

        /// <summary>Writes the updated proposal (with the recalculated tax).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Assigns <paramref name="id"/> (named <paramref name="what"/>) with <paramref name="assign"/>.</summary>
        protected void Assign(string what, int id,
            Func<PortalClient, int, int, bool, IPortalLog, CancellationToken, Task<Proposal>> assign, ErrorRecordFactory.Hints hints)
        {
            if (!ShouldProcess("proposal " + ProposalId, "Assign " + what.Replace("Id", string.Empty).ToLowerInvariant() + " " + id)) return;
            ForInput(new AssignmentInput(ProposalId, what, id), () =>
            {
                var proposal = Await(assign(Client, ProposalId, id, FormEncoded, Log, CancelToken));
                if (PassThru) Emit(proposal);
            }, hints);
        }
    }
}
