using System;
using System.Management.Automation;
using PortalIo.Api;
using PortalIo.Models;
using PortalIo.PowerShell;
using PortalIo.PowerShell.Completion;

namespace PortalIo.Commands.Contacts
{
    /// <summary>
    /// Lists a contact's locations (primary first, then billing, then the most recently modified);
    /// contacts from the pipeline are read -ThrottleLimit at once (their first page; the rest as it is written).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "PortalContactLocation", SupportsPaging = true)]
    [OutputType(typeof(Location))]
    public sealed class GetPortalContactLocationCommand : PortalFanOutCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, int.MaxValue)]
        [ArgumentCompleter(typeof(ContactIdCompleter))]
        public int ContactId { get; set; }

        [Parameter]
        [ValidateRange(1, 500)]
        public int PageSize { get; set; } = LocationsApi.DefaultPageSize;

        /// <summary>How many contacts of the pipeline are read at once; 1 reads them one after another.</summary>
        [Parameter]
        [ValidateRange(1, MaxThrottleLimit)]
        public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

        private protected override int ThrottleLimitValue => ThrottleLimit;

        protected override void ProcessRecord()
        {
            var contactId = ContactId;
            FanOutPaged("Listing the locations of contact " + contactId, PageSize, contactId, call => LocationsApi.List(call, contactId), ContactHints.ListIds);
        }
    }
}
