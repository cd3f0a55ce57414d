using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using PortalIo.Sandbox.Model;

namespace PortalIo.Sandbox.Data
{
    /// <summary>
    /// Builds the demo data. Everything is derived from fixed tables and the index of each item,
    /// never from a random source or the clock, so every run serves identical data and the
    /// <see cref="SandboxSeed"/> ids stay true.
    /// </summary>
    internal static class DemoData
    {
        public const string PrimaryUserName = "demo@portal.local";
        public const string PrimaryPassword = "Sandbox+P@ss1";
        public const string ReadOnlyUserName = "readonly@portal.local";
        public const string ReadOnlyPassword = "ReadOnly+P@ss1";
        public const string InactiveUserName = "lapsed@portal.local";
        public const string InactivePassword = "Lapsed+P@ss1";
        public const string OtherDealerUserName = "other@portal.local";
        public const string OtherDealerPassword = "Other+P@ss1";

        private static readonly string[] AdminPermissions =
        {
            "ViewProposals", "CreateProposals", "EditProposals", "ViewContacts", "EditContacts",
            "ViewCatalog", "ManageWebhooks", "ViewUsers",
        };

        /// <summary>Seeded dates are fixed instants around the docs' examples, not "now".</summary>
        internal static readonly DateTime Anchor = new DateTime(2026, 4, 1, 9, 30, 0, DateTimeKind.Utc);

        private static readonly string[] AreaNames = { "Living Room", "Kitchen", "Master Bedroom", "Home Office", "Patio", "Media Room", "Garage", "Basement Bar" };
        private static readonly string[] Themes = { "AV Upgrade", "Whole Home Audio", "Home Theater", "Network Refresh", "Security Cameras", "Smart Lighting", "Outdoor Audio" };

        private static readonly ProposalStatus[] GeneratedStatusCycle =
        {
            ProposalStatus.Draft, ProposalStatus.Draft, ProposalStatus.Submitted, ProposalStatus.Draft,
            ProposalStatus.ViewedByClient, ProposalStatus.Draft, ProposalStatus.Accepted, ProposalStatus.Draft,
            ProposalStatus.Declined, ProposalStatus.Draft, ProposalStatus.Completed, ProposalStatus.Delayed,
            ProposalStatus.Expired,
        };

        public static IReadOnlyList<SandboxDemoUser> DemoUsers { get; } = new[]
        {
            new SandboxDemoUser(PrimaryUserName, PrimaryPassword, "active admin"),
            new SandboxDemoUser(ReadOnlyUserName, ReadOnlyPassword, "no permissions: mutating calls answer 403"),
            new SandboxDemoUser(InactiveUserName, InactivePassword, "subscription inactive: every /public call answers 402"),
            new SandboxDemoUser(OtherDealerUserName, OtherDealerPassword, "another dealer account"),
        };

        /// <summary>
        /// The demo dealer account and its four users (two logins, two salespeople only): all that an
        /// Empty start has, and what a fixture's data is loaded into.
        /// </summary>
        public static DealerAccount AddDemoDealer(EmulatorStore store)
        {
            var demo = new DealerAccount(SandboxSeed.DemoDealerId, SandboxSeed.DemoDealerName, subscriptionActive: true);
            store.AddAccount(demo);
            User(store, SandboxSeed.DemoSalesPersonId, demo, "Alex", "Johnson", "alex.johnson@dealership.com", "Sales", AdminPermissions, null);
            User(store, SandboxSeed.DemoAdminSalesPersonId, demo, "Maria", "Torres", "maria.torres@dealership.com", "Admin", AdminPermissions, null);
            User(store, SandboxSeed.DemoUserId, demo, "Demo", "Dealer", PrimaryUserName, "Admin", AdminPermissions, PrimaryPassword);
            User(store, SandboxSeed.ReadOnlyUserId, demo, "Riley", "Viewer", ReadOnlyUserName, "ReadOnly", new string[0], ReadOnlyPassword);
            return demo;
        }

        /// <summary>The seeded start: the demo dealer with its data, two more accounts, and the catalog.</summary>
        public static void Populate(EmulatorStore store, EmulatorCatalog catalog, int extraProposalCount)
        {
            var demo = AddDemoDealer(store);
            var inactive = new DealerAccount(SandboxSeed.InactiveDealerId, "Lapsed Audio LLC", subscriptionActive: false);
            var other = new DealerAccount(SandboxSeed.OtherDealerId, "Northside Home Theater", subscriptionActive: true);
            store.AddAccount(inactive);
            store.AddAccount(other);
            CatalogSeed.Populate(catalog, demo);

            var alex = store.FindUserInAccount(SandboxSeed.DemoSalesPersonId, demo)!;
            var maria = store.FindUserInAccount(SandboxSeed.DemoAdminSalesPersonId, demo)!;
            var demoUser = store.FindUserInAccount(SandboxSeed.DemoUserId, demo)!;
            var lapsed = User(store, SandboxSeed.InactiveDealerUserId, inactive, "Sam", "Lapsed", InactiveUserName, "Admin", AdminPermissions, InactivePassword);
            var olivia = User(store, SandboxSeed.OtherDealerUserId, other, "Olivia", "Other", OtherDealerUserName, "Admin", AdminPermissions, OtherDealerPassword);

            var contacts = new List<Contact>
            {
                Contact(store, SandboxSeed.SmithContactId, demo, "Person", "Jane", "Smith", "", "jane.smith@example.com", "555-0188"),
                Contact(store, 89, demo, "Person", "Robert", "Chen", "", "robert.chen@example.com", "555-0189"),
                Contact(store, 90, demo, "Person", "Priya", "Patel", "", "priya.patel@example.com", "555-0190"),
                Contact(store, 91, demo, "Company", "Dana", "Whitfield", "Harbor View Dental", "office@harborviewdental.example.com", "555-0191"),
                Contact(store, 92, demo, "Person", "Michael", "O'Brien", "", "michael.obrien@example.com", "555-0192"),
                Contact(store, SandboxSeed.NonAsciiContactId, demo, "Person", "Lucía", "Fernández", "", "lucia.fernandez@example.com", "555-0193"),
            };
            var otherContact = Contact(store, SandboxSeed.OtherDealerContactId, other, "Person", "Tom", "Baker", "", "tom.baker@example.com", "555-0120");
            var inactiveContact = Contact(store, 130, inactive, "Person", "Ann", "Lee", "", "ann.lee@example.com", "555-0130");

            var items = new ItemFactory(9001);

            // Smith Residence AV: the docs' example proposal.
            var smith = NewProposal(demo, SandboxSeed.DraftProposalId, SandboxSeed.DraftProposalName, ProposalStatus.Draft, demoUser, contacts[0],
                new DateTime(2026, 3, 10, 14, 0, 0, DateTimeKind.Utc), Anchor);
            smith.ProjectDescription = "Whole-home AV for the Smith family: living room surround and a dedicated theater.";
            AddArea(smith, SandboxSeed.DraftProposalLivingRoomAreaId, "Living Room", SandboxSeed.DraftProposalLivingRoomOptionId,
                "Surround sound and 75\" display", items.Tv(1), items.Soundbar(1), items.InstallLabor(4));
            AddArea(smith, SandboxSeed.DraftProposalHomeTheaterAreaId, "Home Theater", SandboxSeed.DraftProposalHomeTheaterOptionId,
                "Dedicated theater with automation", items.Controller(1), items.Speakers(4), items.ProgrammingLabor(3), items.Cables(1));
            store.AddProposal(smith);

            var named = new (int Id, string Name, ProposalStatus Status, bool Archived)[]
            {
                (SandboxSeed.AcceptedProposalId, "Chen Media Room", ProposalStatus.Accepted, false),
                (SandboxSeed.CompletedProposalId, "Patel Whole Home Audio", ProposalStatus.Completed, false),
                (SandboxSeed.DeclinedProposalId, "Harbor View Dental Lobby", ProposalStatus.Declined, false),
                (SandboxSeed.SubmittedProposalId, "O'Brien Network Refresh", ProposalStatus.Submitted, false),
                (SandboxSeed.ViewedByClientProposalId, "Fernández Outdoor Audio", ProposalStatus.ViewedByClient, false),
                (SandboxSeed.DelayedProposalId, "Smith Guest House", ProposalStatus.Delayed, false),
                (SandboxSeed.ExpiredProposalId, "Chen Security Cameras", ProposalStatus.Expired, false),
                (SandboxSeed.EmailFailedProposalId, "Patel Smart Lighting", ProposalStatus.EmailFailed, false),
                (SandboxSeed.ArchivedProposalId, "Old Smith Quote", ProposalStatus.Draft, true),
                (SandboxSeed.FullAreaProposalId, "Whitfield Conference Room", ProposalStatus.Draft, false),
                (SandboxSeed.EmptyDraftProposalId, "Blank Draft", ProposalStatus.Draft, false),
            };
            for (int i = 0; i < named.Length; i++)
            {
                var spec = named[i];
                var customer = spec.Id == SandboxSeed.EmptyDraftProposalId ? null : contacts[(i + 1) % contacts.Count];
                var modified = Anchor.AddHours(-3 * (i + 1));
                var p = NewProposal(demo, spec.Id, spec.Name, spec.Status, i % 2 == 0 ? alex : maria, customer, modified.AddDays(-20), modified);
                p.IsArchived = spec.Archived;
                if (spec.Id == SandboxSeed.AcceptedProposalId)
                {
                    AddArea(p, SandboxSeed.AcceptedProposalAreaId, "Media Room", SandboxSeed.AcceptedProposalOptionId,
                        "Projector and 7.1 surround", items.Tv(1), items.Speakers(6), items.InstallLabor(8));
                }
                else if (spec.Id == SandboxSeed.FullAreaProposalId)
                {
                    var area = AddArea(p, SandboxSeed.FullAreaId, "Conference Room", 7010, "Good", items.Tv(1), items.InstallLabor(2));
                    area.Options.Add(NewOption(7011, "Better", modified, items.Tv(2), items.InstallLabor(3)));
                    area.Options.Add(NewOption(7012, "Best", modified, items.Tv(2), items.Controller(1), items.ProgrammingLabor(4)));
                }
                else if (spec.Id != SandboxSeed.EmptyDraftProposalId)
                {
                    AddArea(p, 5100 + i, AreaNames[i % AreaNames.Length], 7100 + i, null, items.Soundbar(1), items.InstallLabor(2));
                }
                store.AddProposal(p);
            }

            // The rest of the 64 demo-dealer proposals, ids 1054..1105; every 13th is archived.
            int areaId = 5200, optionId = 7200;
            for (int i = 0; i < SandboxSeed.DemoDealerProposalCount - 1 - named.Length; i++)
            {
                var contact = i % 7 == 6 ? null : contacts[i % contacts.Count];
                var name = (contact == null ? "Walk-in" : contact.PartyType == "Company" ? contact.CompanyName : contact.LastName + " Residence")
                           + " " + Themes[i % Themes.Length];
                var modified = Anchor.AddDays(-2).AddHours(-7 * i);
                var p = NewProposal(demo, 1054 + i, name, GeneratedStatusCycle[i % GeneratedStatusCycle.Length],
                    i % 3 == 0 ? alex : i % 3 == 1 ? maria : demoUser, contact, modified.AddDays(-(i % 30) - 1), modified);
                p.IsArchived = i % 13 == 12;
                var areaCount = 1 + i % 2;
                for (int a = 0; a < areaCount; a++)
                {
                    var area = AddArea(p, areaId++, AreaNames[(i + a) % AreaNames.Length], optionId++, null,
                        items.ByIndex(i + a, 1 + i % 3), items.InstallLabor(1 + i % 5));
                    if (i % 4 == 0)
                        area.Options.Add(NewOption(optionId++, "Upgrade package", modified, items.ByIndex(i + a + 2, 2), items.InstallLabor(2)));
                }
                store.AddProposal(p);
            }

            var otherProposal = NewProposal(other, SandboxSeed.OtherDealerProposalId, "Baker Residence Theater", ProposalStatus.Draft, olivia, otherContact,
                Anchor.AddDays(-10), Anchor.AddDays(-1));
            AddArea(otherProposal, SandboxSeed.OtherDealerAreaId, "Theater", SandboxSeed.OtherDealerOptionId, null, items.Tv(1), items.InstallLabor(3));
            store.AddProposal(otherProposal);
            store.AddProposal(NewProposal(other, 2002, "Baker Patio Audio", ProposalStatus.Submitted, olivia, otherContact, Anchor.AddDays(-9), Anchor.AddDays(-2)));

            store.AddProposal(NewProposal(inactive, SandboxSeed.InactiveDealerProposalId, "Lee Living Room", ProposalStatus.Draft, lapsed, inactiveContact,
                Anchor.AddDays(-30), Anchor.AddDays(-29)));

            // Everything below was added after the proposals above and must stay after them: it
            // must not shift any id, number or customer the earlier seed already hands out.
            ContactSeed.Populate(store, demo, other, inactive, contacts, otherContact, inactiveContact);
            ChangeOrderSeed.Populate(store, items, store.FindProposal(SandboxSeed.AcceptedProposalId)!, store.FindProposal(SandboxSeed.CompletedProposalId)!);

            AddExtraProposals(store, demo, contacts, extraProposalCount);
        }

        /// <summary>
        /// Bulk proposals for paging and performance runs: no areas (so no per-proposal lists) and
        /// shared user/contact objects, which keeps 100000 of them at a few tens of megabytes.
        /// Customers cycle through <paramref name="contacts"/> (none when it is empty).
        /// </summary>
        public static void AddExtraProposals(EmulatorStore store, DealerAccount account, IReadOnlyList<Contact> contacts, int count)
        {
            var salesPeople = new[] { SandboxSeed.DemoSalesPersonId, SandboxSeed.DemoAdminSalesPersonId, SandboxSeed.DemoUserId }
                .Select(id => store.FindUserInAccount(id, account)!).ToArray();
            var oldest = Anchor.AddDays(-60);
            // Above a fixture's ids when a fixture already uses the usual range.
            var firstId = Math.Max(SandboxSeed.FirstExtraProposalId, store.AboveHighestProposalId);
            for (int i = 0; i < count; i++)
            {
                var modified = oldest.AddMinutes(-i);
                var p = NewProposal(account, firstId + i, "Generated Proposal " + (i + 1),
                    i % 5 == 4 ? ProposalStatus.Submitted : ProposalStatus.Draft,
                    salesPeople[i % salesPeople.Length], contacts.Count == 0 ? null : contacts[i % contacts.Count], modified.AddDays(-1), modified);
                store.AddProposal(p);
            }
        }

        internal static Proposal NewProposal(DealerAccount account, int id, string name, ProposalStatus status, DealerUser salesPerson,
            Contact? customer, DateTime created, DateTime modified)
        {
            var p = new Proposal
            {
                Id = id,
                Account = account,
                Number = ++account.LastProposalNumber + 1000,
                Name = name,
                SalesPerson = salesPerson,
                LastModifiedUser = salesPerson,
                Customer = customer,
                CreatedDate = created,
                LastModifiedDate = modified,
                LastModifiedByUserDate = modified,
            };
            ProposalLifecycle.ApplyStatus(p, status, modified);
            return p;
        }

        internal static ProposalArea AddArea(Proposal p, int areaId, string name, int optionId, string? clientDescription, params LineItem[] items)
        {
            var area = new ProposalArea { Id = areaId, Name = name };
            var option = NewOption(optionId, clientDescription, p.LastModifiedDate, items);
            area.Options.Add(option);
            p.Areas.Add(area);
            return area;
        }

        private static AreaOption NewOption(int id, string? clientDescription, DateTime modified, params LineItem[] items)
        {
            var option = new AreaOption { Id = id, ClientDescription = clientDescription, LastModifiedDate = modified };
            option.Items.AddRange(items);
            return option;
        }

        private static DealerUser User(EmulatorStore store, int id, DealerAccount account, string first, string last, string email,
            string group, IReadOnlyList<string> permissions, string? password)
        {
            var user = new DealerUser(id, account, first, last, email, group, permissions, password, UserKeyFor(email));
            store.AddUser(user);
            return user;
        }

        internal static Contact Contact(EmulatorStore store, int id, DealerAccount account, string partyType, string first, string last,
            string company, string email, string phone)
        {
            var contact = new Contact(id, account, partyType, first, last, company, email, phone)
            {
                CreatedDate = Anchor.AddDays(-200 + id % 50),
                LastModifiedDate = Anchor.AddDays(-40 + id % 30),
            };
            store.AddContact(contact);
            return contact;
        }

        /// <summary>A stable, distinct, 44-character Base64 key per login, like the real user keys.</summary>
        public static string UserKeyFor(string email)
        {
            using (var sha = SHA256.Create())
                return Convert.ToBase64String(sha.ComputeHash(Encoding.UTF8.GetBytes("portalio-sandbox-user-key:" + email.ToLowerInvariant())));
        }
    }
}
