using System;
using System.Collections.Generic;
using System.Linq;
using PortalIo.Models;

namespace PortalIo.PowerShell.Pipeline
{
    /// <summary>The resources whose generic -Id a PortalIo object on the pipeline may fill.</summary>
    internal enum PortalResource
    {
        Proposal,
        Contact,
        CatalogItem,
        Webhook,
    }

    /// <summary>
    /// The one table of the pipeline binding rule: for each resource, the PortalIo types that give
    /// its id to a cmdlet's -Id, and the property each gives it from. A type that is not listed for a
    /// resource gives nothing to that resource's -Id (its own Id is another resource's id).
    /// </summary>
    internal static class PipelineIds
    {
        private static readonly Dictionary<PortalResource, (string Noun, (Type Type, string Property)[] Sources)> s_table =
            new Dictionary<PortalResource, (string, (Type, string)[])>
            {
                [PortalResource.Proposal] = ("proposal", new[]
                {
                    (typeof(Proposal), nameof(Proposal.Id)),
                    (typeof(Area), nameof(Area.ProposalId)),
                    (typeof(AreaOption), nameof(AreaOption.ProposalId)),
                    // The accepted proposal the change order changes: the public routes cannot edit a change order itself.
                    (typeof(ChangeOrder), nameof(ChangeOrder.ProposalId)),
                    (typeof(AiContent), nameof(AiContent.ProposalId)),
                    (typeof(AiOutline), nameof(AiOutline.ProposalId)),
                    (typeof(AiBuild), nameof(AiBuild.ProposalId)),
                }),
                [PortalResource.Contact] = ("contact", new[]
                {
                    (typeof(Contact), nameof(Contact.Id)),
                    (typeof(Location), nameof(Location.ContactId)),
                }),
                [PortalResource.CatalogItem] = ("catalog item", new[]
                {
                    (typeof(CatalogItem), nameof(CatalogItem.Id)),
                }),
                [PortalResource.Webhook] = ("webhook", new[]
                {
                    (typeof(Webhook), nameof(Webhook.SubscriptionId)),
                }),
            };

        /// <summary>How messages name one of the resource, e.g. "catalog item".</summary>
        public static string Noun(PortalResource resource) => s_table[resource].Noun;

        /// <summary>The property of <paramref name="typeFullName"/> that holds the id of <paramref name="resource"/>; null when it holds none.</summary>
        public static string? SourceProperty(PortalResource resource, string typeFullName)
        {
            foreach (var (type, property) in s_table[resource].Sources)
                if (string.Equals(type.FullName, typeFullName, StringComparison.Ordinal)) return property;
            return null;
        }

        /// <summary>The resource's own type, then the others that carry its id, e.g. "Contact objects, or objects that carry a ContactId (Location)".</summary>
        public static string Givers(PortalResource resource)
        {
            var sources = s_table[resource].Sources;
            var others = sources.Skip(1).Select(s => s.Type.Name).ToList();
            return sources[0].Type.Name + " objects" + (others.Count == 0 ? string.Empty
                : ", or objects that carry a " + sources[1].Property + " (" + string.Join(", ", others) + ")");
        }

        /// <summary>Every resource with its sources, for the tests and the documentation check.</summary>
        internal static IEnumerable<(PortalResource Resource, Type Type, string Property)> All() =>
            s_table.SelectMany(entry => entry.Value.Sources.Select(s => (entry.Key, s.Type, s.Property)));
    }
}
