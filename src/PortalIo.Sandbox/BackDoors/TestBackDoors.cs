using System;
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

        public void ModifyContact(int contactId, string field, string value)
        {
            if (value == null) throw new ArgumentNullException(nameof(value));
            lock (_store.SyncRoot)
            {
                var contact = _store.Contacts.FirstOrDefault(c => c.Id == contactId)
                              ?? throw new ArgumentException("Unknown contact id " + contactId + ".", nameof(contactId));
                switch ((field ?? "").ToLowerInvariant())
                {
                    case "firstname": contact.FirstName = value; break;
                    case "lastname": contact.LastName = value; break;
                    case "companyname": contact.CompanyName = value; break;
                    case "contactemail": contact.ContactEmail = value; break;
                    case "contactemailcc": contact.ContactEmailCC = value; break;
                    case "contactphone": contact.ContactPhone = value; break;
                    case "notes": contact.Notes = value; break;
                    case "contacttype":
                        var type = PeopleRoutes.ContactTypes.FirstOrDefault(t => t.Equals(value, StringComparison.OrdinalIgnoreCase))
                                   ?? throw new ArgumentException("Unknown contact type '" + value + "'. Valid: " + string.Join(", ", PeopleRoutes.ContactTypes) + ".", nameof(value));
                        contact.ContactType = type;
                        break;
                    default:
                        throw new ArgumentException("Unknown contact field '" + field + "'. Valid: FirstName, LastName, CompanyName, ContactEmail, ContactEmailCC, ContactPhone, Notes, ContactType.", nameof(field));
                }
                contact.LastModifiedDate = ProposalRoutes.Now();
                _webhooks.Publish(contact.Account, WebhookEventNames.PersonModification, w => ContactJson.Write(w, contact, null));
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
