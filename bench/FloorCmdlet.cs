using System;
using System.Management.Automation;
using PortalIo.Models;

namespace PortalIo.Bench
{
    /// <summary>
    /// Scenario 1's control: the hand-rolled client inside the thinnest binary cmdlet there can be
    /// (one parameter, typed int[] like PortalIo's -Id so both bind the same way; one call and one
    /// WriteObject per id). What it costs over the raw C# loop is what the engine charges any module
    /// per command; what PortalIo costs over it is PortalIo's own.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "BenchRawProposal")]
    [OutputType(typeof(Proposal))]
    public sealed class GetBenchRawProposalCommand : PSCmdlet
    {
        /// <summary>Static because the engine creates the cmdlet; only the benchmark sets it.</summary>
        public static RawPortalClient? Client { get; set; }

        /// <summary>Imports the bench assembly as a module into the engine and gives the cmdlet its client.</summary>
        public static void ImportInto(HostedEngine engine, RawPortalClient client)
        {
            Client = client;
            engine.Invoke("Import-Module '" + typeof(GetBenchRawProposalCommand).Assembly.Location.Replace("'", "''") + "' -ErrorAction Stop");
        }

        [Parameter(Mandatory = true, Position = 0)]
        public int[] Id { get; set; } = Array.Empty<int>();

        protected override void ProcessRecord()
        {
            var client = Client ?? throw new InvalidOperationException("Import the cmdlet with GetBenchRawProposalCommand.ImportInto first.");
            foreach (var id in Id)
            {
                WriteObject(client.GetAsync<Proposal>("public/proposals/" + id).GetAwaiter().GetResult());
            }
        }
    }
}
