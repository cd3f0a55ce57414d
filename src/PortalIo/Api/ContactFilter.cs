using System.Collections.Generic;
using PortalIo.Http;

namespace PortalIo.Api
{
    /// <summary>The list filters of GET /public/people.</summary>
    internal sealed class ContactFilter
    {
        public string? SearchText { get; set; }

        /// <summary>Person and/or Company, sent as ContactTypes (see docs/api-decisions.md, 'Contact list filter by party type').</summary>
        public IList<string> PartyTypes { get; } = new List<string>();

        public string? SortBy { get; set; }
        public bool Descending { get; set; }

        internal void ApplyTo(PortalRequest request)
        {
            if (!string.IsNullOrEmpty(SearchText)) request.AddQuery("SearchText", SearchText);
            foreach (var type in PartyTypes) request.AddQuery("ContactTypes", type);
            if (!string.IsNullOrEmpty(SortBy)) request.AddQuery("SortBy", SortBy);
            if (Descending || !string.IsNullOrEmpty(SortBy)) request.AddQuery("SortDirection", Descending ? "Desc" : "Asc");
        }
    }
}
