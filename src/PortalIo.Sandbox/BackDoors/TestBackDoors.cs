using System;
using System.Collections.Generic;
using System.Linq;
using PortalIo.Sandbox.Data;
using PortalIo.Sandbox.Model;
using PortalIo.Sandbox.Routes;
using PortalIo.Sandbox.Webhooks;

namespace PortalIo.Sandbox.BackDoors
{
    /// <summary>
    /// Changes the public API cannot make, done as the other side would do them: the client
    /// accepting or declining a proposal, a user of the Portal.io app editing a contact or adding
    /// line items. Tests need them to reach states (and fire webhooks) no API call can. They keep the
    /// emulator's rules: the same status dates, the same events, only existing ids.
    /// </summary>
    internal sealed class TestBackDoors
    {
        private static readonly string[] LineItemCatalogTypes = { "Part", "Labor", "CustomItem" };

        /// <summary>The contact fields a user of the Portal.io app can change (see <see cref="ModifyContact(int, string, string)"/>).</summary>
        public static readonly string[] ContactFields = { "FirstName", "LastName", "CompanyName", "ContactEmail", "ContactEmailCC", "ContactPhone", "Notes", "ContactType" };

        private readonly EmulatorStore _store;
        private readonly EmulatorCatalog _catalog;
        private readonly WebhookDispatcher _webhooks;

        public TestBackDoors(EmulatorStore store, EmulatorCatalog catalog, WebhookDispatcher webhooks)
        {
            _store = store;
            _catalog = catalog;
            _webhooks = webhooks;
        }

        public void SetProposalStatus(int proposalId, string status)
        {
            if (status == null || !Enum.GetNames(typeof(ProposalStatus)).Any(n => n.Equals(status, StringComparison.OrdinalIgnoreCase)))
                throw new ArgumentException("Unknown proposal status '" + status + "'. Valid: " + string.Join(", ", Enum.GetNames(typeof(ProposalStatus))) + ".", nameof(status));
            var parsed = (ProposalStatus)Enum.Parse(typeof(ProposalStatus), status, ignoreCase: true);
            lock (_store.SyncRoot)
            {
                var proposal = _store.FindProposal(proposalId)
                               ?? throw new ArgumentException("Unknown proposal id " + proposalId + ".", nameof(proposalId));
                var changed = proposal.Status != parsed;
                var now = ProposalRoutes.Now();
                ProposalLifecycle.ApplyStatus(proposal, parsed, now);
                // A status change by the client is a system modification, not a user one.
                proposal.LastModifiedDate = now;
                if (changed)
                    _webhooks.Publish(proposal.Account, WebhookEventNames.ProposalStatusChanged, w => ProposalJson.WriteDetail(w, proposal));
            }
        }

        public void ModifyContact(int contactId, string field, string value) =>
            ModifyContact(contactId, new[] { new KeyValuePair<string, string>(field, value) });

        /// <summary>
        /// Every change is checked before any is made, and the contact is saved once: one
        /// PersonModification, as when a user edits several fields in the app and saves.
        /// </summary>
        public void ModifyContact(int contactId, IEnumerable<KeyValuePair<string, string>> changes)
        {
            if (changes == null) throw new ArgumentNullException(nameof(changes));
            var edits = new List<Action<Contact>>();
            foreach (var change in changes) edits.Add(Edit(change.Key, change.Value));
            if (edits.Count == 0) throw new ArgumentException("No field to change: give at least one.", nameof(changes));
            lock (_store.SyncRoot)
            {
                var contact = _store.Contacts.FirstOrDefault(c => c.Id == contactId)
                              ?? throw new ArgumentException("Unknown contact id " + contactId + ".", nameof(contactId));
                foreach (var edit in edits) edit(contact);
                contact.LastModifiedDate = ProposalRoutes.Now();
                _webhooks.Publish(contact.Account, WebhookEventNames.PersonModification, w => ContactJson.Write(w, contact, null));
            }
        }

        private static Action<Contact> Edit(string field, string value)
        {
            if (value == null) throw new ArgumentNullException(nameof(value), "The new value of " + field + " is null; give a string (empty to clear it).");
            switch ((field ?? "").ToLowerInvariant())
            {
                case "firstname": return c => c.FirstName = value;
                case "lastname": return c => c.LastName = value;
                case "companyname": return c => c.CompanyName = value;
                case "contactemail": return c => c.ContactEmail = value;
                case "contactemailcc": return c => c.ContactEmailCC = value;
                case "contactphone": return c => c.ContactPhone = value;
                case "notes": return c => c.Notes = value;
                case "contacttype":
                    var type = PeopleRoutes.ContactTypes.FirstOrDefault(t => t.Equals(value, StringComparison.OrdinalIgnoreCase))
                               ?? throw new ArgumentException("Unknown contact type '" + value + "'. Valid: " + string.Join(", ", PeopleRoutes.ContactTypes) + ".", nameof(value));
                    return c => c.ContactType = type;
                default:
                    throw new ArgumentException("Unknown contact field '" + field + "'. Valid: " + string.Join(", ", ContactFields) + ".", nameof(field));
            }
        }

        public void AddLineItem(int proposalId, int optionId, int catalogItemId, decimal quantity)
        {
            if (quantity <= 0) throw new ArgumentException("The quantity must be positive.", nameof(quantity));
            lock (_store.SyncRoot)
            {
                var proposal = _store.FindProposal(proposalId)
                               ?? throw new ArgumentException("Unknown proposal id " + proposalId + ".", nameof(proposalId));
                var option = proposal.Areas.SelectMany(a => a.Options).FirstOrDefault(o => o.Id == optionId)
                             ?? throw new ArgumentException("Option " + optionId + " is not in proposal " + proposalId + ".", nameof(optionId));
                var item = LineItemCatalogTypes.Select(t => _catalog.FindItem(catalogItemId, t, proposal.Account)).FirstOrDefault(i => i != null)
                           ?? throw new ArgumentException("Unknown catalog item " + catalogItemId + ".", nameof(catalogItemId));
                option.Items.Add(new LineItem
                {
                    Id = _store.NextLineItemId(),
                    ItemType = item.ItemType,
                    ReferencedItemId = item.Id,
                    Brand = item.Brand,
                    Model = item.Model,
                    Description = item.Description.Length > 0 ? item.Description : item.ShortDescription,
                    Name = (item.Brand + " " + item.Model).Trim(),
                    ShortDescription = item.ShortDescription,
                    Quantity = quantity,
                    SellPrice = item.Msrp,
                    Cost = item.DefaultCost?.Cost ?? 0m,
                });
                proposal.LastModifiedDate = ProposalRoutes.Now();
            }
        }
    }
}
