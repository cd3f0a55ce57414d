using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using PortalIo.Http;

namespace PortalIo.Models
{
    /// <summary>A contact ("person" in the API): the client a proposal is built for, or a company.</summary>
    public sealed class Contact : PortalObject
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
        public string? Notes { get; set; }
        public DateTimeOffset? LastModifiedDate { get; set; }
        public Location? PrimaryLocation { get; set; }
        public Location? BillingLocation { get; set; }

        /// <summary>Only when asked for (Get-PortalContact -IncludeCounts).</summary>
        public int? ProposalCount { get; set; }
        public int? PaymentCount { get; set; }


        /// <summary>So that contacts bind to -ContactId of the next cmdlet by property name.</summary>
        [JsonIgnore] public int ContactId => Id;

        [JsonIgnore]
        public string DisplayName
        {
            get
            {
                var person = ((FirstName ?? string.Empty) + " " + (LastName ?? string.Empty)).Trim();
                if (string.Equals(PartyType, "Company", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(CompanyName)) return CompanyName!;
                return person.Length > 0 ? person : CompanyName ?? string.Empty;
            }
        }

        public override string ToString() => DisplayName;
    }

    internal sealed class ContactList : IListPageBody<Contact>
    {
        public List<Contact>? People { get; set; }
        public long? PeopleCount { get; set; }

        public Page<Contact> ToPage() => new Page<Contact>(People, PeopleCount);
    }
}
