using System;
using PortalIo.Sandbox.Model;

namespace PortalIo.Sandbox.Data
{
    /// <summary>
    /// Change orders of the accepted and completed demo proposals. Their area and option ids are
    /// taken from a range below every proposal's (4901…, 6901…) so that ids handed out by the API
    /// for new areas and options stay what they were before change orders existed.
    /// </summary>
    internal static class ChangeOrderSeed
    {
        public static void Populate(EmulatorStore store, ItemFactory items, Proposal accepted, Proposal completed)
        {
            var first = New(accepted, SandboxSeed.AcceptedProposalChangeOrderId, 1, ProposalStatus.Accepted, accepted.CreatedDate.AddDays(21));
            first.ProjectDescription = "Add a second row of seating speakers and an acoustic treatment package.";
            Area(first, 4901, "Media Room", 6901, "Rear surround upgrade", items.Speakers(2), items.InstallLabor(3));
            store.AddChangeOrder(first);

            var second = New(accepted, SandboxSeed.AcceptedProposalDraftChangeOrderId, 2, ProposalStatus.Draft, accepted.CreatedDate.AddDays(28));
            Area(second, 4902, "Patio", 6902, "Outdoor audio add-on", items.Speakers(2), items.InstallLabor(2), items.Cables(1));
            store.AddChangeOrder(second);

            var late = New(completed, SandboxSeed.CompletedProposalChangeOrderId, 1, ProposalStatus.Completed, completed.CreatedDate.AddDays(15));
            Area(late, 4903, "Kitchen", 6903, "Extra zone", items.Soundbar(1), items.InstallLabor(1));
            store.AddChangeOrder(late);
        }

        private static Proposal New(Proposal parent, int id, int number, ProposalStatus status, DateTime modified)
        {
            var co = new Proposal
            {
                Id = id,
                Account = parent.Account,
                Number = number,
                Name = parent.Name + " - Change Order " + number,
                SalesPerson = parent.SalesPerson,
                LastModifiedUser = parent.LastModifiedUser,
                Customer = parent.Customer,
                CreatedDate = modified.AddDays(-2),
                LastModifiedDate = modified,
                LastModifiedByUserDate = modified,
                ChangeOrder = new ChangeOrderInfo(parent, number),
            };
            ProposalLifecycle.ApplyStatus(co, status, modified);
            return co;
        }

        private static void Area(Proposal co, int areaId, string name, int optionId, string description, params LineItem[] lineItems)
        {
            var area = new ProposalArea { Id = areaId, Name = name };
            var option = new AreaOption { Id = optionId, ClientDescription = description, LastModifiedDate = co.LastModifiedDate };
            option.Items.AddRange(lineItems);
            area.Options.Add(option);
            co.Areas.Add(area);
        }
    }
}
