using System;
using System.Management.Automation;
using PortalIo.Models;

namespace PortalIo.Bench
{
    /// <summary>
    /// Scenario 1's control: the hand-rolled client inside the thinnest binary cmdlet there can be
    /// (one parameter, one call, one WriteObject). What it costs over the raw C# loop is what the
    /// engine charges any module per command; what PortalIo costs over it is PortalIo's own.
    /// The scenario imports the bench assembly as a module and sets <see cref="Client"/> first.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "BenchRawProposal")]
    [OutputType(typeof(Proposal))]
    public sealed class GetBenchRawProposalCommand : PSCmdlet
    {
        /// <summary>Static because the engine creates the cmdlet; only the benchmark sets it.</summary>
        public static RawPortalClient? Client { get; set; }

        [Parameter(Mandatory = true, Position = 0)]
        public int[] Id { get; set; } = Array.Empty<int>();

        [Parameter] public SwitchParameter NoOutput { get; set; }

        protected override void ProcessRecord()
        {
            var client = Client ?? throw new InvalidOperationException("Set GetBenchRawProposalCommand.Client before use.");
            foreach (var id in Id)
            {
                var p = client.GetAsync<Proposal>("public/proposals/" + id).GetAwaiter().GetResult();
                if (!NoOutput) WriteObject(p);
            }
        }
    }
}
