using System;

namespace PortalIo.Sandbox.Model
{
    /// <summary>An address of a contact. Its state decides the sales-tax rate of proposals it is assigned to.</summary>
    internal sealed class ContactLocation
    {
        public int Id { get; set; }
        public Contact Contact { get; set; } = null!;
        public string Street { get; set; } = "";
        public string Suite { get; set; } = "";
        public string City { get; set; } = "";
        public string PostalCode { get; set; } = "";
        public string State { get; set; } = "";
        public string StateAbbrev { get; set; } = "";
        public string Country { get; set; } = "";
        public string Phone { get; set; } = "";
        public string ContactFirstName { get; set; } = "";
        public string ContactLastName { get; set; } = "";
        public string ContactPhoneNumber { get; set; } = "";
        public string ContactEmail { get; set; } = "";
        public bool IsPrimary { get; set; }
        public bool IsBilling { get; set; }
        public DateTime LastModifiedDate { get; set; }
    }
}
