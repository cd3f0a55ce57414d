using System;
using System.Collections.Generic;
using System.Linq;

namespace PortalIo.Sandbox.Model
{
    /// <summary>A customer ("person") of a dealer account, assignable to proposals.</summary>
    internal sealed class Contact
    {
        public Contact(int id, DealerAccount account, string partyType, string firstName, string lastName,
            string companyName, string contactEmail, string contactPhone)
        {
            Id = id;
            Account = account;
            PartyType = partyType;
            FirstName = firstName;
            LastName = lastName;
            CompanyName = companyName;
            ContactEmail = contactEmail;
            ContactPhone = contactPhone;
        }

        public int Id { get; }
        public DealerAccount Account { get; }
        public string PartyType { get; }
        /// <summary>Client unless created otherwise through POST /public/people.</summary>
        public string ContactType { get; set; } = "Client";
        // Settable: SandboxServer.ModifyContact changes them to drive PersonModification events.
        public string FirstName { get; set; }
        public string LastName { get; set; }
        public string CompanyName { get; set; }
        public string ContactEmail { get; set; }
        public string ContactEmailCC { get; set; } = "";
        public string ContactPhone { get; set; }
        public string Notes { get; set; } = "";
        public DateTime CreatedDate { get; set; }
        public DateTime LastModifiedDate { get; set; }

        /// <summary>Addresses of the contact; at most one is primary and one billing at a time.</summary>
        public List<ContactLocation> Locations { get; } = new List<ContactLocation>();

        public ContactLocation? PrimaryLocation => Locations.FirstOrDefault(l => l.IsPrimary);
        public ContactLocation? BillingLocation => Locations.FirstOrDefault(l => l.IsBilling);

        /// <summary>What SortBy=ClientName orders by: the company for companies, else "Last First".</summary>
        public string SortName => PartyType == "Company" ? CompanyName : LastName + " " + FirstName;
    }
}
