using System;
using System.Collections.Generic;
using System.Linq;
using PortalIo.Sandbox.Model;

namespace PortalIo.Sandbox.Data
{
    /// <summary>
    /// The sandbox's in-memory database. One coarse lock (<see cref="SyncRoot"/>) guards everything:
    /// handlers take it for the whole read-check-write-serialize step, which keeps every response a
    /// consistent snapshot and makes concurrent writes to one proposal behave like the real API.
    /// </summary>
    internal sealed class SandboxStore
    {
        private readonly Dictionary<int, DealerAccount> _accounts = new Dictionary<int, DealerAccount>();
        private readonly List<DealerUser> _users = new List<DealerUser>();
        private readonly Dictionary<string, DealerUser> _usersByKey = new Dictionary<string, DealerUser>(StringComparer.Ordinal);
        private readonly Dictionary<int, Contact> _contacts = new Dictionary<int, Contact>();
        private readonly Dictionary<int, Proposal> _proposals = new Dictionary<int, Proposal>();
        private int _nextProposalId;
        private int _nextAreaId;
        private int _nextOptionId;

        public object SyncRoot { get; } = new object();

        public IEnumerable<Proposal> Proposals => _proposals.Values;

        public void AddAccount(DealerAccount account) => _accounts.Add(account.Id, account);

        public void AddUser(DealerUser user)
        {
            _users.Add(user);
            _usersByKey.Add(user.UserKey, user);
        }

        public void AddContact(Contact contact) => _contacts.Add(contact.Id, contact);

        public void AddProposal(Proposal proposal)
        {
            _proposals.Add(proposal.Id, proposal);
            _nextProposalId = Math.Max(_nextProposalId, proposal.Id + 1);
            foreach (var area in proposal.HasAreas ? proposal.Areas : new List<ProposalArea>())
            {
                _nextAreaId = Math.Max(_nextAreaId, area.Id + 1);
                foreach (var option in area.Options) _nextOptionId = Math.Max(_nextOptionId, option.Id + 1);
            }
        }

        /// <summary>New proposals get ids after every seeded one, the bulk-generated ones included.</summary>
        public int NextProposalId() => _nextProposalId++;
        public int NextAreaId() => _nextAreaId++;
        public int NextOptionId() => _nextOptionId++;

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

        public Proposal? FindProposal(int proposalId) => _proposals.TryGetValue(proposalId, out var proposal) ? proposal : null;
    }
}
