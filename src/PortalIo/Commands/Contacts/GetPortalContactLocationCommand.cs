using System;
using System.Management.Automation;
using PortalIo.Api;
using PortalIo.Models;
using PortalIo.PowerShell;
using PortalIo.PowerShell.Completion;
using PortalIo.PowerShell.Errors;

namespace PortalIo.Commands.Contacts
{
    /// <summary>Lists a contact's locations (primary first, then billing, then the most recently modified).</summary>
    [Cmdlet(VerbsCommon.Get, "PortalContactLocation", SupportsPaging = true)]
    [OutputType(typeof(Location))]
    public sealed class GetPortalContactLocationCommand : PortalApiCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, int.MaxValue)]
        [ArgumentCompleter(typeof(ContactIdCompleter))]
        public int ContactId { get; set; }

        [Parameter]
        [ValidateRange(1, 500)]
        public int PageSize { get; set; } = LocationsApi.DefaultPageSize;

        protected override void ProcessRecord()
        {
            WritePaged("Listing the locations of contact " + ContactId, PageSize, ContactId, LocationsApi.List(Call, ContactId),
                new ErrorRecordFactory.Hints { ListIds = "Find contacts and their ids with Get-PortalContact -SearchText <name>." });
        }
    }
}
