using System;
using System.Collections.Generic;
using System.Globalization;
using PortalIo.Http;

namespace PortalIo.Api
{
    /// <summary>The filters of GET /public/proposals, as query parameters.</summary>
    internal sealed class ProposalFilter
    {
        public string? SearchText { get; set; }
        public IList<string> Statuses { get; } = new List<string>();
        public int? ContactId { get; set; }
        public int? SalesPersonId { get; set; }
        public DateTimeOffset? ModifiedAfter { get; set; }

        /// <summary>true: only archived; false or null: only non-archived (the API's own default).</summary>
        public bool? Archived { get; set; }

        public string? SortBy { get; set; }
        public bool Descending { get; set; }

        internal void ApplyTo(PortalRequest request)
        {
            if (!string.IsNullOrEmpty(SearchText)) request.AddQuery("SearchText", SearchText);
            // Repeated keys (see docs/api-decisions.md, 'Repeated query keys for lists').
            foreach (var status in Statuses) request.AddQuery("Statuses", status);
            if (ContactId.HasValue) request.AddQuery("ContactId", ContactId.Value.ToString(CultureInfo.InvariantCulture));
            if (SalesPersonId.HasValue) request.AddQuery("SalesPersonId", SalesPersonId.Value.ToString(CultureInfo.InvariantCulture));
            if (ModifiedAfter.HasValue)
                request.AddQuery("ModifiedAfter", ModifiedAfter.Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            if (Archived == true) request.AddQuery("IsArchive", "true");
            if (!string.IsNullOrEmpty(SortBy))
            {
                request.AddQuery("SortBy", SortBy);
                request.AddQuery("SortDirection", Descending ? "Desc" : "Asc");
            }
            else if (Descending)
            {
                request.AddQuery("SortDirection", "Desc");
            }
        }
    }
}
