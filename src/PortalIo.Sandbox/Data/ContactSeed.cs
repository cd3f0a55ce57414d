using System.Collections.Generic;
using PortalIo.Sandbox.Model;

namespace PortalIo.Sandbox.Data
{
    /// <summary>
    /// The contacts beyond the six the proposals use, and every seeded location. Kept apart from
    /// DemoData so that the proposal seed (whose customers are picked by index from its own list)
    /// never shifts when contacts are added here.
    /// </summary>
    internal static class ContactSeed
    {
        public static void Populate(EmulatorStore store, DealerAccount demo, DealerAccount other, DealerAccount inactive,
            IReadOnlyList<Contact> proposalContacts, Contact otherContact, Contact inactiveContact)
        {
            Contact Find(int id) => store.FindContactInAccount(id, demo)!;

            var kim = DemoData.Contact(store, SandboxSeed.ContactWithoutLocationsId, demo, "Person", "David", "Kim", "", "david.kim@example.com", "555-0194");
            var lakeside = DemoData.Contact(store, SandboxSeed.ContactWithSeveralLocationsId, demo, "Company", "Erin", "Walsh", "Lakeside Hospitality Group", "erin.walsh@lakeside.example.com", "555-0195");
            var rossi = DemoData.Contact(store, SandboxSeed.ContactWithoutPrimaryLocationId, demo, "Person", "Sofia", "Rossi", "", "sofia.rossi@example.com", "555-0196");
            var summit = DemoData.Contact(store, 97, demo, "Company", "Grace", "Holloway", "Summit Dental Partners", "frontdesk@summitdental.example.com", "555-0197");
            var whitaker = DemoData.Contact(store, 98, demo, "Person", "James", "Whitaker", "", "james.whitaker@example.com", "555-0198");
            var rahman = DemoData.Contact(store, 99, demo, "Person", "Aisha", "Rahman", "", "aisha.rahman@example.com", "555-0199");
            var crescent = DemoData.Contact(store, 100, demo, "Company", "Victor", "Lang", "Crescent Property Management", "victor.lang@crescentpm.example.com", "555-0200");
            DemoData.Contact(store, 101, demo, "Person", "Noah", "Bennett", "", "noah.bennett@example.com", "555-0201");
            var nguyen = DemoData.Contact(store, 102, demo, "Person", "Emily", "Nguyen", "", "emily.nguyen@example.com", "555-0202");
            var church = DemoData.Contact(store, 103, demo, "Company", "Paul", "Greer", "Blue Ridge Community Church", "office@blueridgechurch.example.com", "555-0203");
            var mendoza = DemoData.Contact(store, 104, demo, "Person", "Carlos", "Mendoza", "", "carlos@mendozawiring.example.com", "555-0204");
            mendoza.ContactType = "Contractor";
            kim.Notes = "Prefers text messages.";
            lakeside.ContactEmailCC = "accounts@lakeside.example.com";
            _ = rossi;

            var jane = Find(SandboxSeed.SmithContactId);
            jane.Notes = "Preferred contact via email.";
            // The docs' example location of Jane Smith (id 201, Austin, Texas): her only location, primary.
            Loc(store, SandboxSeed.SmithPrimaryLocationId, jane, "123 Main St", "", "Austin", "78701", "Texas", "555-555-0100", primary: true, billing: false, daysAgo: 30,
                onSite: ("Jane", "Smith", "555-555-0100", "jane.smith@example.com"));

            var chen = Find(89);
            Loc(store, SandboxSeed.ChenPrimaryLocationId, chen, "4500 Elm St", "", "Dallas", "75201", "Texas", "555-0189", primary: true, billing: false, daysAgo: 60);
            Loc(store, 203, chen, "900 Travis St", "Suite 1200", "Houston", "77002", "Texas", "555-0289", primary: false, billing: true, daysAgo: 50);
            Loc(store, 204, Find(90), "350 W 42nd St", "Apt 18B", "New York", "10036", "New York", "555-0190", primary: true, billing: false, daysAgo: 45);
            Loc(store, 205, Find(91), "1200 Harbor Ave SW", "", "Seattle", "98126", "Washington", "555-0191", primary: true, billing: true, daysAgo: 80);
            Loc(store, 206, Find(92), "1600 Glenarm Pl", "", "Denver", "80202", "Colorado", "555-0192", primary: true, billing: false, daysAgo: 20);
            Loc(store, 207, Find(SandboxSeed.NonAsciiContactId), "1450 Brickell Ave", "Piso 3", "Miami", "33131", "Florida", "555-0193", primary: true, billing: false, daysAgo: 15);

            // Four addresses, primary and billing apart, the other two in modification order — for the list ordering rule.
            Loc(store, SandboxSeed.SeveralLocationsPrimaryLocationId, lakeside, "233 S Wacker Dr", "Floor 40", "Chicago", "60606", "Illinois", "555-0195", primary: true, billing: false, daysAgo: 90);
            Loc(store, SandboxSeed.SeveralLocationsBillingLocationId, lakeside, "1603 Orrington Ave", "", "Evanston", "60201", "Illinois", "555-0295", primary: false, billing: true, daysAgo: 70);
            Loc(store, 210, lakeside, "411 E Wisconsin Ave", "", "Milwaukee", "53202", "Wisconsin", "555-0395", primary: false, billing: false, daysAgo: 10);
            Loc(store, 211, lakeside, "1 W Wilson St", "", "Madison", "53703", "Wisconsin", "555-0495", primary: false, billing: false, daysAgo: 5);

            // Two addresses and neither is primary: assigning this contact assigns no location.
            Loc(store, 212, rossi, "6801 Hollywood Blvd", "", "Los Angeles", "90028", "California", "555-0196", primary: false, billing: false, daysAgo: 12);
            Loc(store, 213, rossi, "180 University Ave", "", "Palo Alto", "94301", "California", "555-0296", primary: false, billing: true, daysAgo: 8);

            Loc(store, 214, summit, "75 State St", "Suite 300", "Boston", "02109", "Massachusetts", "555-0197", primary: true, billing: true, daysAgo: 33);
            Loc(store, 215, whitaker, "2200 Peachtree Rd NW", "", "Atlanta", "30309", "Georgia", "555-0198", primary: true, billing: false, daysAgo: 27);
            Loc(store, 216, rahman, "401 N Tryon St", "", "Charlotte", "28202", "North Carolina", "555-0199", primary: true, billing: false, daysAgo: 22);
            Loc(store, 217, crescent, "1 E Washington St", "Suite 500", "Phoenix", "85004", "Arizona", "555-0200", primary: true, billing: true, daysAgo: 18);
            Loc(store, 218, nguyen, "1000 SW Broadway", "", "Portland", "97205", "Oregon", "555-0202", primary: true, billing: false, daysAgo: 14);
            Loc(store, 219, church, "5 Church St", "", "Asheville", "28801", "North Carolina", "555-0203", primary: true, billing: false, daysAgo: 60);
            Loc(store, 220, mendoza, "3100 E 5th St", "", "Austin", "78702", "Texas", "555-0204", primary: true, billing: false, daysAgo: 3);

            Loc(store, SandboxSeed.OtherDealerLocationId, otherContact, "800 NE Oregon St", "", "Portland", "97232", "Oregon", "555-0120", primary: true, billing: false, daysAgo: 40);
            Loc(store, 240, inactiveContact, "10 Main St", "", "Boise", "83702", "Idaho", "555-0130", primary: true, billing: false, daysAgo: 100);

            // Accepted and completed work was necessarily taxed at a location, so their totals include tax.
            store.FindProposal(SandboxSeed.AcceptedProposalId)!.Location = store.FindLocationInAccount(SandboxSeed.ChenPrimaryLocationId, demo);
            store.FindProposal(SandboxSeed.CompletedProposalId)!.Location = store.FindLocationInAccount(204, demo);
            _ = proposalContacts;
            _ = other;
            _ = inactive;
        }

        /// <param name="onSite">The on-site contact; defaults to the contact's own name, phone and e-mail.</param>
        private static void Loc(EmulatorStore store, int id, Contact owner, string street, string suite, string city, string postalCode,
            string state, string phone, bool primary, bool billing, int daysAgo,
            (string First, string Last, string Phone, string Email)? onSite = null)
        {
            var person = onSite ?? (owner.FirstName, owner.LastName, owner.ContactPhone, owner.ContactEmail);
            store.AddLocation(new ContactLocation
            {
                Id = id,
                Contact = owner,
                Street = street,
                Suite = suite,
                City = city,
                PostalCode = postalCode,
                State = state,
                StateAbbrev = TaxRates.AbbreviationOf(state),
                Country = "United States",
                Phone = phone,
                ContactFirstName = person.First,
                ContactLastName = person.Last,
                ContactPhoneNumber = person.Phone,
                ContactEmail = person.Email,
                IsPrimary = primary,
                IsBilling = billing,
                LastModifiedDate = DemoData.Anchor.AddDays(-daysAgo),
            });
        }
    }
}
