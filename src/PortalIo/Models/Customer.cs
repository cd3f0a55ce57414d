using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PortalIo.Models
{
    /// <summary>The contact assigned to a proposal, as the proposal carries it.</summary>
    public sealed class Customer : PortalObject
    {
        public int Id { get; set; }
        public string? PartyType { get; set; }
        public string? ContactType { get; set; }
        public string? FirstName { get; set; }
        public string? LastName { get; set; }
        public string? CompanyName { get; set; }
        public string? ContactEmail { get; set; }
        public string? ContactEmailCC { get; set; }
        public string? ContactPhone { get; set; }
        /// <summary>The contact's location on the proposal (the proposal schema gives it the fields of a location).</summary>
        public Location? Location { get; set; }

        [JsonIgnore]
        public string DisplayName
        {
            get
            {
                var person = ((FirstName ?? string.Empty) + " " + (LastName ?? string.Empty)).Trim();
                if (!string.IsNullOrEmpty(CompanyName)) return person.Length > 0 ? CompanyName + " (" + person + ")" : CompanyName!;
                return person;
            }
        }

        public override string ToString() => DisplayName;
    }

    /// <summary>A short reference to a user or dealer inside a proposal (id and names).</summary>
    public sealed class PartyReference : PortalObject
    {
        public int Id { get; set; }
        public string? Name { get; set; }
        public string? FirstName { get; set; }
        public string? LastName { get; set; }

        public override string ToString() =>
            !string.IsNullOrEmpty(Name) ? Name! : ((FirstName ?? string.Empty) + " " + (LastName ?? string.Empty)).Trim();
    }
}
