namespace PortalIo.Sandbox.Model
{
    /// <summary>
    /// What makes a <see cref="Proposal"/> a change order: the docs describe a change order as a
    /// child proposal of an accepted one, so it reuses the proposal model (areas, financials) and
    /// only adds the link to its parent and its own number.
    /// </summary>
    internal sealed class ChangeOrderInfo
    {
        public ChangeOrderInfo(Proposal parent, int number)
        {
            Parent = parent;
            Number = number;
        }

        public Proposal Parent { get; }

        /// <summary>Sequential within the parent (1, 2, …), as the list page says; see DemoData for why not account-wide.</summary>
        public int Number { get; }
    }
}
