using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PortalIo.Api;
using PortalIo.Http;
using PortalIo.Session;

namespace PortalIo.PowerShell.Completion
{
    /// <summary>Proposal ids, with "#number name (status)" in the tooltip.</summary>
    internal sealed class ProposalIdCompleter : PortalIdCompleter
    {
        internal override async Task<IReadOnlyList<CompletionCandidate>> LookupAsync(PortalSession session, string? searchText, CancellationToken cancellationToken)
        {
            var filter = new ProposalFilter { SearchText = searchText, SortBy = "ModifiedDate", Descending = true };
            var page = await ProposalsApi.List(new PortalCall(session.Client!, null, cancellationToken), filter).FetchAsync(1, 50).ConfigureAwait(false);
            return page.Items.Select(p => new CompletionCandidate(p.Id, p.Id + " " + p.Name, "#" + p.Number + " " + p.Name + " (" + p.Status + ")")).ToList();
        }
    }

    /// <summary>Contact ids, with the contact's name and e-mail in the tooltip.</summary>
    internal sealed class ContactIdCompleter : PortalIdCompleter
    {
        internal override async Task<IReadOnlyList<CompletionCandidate>> LookupAsync(PortalSession session, string? searchText, CancellationToken cancellationToken)
        {
            var filter = new ContactFilter { SearchText = searchText, SortBy = "ModifiedDate", Descending = true };
            var page = await ContactsApi.List(new PortalCall(session.Client!, null, cancellationToken), filter).FetchAsync(1, 50).ConfigureAwait(false);
            return page.Items.Select(c => new CompletionCandidate(c.Id, c.Id + " " + c.DisplayName,
                c.DisplayName + (string.IsNullOrEmpty(c.ContactEmail) ? string.Empty : " <" + c.ContactEmail + ">"))).ToList();
        }
    }
}
