using System;
using System.Linq;
using System.Management.Automation;
using PortalIo.Api;
using PortalIo.Models;
using PortalIo.PowerShell;
using PortalIo.PowerShell.Pipeline;
using PortalIo.PowerShell.Completion;

namespace PortalIo.Commands.Contacts
{
    /// <summary>
    /// Lists contacts with the API's filters (streamed page by page), or gets contact details by -Id:
    /// -ThrottleLimit at once, across the ids of -Id and of the pipeline.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "PortalContact", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(Contact))]
    public sealed class GetPortalContactCommand : PortalFanOutCmdlet
    {
        private const string ListSet = "List";
        private const string IdSet = "Id";

        [Parameter(Mandatory = true, ParameterSetName = IdSet, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, int.MaxValue)]
        [Alias("ContactId")]
        [ArgumentCompleter(typeof(ContactIdCompleter))]
        [IdOf(PortalResource.Contact)]
        public int[] Id { get; set; } = Array.Empty<int>();

        /// <summary>The input itself, so the pipeline binding rule can check its type (PipelineInput). Hidden: not for the command line.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject? InputObject { get; set; }

        /// <summary>Adds ProposalCount and PaymentCount to the details.</summary>
        [Parameter(ParameterSetName = IdSet)]
        public SwitchParameter IncludeCounts { get; set; }

        /// <summary>How many contacts of -Id (or of the pipeline) are read at once; 1 reads them one after another.</summary>
        [Parameter(ParameterSetName = IdSet)]
        [ValidateRange(1, MaxThrottleLimit)]
        public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

        private protected override int ThrottleLimitValue => ThrottleLimit;

        /// <summary>Matched against names, company names and e-mail addresses.</summary>
        [Parameter(ParameterSetName = ListSet, Position = 0)]
        public string? SearchText { get; set; }

        /// <summary>Only persons or only companies (the API's ContactTypes filter).</summary>
        [Parameter(ParameterSetName = ListSet)]
        public PartyType[]? PartyType { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        public ContactSortField? SortBy { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter Descending { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, 500)]
        public int PageSize { get; set; } = ContactsApi.DefaultPageSize;

        protected override void ProcessRecord()
        {
            if (!Admit(InputObject)) return;
            if (ParameterSetName == IdSet)
            {
                if (Refused(PagingParameterNames, "applies to a listing; -Id gets exactly the contacts given, so nothing was read.",
                    "Leave it out, or select among the results with Select-Object -First/-Skip.")) return;
                var includeCounts = IncludeCounts.IsPresent;
                foreach (var id in Id) FanOut(id, call => ContactsApi.GetAsync(call, id, includeCounts), Emit, ContactHints.ListIds);
                return;
            }

            var filter = new ContactFilter { SearchText = SearchText, SortBy = SortBy?.ToString(), Descending = Descending };
            foreach (var type in (PartyType ?? Array.Empty<PartyType>()).Distinct()) filter.PartyTypes.Add(type.ToString());
            WritePaged("Listing contacts", PageSize, null, ContactsApi.List(Call, filter));
        }
    }
}
