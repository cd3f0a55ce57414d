using System;
using System.Management.Automation;
using PortalIo.Api;
using PortalIo.Errors;
using PortalIo.Http;
using PortalIo.Models;

namespace PortalIo.Commands.Contacts
{
    /// <summary>Lists a contact's locations (primary first, then billing, then the most recently modified).</summary>
    [Cmdlet(VerbsCommon.Get, "PortalContactLocation", SupportsPaging = true)]
    [OutputType(typeof(Location))]
    public sealed class GetPortalContactLocationCommand : PortalApiCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, int.MaxValue)]
        public int ContactId { get; set; }

        [Parameter]
        [ValidateRange(1, 500)]
        public int PageSize { get; set; } = LocationsApi.DefaultPageSize;

        protected override void ProcessRecord()
        {
            var window = new PagingWindow(PageSize, PagingParameters.Skip, PagingParameters.First);
            Action<long?>? onTotal = null;
            if (PagingParameters.IncludeTotalCount)
                onTotal = total => Emit(PagingParameters.NewTotalCount((ulong)(total ?? 0), total.HasValue ? 1.0 : 0.0));
            ForInput(ContactId, () =>
            {
                foreach (var location in LocationsApi.List(Client, ContactId, window, Log, CancelToken, onTotal)) Emit(location);
            }, new ErrorRecordFactory.Hints { ListIds = "Find contacts and their ids with Get-PortalContact -SearchText <name>." });
        }
    }
}
