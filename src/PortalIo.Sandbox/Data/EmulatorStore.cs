using System;
using System.Collections.Generic;
using System.Linq;
using PortalIo.Sandbox.Model;

namespace PortalIo.Sandbox.Data
{
    /// <summary>
    /// The emulator's in-memory database. One coarse lock (<see cref="SyncRoot"/>) guards everything:
    /// handlers take it for the whole read-check-write-serialize step, which keeps every response a
    /// consistent snapshot and makes concurrent writes to one proposal behave like the real API.
    /// </summary>
    internal sealed class EmulatorStore
    {
        private readonly Dictionary<int, DealerAccount> _accounts = new Dictionary<int, DealerAccount>();
        private readonly List<DealerUser> _users = new List<DealerUser>();
        private readonly Dictionary<string, DealerUser> _usersByKey = new Dictionary<string, DealerUser>(StringComparer.Ordinal);
        private readonly Dictionary<int, Contact> _contacts = new Dictionary<int, Contact>();
        private readonly Dictionary<int, Proposal> _proposals = new Dictionary<int, Proposal>();
        // Each counter is 0 until data of its kind is added, then one above the highest id added.
        // A kind with no data at all starts at the documentation's example id (see Next below),
        // in ranges of their own, so that an id passed as the wrong kind finds nothing.
        private int _nextProposalId;
        private int _nextAreaId;
        private int _nextOptionId;
        private int _nextLineItemId;
        private readonly Dictionary<int, ContactLocation> _locations = new Dictionary<int, ContactLocation>();
        private readonly Dictionary<int, Proposal> _changeOrders = new Dictionary<int, Proposal>();
        private readonly List<WebhookSubscription> _subscriptions = new List<WebhookSubscription>();
        private readonly Dictionary<int, AiContentItem> _aiContent = new Dictionary<int, AiContentItem>();
        private readonly Dictionary<int, AiJob> _outlines = new Dictionary<int, AiJob>();
        private readonly Dictionary<int, AiJob> _builds = new Dictionary<int, AiJob>();
        private int _nextContactId;
        private int _nextLocationId;
        private long _nextSubscriptionId;
        private int _nextAiContentId;

        public object SyncRoot { get; } = new object();

        public IEnumerable<Proposal> Proposals => _proposals.Values;

        public IEnumerable<DealerAccount> Accounts => _accounts.Values;

        /// <summary>One above the highest proposal id so far (0 when there is none).</summary>
        public int AboveHighestProposalId => _nextProposalId;

        public void AddAccount(DealerAccount account) => _accounts.Add(account.Id, account);

        public void AddUser(DealerUser user)
        {
            _users.Add(user);
            _usersByKey.Add(user.UserKey, user);
        }

        public void AddContact(Contact contact)
        {
            _contacts.Add(contact.Id, contact);
            _nextContactId = Math.Max(_nextContactId, contact.Id + 1);
        }

        public IEnumerable<Contact> Contacts => _contacts.Values;

        /// <summary>New contacts get ids after every seeded one (of any account): ids are global, like the real ones.</summary>
        public int NextContactId() => Next(ref _nextContactId, 88);

        public void AddLocation(ContactLocation location)
        {
            _locations.Add(location.Id, location);
            location.Contact.Locations.Add(location);
            _nextLocationId = Math.Max(_nextLocationId, location.Id + 1);
        }

        public int NextLocationId() => Next(ref _nextLocationId, 201);

        /// <summary>Another account's location is reported like a missing one.</summary>
        public ContactLocation? FindLocationInAccount(int locationId, DealerAccount account) =>
            _locations.TryGetValue(locationId, out var location) && location.Contact.Account == account ? location : null;

        /// <summary>Change orders live beside the proposals, never in the proposal list.</summary>
        public void AddChangeOrder(Proposal changeOrder)
        {
            _changeOrders.Add(changeOrder.Id, changeOrder);
            changeOrder.ChangeOrder!.Parent.ChangeOrders.Add(changeOrder);
            TrackAreas(changeOrder);
        }

        public IReadOnlyList<WebhookSubscription> Subscriptions => _subscriptions;
        public long NextSubscriptionId()
        {
            if (_nextSubscriptionId == 0) _nextSubscriptionId = 42;
            return _nextSubscriptionId++;
        }
        public void AddSubscription(WebhookSubscription subscription)
        {
            _subscriptions.Add(subscription);
            _nextSubscriptionId = Math.Max(_nextSubscriptionId, subscription.Id + 1);
        }
        public bool RemoveSubscription(WebhookSubscription subscription) => _subscriptions.Remove(subscription);

        /// <summary>Another account's subscription is reported like a missing one (the API answers 400 for both).</summary>
        public WebhookSubscription? FindSubscriptionInAccount(long id, DealerAccount account) =>
            _subscriptions.FirstOrDefault(s => s.Id == id && s.Account == account);

        public int NextAiContentId() => Next(ref _nextAiContentId, 42);
        public void AddAiContent(AiContentItem item) => _aiContent.Add(item.Id, item);
        public bool RemoveAiContent(AiContentItem item) => _aiContent.Remove(item.Id);
        public IEnumerable<AiContentItem> AiContentOf(Proposal proposal) =>
            _aiContent.Values.Where(c => c.Proposal == proposal).OrderBy(c => c.Id);
        public AiContentItem? FindAiContent(Proposal proposal, int contentId) =>
            _aiContent.TryGetValue(contentId, out var item) && item.Proposal == proposal ? item : null;

        public AiJob? FindOutline(Proposal proposal) => _outlines.TryGetValue(proposal.Id, out var job) ? job : null;
        public void SetOutline(AiJob job) => _outlines[job.Proposal.Id] = job;
        public AiJob? FindBuild(Proposal proposal) => _builds.TryGetValue(proposal.Id, out var job) ? job : null;
        public void SetBuild(AiJob job) => _builds[job.Proposal.Id] = job;
        public IEnumerable<AiJob> RunningAiJobs =>
            _outlines.Values.Concat(_builds.Values).Where(j => j.FinalStatus == null).ToList();

        /// <summary>Line items added by the emulator itself (AI build) get ids after every seeded one.</summary>
        public int NextLineItemId() => Next(ref _nextLineItemId, 9001);

        public void AddProposal(Proposal proposal)
        {
            _proposals.Add(proposal.Id, proposal);
            _nextProposalId = Math.Max(_nextProposalId, proposal.Id + 1);
            TrackAreas(proposal);
        }

        /// <summary>New areas, options and line items get ids after every existing one.</summary>
        private void TrackAreas(Proposal proposal)
        {
            if (!proposal.HasAreas) return;
            foreach (var area in proposal.Areas)
            {
                _nextAreaId = Math.Max(_nextAreaId, area.Id + 1);
                foreach (var option in area.Options)
                {
                    _nextOptionId = Math.Max(_nextOptionId, option.Id + 1);
                    foreach (var item in option.Items) _nextLineItemId = Math.Max(_nextLineItemId, item.Id + 1);
                }
            }
        }

        /// <summary>New proposals get ids after every seeded one, the bulk-generated ones included.</summary>
        public int NextProposalId() => Next(ref _nextProposalId, 1042);
        public int NextAreaId() => Next(ref _nextAreaId, 5001);
        public int NextOptionId() => Next(ref _nextOptionId, 7001);

        /// <summary>The next id of a kind: one above the highest added, or <paramref name="firstId"/> when none was.</summary>
        private static int Next(ref int counter, int firstId)
        {
            if (counter == 0) counter = firstId;
            return counter++;
        }

        /// <summary>Users are immutable after seeding, so this lookup needs no lock.</summary>
        public DealerUser? FindUserByKey(string userKey) => _usersByKey.TryGetValue(userKey, out var user) ? user : null;

        public DealerUser? FindLoginUser(string userName) =>
            _users.FirstOrDefault(u => u.Password != null && string.Equals(u.Email, userName, StringComparison.OrdinalIgnoreCase));

        public IReadOnlyList<DealerUser> UsersOf(DealerAccount account) => _users.Where(u => u.Account == account).ToList();

        public DealerUser? FindUserInAccount(int userId, DealerAccount account) =>
            _users.FirstOrDefault(u => u.Id == userId && u.Account == account);

        public Contact? FindContactInAccount(int contactId, DealerAccount account) =>
            _contacts.TryGetValue(contactId, out var contact) && contact.Account == account ? contact : null;

        /// <summary>Another account's proposal is reported exactly like a missing one (404), never as 403.</summary>
        public Proposal? FindProposalInAccount(int proposalId, DealerAccount account) =>
            _proposals.TryGetValue(proposalId, out var proposal) && proposal.Account == account ? proposal : null;

        /// <summary>A change order of that parent proposal, or null (unknown, or another proposal's).</summary>
        public Proposal? FindChangeOrder(Proposal parent, int changeOrderId) =>
            _changeOrders.TryGetValue(changeOrderId, out var co) && co.ChangeOrder!.Parent == parent ? co : null;

        public Proposal? FindProposal(int proposalId) => _proposals.TryGetValue(proposalId, out var proposal) ? proposal : null;
    }
}
