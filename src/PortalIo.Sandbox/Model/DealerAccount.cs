namespace PortalIo.Sandbox.Model
{
    /// <summary>A dealer account: the unit that owns users, contacts and proposals.</summary>
    internal sealed class DealerAccount
    {
        public DealerAccount(int id, string name, bool subscriptionActive)
        {
            Id = id;
            Name = name;
            SubscriptionActive = subscriptionActive;
        }

        public int Id { get; }
        public string Name { get; }

        /// <summary>False makes every /public call of the account's users answer 402.</summary>
        public bool SubscriptionActive { get; }

        /// <summary>Proposal numbers are sequential per account, not global.</summary>
        public int LastProposalNumber { get; set; }
    }
}
