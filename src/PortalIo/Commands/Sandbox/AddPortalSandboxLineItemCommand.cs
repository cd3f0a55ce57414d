using System.Management.Automation;
using PortalIo.PowerShell.LocalSandbox;

namespace PortalIo.Commands.Sandbox
{
    /// <summary>
    /// Adds a catalog item to an option of a proposal in a local sandbox, as a user of the Portal.io
    /// app would: the public API has no route for line items, yet totals and tax depend on them.
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "PortalSandboxLineItem", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(void))]
    public sealed class AddPortalSandboxLineItemCommand : PortalSandboxCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        public int ProposalId { get; set; }

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        public int OptionId { get; set; }

        [Parameter(Mandatory = true, Position = 2)]
        public int CatalogItemId { get; set; }

        [Parameter(Position = 3)]
        [ValidateRange(0.0001, 1000000)]
        public decimal Quantity { get; set; } = 1;

        protected override void ProcessRecord()
        {
            var sandbox = RunningSandbox();
            if (sandbox is null) return;
            var target = "option " + OptionId + " of proposal " + ProposalId + " in the sandbox at " + sandbox.BaseUri;
            if (!ShouldProcess(target, "Add " + Quantity + " x catalog item " + CatalogItemId)) return;
            if (Refused(() => SandboxBridge.AddLineItem(sandbox.Server, ProposalId, OptionId, CatalogItemId, Quantity), target, Capitalized)) return;
            WriteVerbose("Added " + Quantity + " x catalog item " + CatalogItemId + " to " + target + ".");
        }
    }
}
