using System;
using System.Management.Automation;
using PortalIo.Api;
using PortalIo.Models;
using PortalIo.PowerShell;
using PortalIo.PowerShell.Completion;
using PortalIo.PowerShell.Errors;

namespace PortalIo.Commands.Proposals
{
    /// <summary>Adds areas (rooms, zones) to a proposal, one call per name; each comes with a Draft option.</summary>
    [Cmdlet(VerbsCommon.Add, "PortalArea", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Area))]
    public sealed class AddPortalAreaCommand : PortalApiCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, int.MaxValue)]
        [ArgumentCompleter(typeof(ProposalIdCompleter))]
        public int ProposalId { get; set; }

        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotWhiteSpace]
        public string[] Name { get; set; } = Array.Empty<string>();

        protected override void ProcessRecord()
        {
            foreach (var name in Name)
            {
                if (!ShouldProcess("proposal " + ProposalId, "Add area '" + name + "'")) continue;
                var target = new AreaInput(ProposalId, name);
                ForInput(target, () => Emit(Await(ProposalsApi.AddAreaAsync(Call, ProposalId, name))), HintsFor(ProposalId, name));
            }
        }

        private static ErrorRecordFactory.Hints HintsFor(int proposalId, string name) => new ErrorRecordFactory.Hints
        {
            BadRequest = "Area names must be unique within a proposal, and '" + name + "' may already exist: choose another -Name, or find the existing area with Get-PortalArea -ProposalId " + proposalId + " -Name '" + name + "'.",
            VerifyWrite = "check with Get-PortalArea -ProposalId " + proposalId + " -Name '" + name + "'",
            ListIds = "List proposals and their ids with Get-PortalProposal.",
        };
    }

    /// <summary>The input of one Add-PortalArea call, as the error record's TargetObject.</summary>
    internal sealed class AreaInput
    {
        public AreaInput(int proposalId, string name)
        {
            ProposalId = proposalId;
            Name = name;
        }

        public int ProposalId { get; }
        public string Name { get; }
        public override string ToString() => "proposal " + ProposalId + ", area '" + Name + "'";
    }
}
