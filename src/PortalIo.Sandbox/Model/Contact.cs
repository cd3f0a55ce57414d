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
        public string ContactType => "Client";
        public string FirstName { get; }
        public string LastName { get; }
        public string CompanyName { get; }
        public string ContactEmail { get; }
        public string ContactEmailCC => "";
        public string ContactPhone { get; }

        /// <summary>What SortBy=ClientName orders by: the company for companies, else "Last First".</summary>
        public string SortName => PartyType == "Company" ? CompanyName : LastName + " " + FirstName;
    }
}
