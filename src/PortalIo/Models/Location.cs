using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using PortalIo.Http;

namespace PortalIo.Models
{
    /// <summary>An address of a contact; assigned to a proposal, it drives the proposal's tax.</summary>
    public sealed class Location : PortalObject
    {
        public int Id { get; set; }
        public string? Street { get; set; }
        public string? Suite { get; set; }
        public string? City { get; set; }
        public string? PostalCode { get; set; }
        public string? State { get; set; }
        public string? StateAbbrev { get; set; }
        public string? Country { get; set; }
        public string? Phone { get; set; }
        public string? ContactFirstName { get; set; }
        public string? ContactLastName { get; set; }
        public string? ContactPhoneNumber { get; set; }
        public string? ContactEmail { get; set; }
        public bool IsPrimary { get; set; }
        public bool IsBilling { get; set; }

        /// <summary>The contact it belongs to, when the module knows it (listings of a contact).</summary>
        [JsonIgnore] public int? ContactId { get; set; }

        /// <summary>So that locations bind to Set-PortalProposalLocation -LocationId.</summary>
        [JsonIgnore] public int LocationId => Id;

        [JsonIgnore]
        public string Address
        {
            get
            {
                var parts = new List<string>();
                void Add(string? s) { if (!string.IsNullOrWhiteSpace(s)) parts.Add(s!.Trim()); }
                Add(Street + (string.IsNullOrWhiteSpace(Suite) ? string.Empty : " " + Suite));
                Add(City);
                Add(((StateAbbrev ?? State) + " " + PostalCode).Trim());
                Add(Country);
                return string.Join(", ", parts);
            }
        }

        public override string ToString() => Address;
    }

    internal sealed class LocationList : IListPageBody<Location>
    {
        public List<Location>? ContactLocations { get; set; }
        public long? LocationCount { get; set; }

        public Page<Location> ToPage() => new Page<Location>(ContactLocations, LocationCount);
    }
}
