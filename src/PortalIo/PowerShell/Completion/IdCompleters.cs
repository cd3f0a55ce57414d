using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using PortalIo.Api;
using PortalIo.Http;
using PortalIo.Models;

namespace PortalIo.PowerShell.Completion
{
    /// <summary>Proposal ids (-ProposalId, -Id of the proposal cmdlets), with "#number name (status)" in the tooltip.</summary>
    internal sealed class ProposalIdCompleter : PortalIdCompleter
    {
        private protected override bool SearchesText => true;

        internal override async Task<IReadOnlyList<CompletionCandidate>> ListAsync(PortalCall call, string? searchText, IReadOnlyDictionary<string, long> scope, string parameterName)
        {
            var filter = new ProposalFilter { SearchText = searchText, SortBy = "ModifiedDate", Descending = true };
            var page = await ProposalsApi.List(call, filter).FetchAsync(PagedReader.FirstPageNumber, ProposalsApi.DefaultPageSize).ConfigureAwait(false);
            return page.Items.Select(Candidate).ToList();
        }

        internal override async Task<IReadOnlyList<CompletionCandidate>> OneAsync(PortalCall call, long id, IReadOnlyDictionary<string, long> scope) =>
            id > int.MaxValue ? new CompletionCandidate[0] : new[] { Candidate(await ProposalsApi.GetAsync(call, (int)id).ConfigureAwait(false)) };

        private static CompletionCandidate Candidate(Proposal p) => new CompletionCandidate(p.Id, p.Id + " " + p.Name, "#" + p.Number + " " + p.Name + " (" + p.Status + ")");
    }

    /// <summary>Contact ids, with the contact's name and e-mail in the tooltip.</summary>
    internal sealed class ContactIdCompleter : PortalIdCompleter
    {
        private protected override bool SearchesText => true;

        internal override async Task<IReadOnlyList<CompletionCandidate>> ListAsync(PortalCall call, string? searchText, IReadOnlyDictionary<string, long> scope, string parameterName)
        {
            var filter = new ContactFilter { SearchText = searchText, SortBy = "ModifiedDate", Descending = true };
            var page = await ContactsApi.List(call, filter).FetchAsync(PagedReader.FirstPageNumber, ContactsApi.DefaultPageSize).ConfigureAwait(false);
            return page.Items.Select(Candidate).ToList();
        }

        internal override async Task<IReadOnlyList<CompletionCandidate>> OneAsync(PortalCall call, long id, IReadOnlyDictionary<string, long> scope) =>
            id > int.MaxValue ? new CompletionCandidate[0] : new[] { Candidate(await ContactsApi.GetAsync(call, (int)id, false).ConfigureAwait(false)) };

        private static CompletionCandidate Candidate(Contact c) => new CompletionCandidate(c.Id, c.Id + " " + c.DisplayName,
            c.DisplayName + (string.IsNullOrEmpty(c.ContactEmail) ? string.Empty : " <" + c.ContactEmail + ">"));
    }

    /// <summary>Salesperson ids: the account's users (one short list), with their e-mail.</summary>
    internal sealed class SalesPersonIdCompleter : PortalIdCompleter
    {
        internal override async Task<IReadOnlyList<CompletionCandidate>> ListAsync(PortalCall call, string? searchText, IReadOnlyDictionary<string, long> scope, string parameterName) =>
            (await UsersApi.ListAsync(call).ConfigureAwait(false))
                .Select(u => new CompletionCandidate(u.Id, u.Id + " " + u.Name + " " + u.Email, u.Name + " <" + u.Email + "> (" + u.PermissionGroup + ")")).ToList();
    }

    /// <summary>Webhook subscription ids, with their URL and events.</summary>
    internal sealed class WebhookIdCompleter : PortalIdCompleter
    {
        internal override async Task<IReadOnlyList<CompletionCandidate>> ListAsync(PortalCall call, string? searchText, IReadOnlyDictionary<string, long> scope, string parameterName) =>
            (await WebhooksApi.ListAsync(call).ConfigureAwait(false))
                .Select(w => new CompletionCandidate(w.SubscriptionId, w.SubscriptionId + " " + w.Url, w.Url + " (" + string.Join(", ", w.Events ?? new List<string>()) + ")")).ToList();
    }

    /// <summary>Catalog item ids: searched by the text typed, or looked up by the id typed.</summary>
    internal sealed class CatalogItemIdCompleter : PortalIdCompleter
    {
        private protected override bool SearchesText => true;

        internal override async Task<IReadOnlyList<CompletionCandidate>> ListAsync(PortalCall call, string? searchText, IReadOnlyDictionary<string, long> scope, string parameterName)
        {
            var page = await Task.Run(() => CatalogApi.Search(call, new CatalogFilter { SearchText = searchText }).Fetch(PagedReader.FirstPageNumber, CatalogApi.DefaultPageSize)).ConfigureAwait(false);
            return page.Items.Select(Candidate).ToList();
        }

        internal override async Task<IReadOnlyList<CompletionCandidate>> OneAsync(PortalCall call, long id, IReadOnlyDictionary<string, long> scope) =>
            id > int.MaxValue ? new CompletionCandidate[0] : new[] { Candidate(await CatalogApi.GetAsync(call, (int)id, false, null).ConfigureAwait(false)) };

        private static CompletionCandidate Candidate(CatalogItem i) => new CompletionCandidate(i.Id, i.Id + " " + i, i + (string.IsNullOrEmpty(i.ShortDescription) ? string.Empty : ": " + i.ShortDescription));
    }

    /// <summary>Catalog category ids from the tree (-ParentCategoryId: the industries only), with their path.</summary>
    internal sealed class CategoryIdCompleter : PortalIdCompleter
    {
        internal override async Task<IReadOnlyList<CompletionCandidate>> ListAsync(PortalCall call, string? searchText, IReadOnlyDictionary<string, long> scope, string parameterName)
        {
            var industries = parameterName.StartsWith("Parent", System.StringComparison.OrdinalIgnoreCase);
            var tree = await CatalogApi.GetCategoriesAsync(call).ConfigureAwait(false);
            return CatalogApi.Flatten(tree).Where(c => c.IsIndustry == industries)
                .Select(c => new CompletionCandidate(c.Id, c.Id + " " + c.Path, c.Path)).ToList();
        }
    }

    /// <summary>What a proposal holds, once -ProposalId is on the command line: its areas, options, change orders or AI content.</summary>
    internal abstract class InProposalCompleter : PortalIdCompleter
    {
        private protected override string[] Scope => new[] { "ProposalId" };

        private protected static int ProposalIdOf(IReadOnlyDictionary<string, long> scope) => (int)System.Math.Min(scope["ProposalId"], int.MaxValue);
    }

    /// <summary>Area ids of the proposal.</summary>
    internal sealed class AreaIdCompleter : InProposalCompleter
    {
        internal override async Task<IReadOnlyList<CompletionCandidate>> ListAsync(PortalCall call, string? searchText, IReadOnlyDictionary<string, long> scope, string parameterName) =>
            ((await ProposalsApi.GetAsync(call, ProposalIdOf(scope)).ConfigureAwait(false)).Areas ?? new List<Area>())
                .Select(a => new CompletionCandidate(a.Id, a.Id + " " + a.Name, a.Name + " (" + a.OptionCount + (a.OptionCount == 1 ? " option)" : " options)"))).ToList();
    }

    /// <summary>Option ids of the proposal's areas.</summary>
    internal sealed class OptionIdCompleter : InProposalCompleter
    {
        internal override async Task<IReadOnlyList<CompletionCandidate>> ListAsync(PortalCall call, string? searchText, IReadOnlyDictionary<string, long> scope, string parameterName) =>
            ((await ProposalsApi.GetAsync(call, ProposalIdOf(scope)).ConfigureAwait(false)).Areas ?? new List<Area>())
                .SelectMany(a => (a.Options ?? new List<AreaOption>()).Select(o => new CompletionCandidate(o.Id, o.Id + " " + a.Name + ": " + o.ClientDescription,
                    a.Name + ": " + (o.ClientDescription ?? "(no description)") + " (" + o.Status + ")"))).ToList();
    }

    /// <summary>Change order ids of the proposal.</summary>
    internal sealed class ChangeOrderIdCompleter : InProposalCompleter
    {
        internal override async Task<IReadOnlyList<CompletionCandidate>> ListAsync(PortalCall call, string? searchText, IReadOnlyDictionary<string, long> scope, string parameterName) =>
            (await ChangeOrdersApi.ListAsync(call, ProposalIdOf(scope)).ConfigureAwait(false))
                .Select(c => new CompletionCandidate(c.Id, c.Id + " " + c.Name, "#" + c.Number + " " + c.Name + " (" + c.Status + ")")).ToList();
    }

    /// <summary>AI Builder content ids of the proposal.</summary>
    internal sealed class AiContentIdCompleter : InProposalCompleter
    {
        internal override async Task<IReadOnlyList<CompletionCandidate>> ListAsync(PortalCall call, string? searchText, IReadOnlyDictionary<string, long> scope, string parameterName) =>
            (await AiBuilderApi.ListContentAsync(call, ProposalIdOf(scope)).ConfigureAwait(false))
                .Select(c => new CompletionCandidate(c.Id, c.Id + " " + c.Name, c.Name + " (" + c.Status + ")")).ToList();
    }

    /// <summary>Location ids of the proposal's contact (the only ones Set-PortalProposalLocation accepts).</summary>
    internal sealed class LocationIdCompleter : InProposalCompleter
    {
        private const int MaxLocations = 500;

        internal override async Task<IReadOnlyList<CompletionCandidate>> ListAsync(PortalCall call, string? searchText, IReadOnlyDictionary<string, long> scope, string parameterName)
        {
            var contactId = (await ProposalsApi.GetAsync(call, ProposalIdOf(scope)).ConfigureAwait(false)).Customer?.Id;
            if (contactId is null || contactId < 1) return new CompletionCandidate[0];
            var source = LocationsApi.List(call, contactId.Value);
            var window = new PagingWindow(LocationsApi.DefaultPageSize, 0, MaxLocations);
            var locations = await Task.Run(() => PagedReader.Read(source, window, null).ToList()).ConfigureAwait(false);
            return locations.Select(l => new CompletionCandidate(l.Id, l.Id + " " + l.Address,
                l.Address + (l.IsPrimary ? " (primary)" : string.Empty) + (l.IsBilling ? " (billing)" : string.Empty))).ToList();
        }
    }
}
