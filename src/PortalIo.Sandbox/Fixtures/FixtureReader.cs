using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PortalIo.Sandbox.Data;
using PortalIo.Sandbox.Model;
using PortalIo.Sandbox.Routes;
using PortalIo.Sandbox.Webhooks;

namespace PortalIo.Sandbox.Fixtures
{
    /// <summary>
    /// Loads a fixture (docs/sandbox-fixture.md) into the demo dealer of an Empty state. Ids are kept
    /// as given, and the store's counters continue above the highest of each kind. The emulator's
    /// own rules hold for fixture data as they do for API calls (unique area names, at most three
    /// options per area, a proposal's location belongs to its customer, webhook URLs public https),
    /// so a fixture can never set up a state the API could not reach.
    /// </summary>
    internal sealed class FixtureReader
    {
        public const int FormatVersion = 1;

        private static readonly string[] Statuses = Enum.GetNames(typeof(ProposalStatus)).Where(n => n != nameof(ProposalStatus.Undefined)).ToArray();
        private static readonly string[] LineItemTypes = { "Part", "Labor", "CustomItem", "Fee" };
        private static readonly string[] CatalogItemTypes = { "Part", "Labor", "CustomItem" };

        private readonly EmulatorStore _store;
        private readonly EmulatorCatalog _catalog;
        private readonly DealerAccount _account;
        private readonly Dictionary<string, string> _ids = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly HashSet<int> _numbers = new HashSet<int>();

        private FixtureReader(EmulatorStore store, EmulatorCatalog catalog, DealerAccount account)
        {
            _store = store;
            _catalog = catalog;
            _account = account;
        }

        /// <exception cref="FormatException">The fixture breaks a rule; the message says where.</exception>
        public static void Load(JsonElement root, EmulatorStore store, EmulatorCatalog catalog, DealerAccount account) =>
            new FixtureReader(store, catalog, account).Read(FixtureNode.Root(root));

        private void Read(FixtureNode root)
        {
            var version = root.OptionalInt("formatVersion");
            if (version.HasValue && version.Value != FormatVersion)
                throw root.Fail("formatVersion", "this emulator reads format " + FormatVersion + "; got " + version.Value + ".");
            foreach (var contact in root.Objects("contacts")) ReadContact(contact);
            foreach (var item in root.Objects("catalog")) ReadCatalogItem(item);
            var unnumbered = new List<Proposal>();
            foreach (var proposal in root.Objects("proposals")) ReadProposal(proposal, unnumbered);
            // Proposals without a number get the next ones, in the order listed, after every given number.
            _account.LastProposalNumber = Math.Max(_account.LastProposalNumber, _numbers.Count == 0 ? 0 : _numbers.Max() - 1000);
            foreach (var proposal in unnumbered) proposal.Number = 1000 + ++_account.LastProposalNumber;
            // The stand-in the create route uses for a proposal created without a name.
            foreach (var proposal in _store.Proposals.Where(p => p.Name.Length == 0)) proposal.Name = "Proposal #" + proposal.Number;
            foreach (var webhook in root.Objects("webhooks")) ReadWebhook(webhook);
            root.EnsureNoOtherProperties();
        }

        private void ReadContact(FixtureNode node)
        {
            var id = UniqueId(node, "contact");
            var contact = new Contact(id, _account,
                node.Choice("partyType", PeopleRoutes.PartyTypes, "Person"),
                node.String("firstName", ""), node.String("lastName", ""), node.String("companyName", ""),
                node.String("contactEmail", ""), node.String("contactPhone", ""))
            {
                ContactType = node.Choice("contactType", PeopleRoutes.ContactTypes, "Client"),
                ContactEmailCC = node.String("contactEmailCC", ""),
                Notes = node.String("notes", ""),
                CreatedDate = node.Date("createdDate", DemoData.Anchor),
                LastModifiedDate = node.Date("lastModifiedDate", DemoData.Anchor),
            };
            _store.AddContact(contact);
            foreach (var location in node.Objects("locations")) ReadLocation(location, contact);
            node.EnsureNoOtherProperties();
        }

        private void ReadLocation(FixtureNode node, Contact contact)
        {
            var location = new ContactLocation
            {
                Id = UniqueId(node, "location"),
                Contact = contact,
                Street = node.String("street", ""),
                Suite = node.String("suite", ""),
                City = node.String("city", ""),
                PostalCode = node.String("postalCode", ""),
                State = node.String("state", ""),
                Country = node.String("country", "United States"),
                Phone = node.String("phone", ""),
                ContactFirstName = node.String("contactFirstName", contact.FirstName),
                ContactLastName = node.String("contactLastName", contact.LastName),
                ContactPhoneNumber = node.String("contactPhoneNumber", contact.ContactPhone),
                ContactEmail = node.String("contactEmail", contact.ContactEmail),
                IsPrimary = node.Bool("isPrimary", false),
                IsBilling = node.Bool("isBilling", false),
                LastModifiedDate = node.Date("lastModifiedDate", DemoData.Anchor),
            };
            location.StateAbbrev = node.String("stateAbbrev", TaxRates.AbbreviationOf(location.State));
            if (location.IsPrimary && contact.PrimaryLocation != null)
                throw node.Fail("isPrimary", "contact " + contact.Id + " already has a primary location (" + contact.PrimaryLocation.Id + "); a contact has at most one.");
            if (location.IsBilling && contact.BillingLocation != null)
                throw node.Fail("isBilling", "contact " + contact.Id + " already has a billing location (" + contact.BillingLocation.Id + "); a contact has at most one.");
            _store.AddLocation(location);
            node.EnsureNoOtherProperties();
        }

        private void ReadCatalogItem(FixtureNode node)
        {
            var id = UniqueId(node, "catalog item");
            var type = node.Choice("itemType", CatalogItemTypes, "Part");
            var categoryId = node.OptionalInt("categoryId")
                             ?? (type == "Labor" ? 90 : type == "CustomItem" ? 92 : throw node.Fail("categoryId", "is required for a part (labor and custom items default to Installation, 90, and Materials, 92)."));
            var category = _catalog.FindCategory(categoryId)
                           ?? throw node.Fail("categoryId", categoryId + " is not a category of the emulator's catalog tree (see docs/sandbox-fixture.md).");
            var item = new CatalogItem
            {
                Id = id,
                ItemType = type,
                // Parts are the shared catalog; labor and custom items are the dealer's own library.
                Account = type == "Part" ? null : _account,
                Brand = node.String("brand", ""),
                Model = node.String("model", ""),
                ShortDescription = node.String("shortDescription", ""),
                Description = node.String("description", ""),
                Category = category,
                IsDiscontinued = node.Bool("isDiscontinued", false),
                Msrp = node.Decimal("msrp", 0m),
                MsrpModifiedDate = node.Date("msrpModifiedDate", DemoData.Anchor),
                ManufacturerProductUrl = node.NullableString("manufacturerProductUrl"),
            };
            foreach (var offer in node.Objects("suppliers"))
            {
                item.Suppliers.Add(new CatalogSupplierOffer(offer.OptionalInt("supplierId") ?? throw offer.Fail("supplierId", "is required."),
                    offer.String("supplierName", ""), offer.String("sku", ""), offer.Decimal("cost", 0m), offer.Bool("isInStock", false),
                    offer.Bool("isPromo", false), offer.Date("lastVerifiedDate", DemoData.Anchor)));
                offer.EnsureNoOtherProperties();
            }
            foreach (var spec in node.Objects("specs"))
            {
                item.Specs.Add(new KeyValuePair<string, string>(spec.RequiredString("name"), spec.String("value", "")));
                spec.EnsureNoOtherProperties();
            }
            foreach (var link in node.Objects("pdfLinks"))
            {
                item.PdfLinks.Add(new KeyValuePair<string, string>(link.RequiredString("name"), link.RequiredString("url")));
                link.EnsureNoOtherProperties();
            }
            var favorite = node.Bool("isFavorite", false);
            node.EnsureNoOtherProperties();
            _catalog.Add(item);
            if (favorite) _catalog.SetFavorite(_account, id);
        }

        private void ReadProposal(FixtureNode node, List<Proposal> unnumbered)
        {
            var proposal = ReadProposalFields(node, parent: null);
            proposal.IsArchived = node.Bool("isArchived", false);
            if (proposal.Number == 0) unnumbered.Add(proposal);
            _store.AddProposal(proposal);
            int changeOrderNumber = 0;
            foreach (var changeOrderNode in node.Objects("changeOrders"))
            {
                var changeOrder = ReadProposalFields(changeOrderNode, proposal);
                changeOrder.ChangeOrder = new ChangeOrderInfo(proposal, changeOrder.Number == 0 ? ++changeOrderNumber : changeOrder.Number);
                changeOrder.Number = changeOrder.ChangeOrder.Number;
                if (changeOrder.Name.Length == 0) changeOrder.Name = proposal.Name + " - Change Order " + changeOrder.Number;
                changeOrderNumber = Math.Max(changeOrderNumber, changeOrder.Number);
                changeOrderNode.EnsureNoOtherProperties();
                _store.AddChangeOrder(changeOrder);
            }
            node.EnsureNoOtherProperties();
        }

        /// <summary>The fields proposals and change orders share. A change order's customer and location default to its parent's.</summary>
        private Proposal ReadProposalFields(FixtureNode node, Proposal? parent)
        {
            var id = UniqueId(node, "proposal");
            var number = node.OptionalInt("number") ?? 0;
            if (parent == null && number != 0 && (number <= 1000 || !_numbers.Add(number)))
                throw node.Fail("number", number <= 1000 ? "proposal numbers start at 1001; got " + number + "." : number + " is already the number of another proposal.");
            var salesPerson = User(node, "salesPersonId", parent?.SalesPerson.Id ?? SandboxSeed.DemoSalesPersonId);
            var customerId = node.IsPresent("customerId") ? node.OptionalInt("customerId") : parent?.Customer?.Id;
            var customer = customerId == null ? null
                : _store.FindContactInAccount(customerId.Value, _account) ?? throw node.Fail("customerId", "there is no contact " + customerId + " in the fixture's contacts.");
            var created = node.Date("createdDate", DemoData.Anchor);
            var modified = node.Date("lastModifiedDate", created);
            var proposal = new Proposal
            {
                Id = id,
                Account = _account,
                Number = number,
                Name = node.String("name", ""),
                SalesPerson = salesPerson,
                LastModifiedUser = User(node, "lastModifiedUserId", salesPerson.Id),
                Customer = customer,
                ProjectDescription = node.String("projectDescription", ""),
                InternalNotes = node.String("internalNotes", ""),
                CreatedDate = created,
                LastModifiedDate = modified,
                LastModifiedByUserDate = node.Date("lastModifiedByUserDate", modified),
                LastSubmittedDate = node.NullableDate("lastSubmittedDate"),
                ClientLastOpenedDate = node.NullableDate("clientLastOpenedDate"),
                ClientLastDecisionDate = node.NullableDate("clientLastDecisionDate"),
                LastCompletedDate = node.NullableDate("lastCompletedDate"),
            };
            var locationId = node.IsPresent("locationId") ? node.OptionalInt("locationId") : parent?.Location?.Id;
            if (locationId.HasValue)
            {
                if (customer == null) throw node.Fail("locationId", "a location needs a customer: the API assigns only a location of the proposal's contact.");
                proposal.Location = customer.Locations.FirstOrDefault(l => l.Id == locationId.Value)
                                    ?? throw node.Fail("locationId", locationId + " is not a location of contact " + customer.Id + ".");
            }
            // Milestone dates the status implies and the fixture left out are set to the last modification.
            ProposalLifecycle.ApplyStatus(proposal, (ProposalStatus)Enum.Parse(typeof(ProposalStatus), node.Choice("status", Statuses, "Draft")), modified);
            foreach (var area in node.Objects("areas")) ReadArea(area, proposal);
            return proposal;
        }

        private DealerUser User(FixtureNode node, string name, int fallback)
        {
            var id = node.OptionalInt(name) ?? fallback;
            return _store.FindUserInAccount(id, _account)
                   ?? throw node.Fail(name, id + " is not a user of the demo dealer; use one of " + string.Join(", ", _store.UsersOf(_account).Select(u => u.Id)) + ".");
        }

        private void ReadArea(FixtureNode node, Proposal proposal)
        {
            var area = new ProposalArea { Id = UniqueId(node, "area"), Name = node.RequiredString("name") };
            if (proposal.Areas.Any(a => a.Name.Equals(area.Name, StringComparison.OrdinalIgnoreCase)))
                throw node.Fail("name", "proposal " + proposal.Id + " already has an area named '" + area.Name + "' (area names are unique in a proposal, in any case).");
            var options = node.Objects("options");
            if (options.Count == 0) throw node.Fail("options", "an area has at least one option (the API creates each area with one).");
            if (options.Count > ProposalRoutes.MaxOptionsPerArea) throw node.Fail("options", "an area has at most " + ProposalRoutes.MaxOptionsPerArea + " options; got " + options.Count + ".");
            foreach (var optionNode in options)
            {
                var option = new AreaOption
                {
                    Id = UniqueId(optionNode, "option"),
                    Status = optionNode.String("status", "Draft"),
                    LastModifiedDate = optionNode.Date("lastModifiedDate", proposal.LastModifiedDate),
                    ClientDescription = optionNode.NullableString("clientDescription"),
                    InstallerDescription = optionNode.NullableString("installerDescription"),
                };
                foreach (var itemNode in optionNode.Objects("items")) option.Items.Add(ReadLineItem(itemNode));
                optionNode.EnsureNoOtherProperties();
                area.Options.Add(option);
            }
            node.EnsureNoOtherProperties();
            proposal.Areas.Add(area);
        }

        private LineItem ReadLineItem(FixtureNode node)
        {
            var item = new LineItem
            {
                Id = UniqueId(node, "line item"),
                ParentId = node.OptionalInt("parentId"),
                ItemType = node.Choice("itemType", LineItemTypes, "Part"),
                ReferencedItemId = node.OptionalInt("referencedItemId") ?? 0,
                Brand = node.String("brand", ""),
                Model = node.String("model", ""),
                Description = node.String("description", ""),
                Name = node.String("name", ""),
                ShortDescription = node.String("shortDescription", ""),
                Quantity = node.Decimal("quantity", 1m),
                SellPrice = node.Decimal("sellPrice", 0m),
                Cost = node.Decimal("cost", 0m),
            };
            if (item.Quantity < 0) throw node.Fail("quantity", "must not be negative.");
            node.EnsureNoOtherProperties();
            return item;
        }

        private void ReadWebhook(FixtureNode node)
        {
            var id = node.OptionalLong("id") ?? throw node.Fail("id", "is required.");
            if (id < 1) throw node.Fail("id", "must be a positive whole number; got " + id + ".");
            Claim(node, "webhook", id);
            var url = node.RequiredString("url").Trim();
            var problem = WebhookUrlRules.Check(url);
            if (problem != null) throw node.Fail("url", problem + " (the emulator holds fixtures to the API's rules; use RouteWebhookHost to deliver to a local listener).");
            var events = new List<string>();
            foreach (var name in node.Strings("events"))
            {
                var canonical = WebhookEventNames.ToCanonical(name.Trim())
                                ?? throw node.Fail("events", "'" + name + "' is not a known event. Valid: " + WebhookEventNames.ValidNamesText + ".");
                if (!events.Contains(canonical)) events.Add(canonical);
            }
            if (events.Count == 0) throw node.Fail("events", "a subscription needs at least one event.");
            var subscription = new WebhookSubscription
            {
                Id = id,
                Account = _account,
                Url = url,
                Description = node.String("description", ""),
                Enabled = node.Bool("enabled", true),
                SecretKey = node.NullableString("secretKey") ?? DerivedSecret(id),
                Events = events,
                CreatedDate = node.Date("createdDate", DemoData.Anchor),
            };
            node.EnsureNoOtherProperties();
            _store.AddSubscription(subscription);
        }

        /// <summary>
        /// A fixture never carries a secret unless its author put one in (exports leave them out), so
        /// a subscription without one gets a secret derived from its id: the same after every Reset.
        /// </summary>
        internal static string DerivedSecret(long subscriptionId)
        {
            using (var sha = SHA256.Create())
            {
                var bytes = sha.ComputeHash(Encoding.UTF8.GetBytes("portalio-emulator-webhook-secret:" + subscriptionId));
                return "whsec_" + Convert.ToBase64String(bytes, 0, 24).Replace('+', '-').Replace('/', '_').TrimEnd('=');
            }
        }

        private int UniqueId(FixtureNode node, string kind)
        {
            var id = node.Id();
            Claim(node, kind, id);
            return id;
        }

        /// <summary>Ids are unique per kind (proposals and change orders share one kind: both are proposals to the API).</summary>
        private void Claim(FixtureNode node, string kind, long id)
        {
            var key = kind + ":" + id;
            if (_ids.TryGetValue(key, out var first)) throw node.Fail("id", "the " + kind + " id " + id + " is already used by " + first + ".");
            _ids[key] = node.Path;
        }
    }
}
