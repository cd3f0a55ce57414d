using System;
using System.Management.Automation;
using PortalIo.Api;
using PortalIo.Models;
using PortalIo.PowerShell.Completion;
using PortalIo.PowerShell;
using PortalIo.PowerShell.Pipeline;
using PortalIo.PowerShell.Errors;

namespace PortalIo.Commands.Catalog
{
    /// <summary>
    /// Gets catalog items by id (GET /public/catalog/{id}), -ThrottleLimit at once across -Id and the
    /// pipeline; -ExtendedDetails adds description, specs, suppliers and links.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "PortalCatalogItem")]
    [OutputType(typeof(CatalogItem))]
    public sealed class GetPortalCatalogItemCommand : PortalFanOutCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ItemId")]
        [ValidateRange(1, int.MaxValue)]
        [IdOf(PortalResource.CatalogItem)]
        [ArgumentCompleter(typeof(CatalogItemIdCompleter))]
        public int[] Id { get; set; } = Array.Empty<int>();

        /// <summary>The input itself, so the pipeline binding rule can check its type (PipelineInput). Hidden: not for the command line.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject? InputObject { get; set; }

        /// <summary>Adds description, specs, suppliers, PDF and video links, and more images.</summary>
        [Parameter]
        public SwitchParameter ExtendedDetails { get; set; }

        /// <summary>Part (default), Labor or CustomItem: Labor and custom items are found only when asked for by type.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public CatalogItemType? ItemType { get; set; }

        /// <summary>How many items of -Id (or of the pipeline) are read at once; 1 reads them one after another.</summary>
        [Parameter]
        [ValidateRange(1, MaxThrottleLimit)]
        public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

        private protected override int ThrottleLimitValue => ThrottleLimit;

        protected override void ProcessRecord()
        {
            if (!Admit(InputObject)) return;
            var (extendedDetails, itemType) = (ExtendedDetails.IsPresent, ItemType);
            foreach (var id in Id) FanOut(id, call => CatalogApi.GetAsync(call, id, extendedDetails, itemType), Emit, Hints);
        }

        private static readonly ErrorRecordFactory.Hints Hints = new ErrorRecordFactory.Hints
        {
            ListIds = "Find item ids with Find-PortalCatalogItem; Labor and custom items also need -ItemType Labor or -ItemType CustomItem.",
        };
    }
}
