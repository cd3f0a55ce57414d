using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PortalIo.Sandbox.Http;
using PortalIo.Sandbox.Model;

namespace PortalIo.Sandbox.Routes
{
    /// <summary>
    /// The query of GET /public/proposals, bound like the real service: a value that cannot be
    /// bound at all (PageNumber=abc) gets the bare "Bad Request"; a value that binds but breaks a
    /// rule (PageNumber=0, SortBy=Color) gets the structured body with a field error.
    /// </summary>
    internal sealed class ProposalListQuery
    {
        public const int DefaultPageSize = 25;

        public static readonly string[] SortFields =
            { "CreatedDate", "ModifiedDate", "Number", "Name", "ClientName", "Status", "LastModifiedByMe" };

        public int PageNumber { get; private set; } = 1;
        public int PageSize { get; private set; } = DefaultPageSize;
        public string? SearchText { get; private set; }
        public HashSet<ProposalStatus> Statuses { get; } = new HashSet<ProposalStatus>();
        public int? ContactId { get; private set; }
        public int? SalesPersonId { get; private set; }
        public DateTime? ModifiedAfterUtc { get; private set; }
        public bool IsArchive { get; private set; }
        /// <summary>Null means the default order: ModifiedDate descending.</summary>
        public string? SortBy { get; private set; }
        public bool Descending { get; private set; }

        public static ProposalListQuery? Bind(ParameterBag q, out EmulatorResponse? error)
        {
            error = null;
            var query = new ProposalListQuery();

            if (!TryInt(q, "PageNumber", out var pageNumber)) { error = ErrorBodies.BadRequestBare(); return null; }
            if (!TryInt(q, "PageSize", out var pageSize)) { error = ErrorBodies.BadRequestBare(); return null; }
            if (!TryInt(q, "ContactId", out var contactId)) { error = ErrorBodies.BadRequestBare(); return null; }
            if (!TryInt(q, "SalesPersonId", out var salesPersonId)) { error = ErrorBodies.BadRequestBare(); return null; }

            if (pageNumber.HasValue)
            {
                if (pageNumber.Value < 1)
                {
                    error = ErrorBodies.Validation(new FieldError("GreaterThanOrEqual", "PageNumber", "'Page Number' must be greater than or equal to '1'."));
                    return null;
                }
                query.PageNumber = pageNumber.Value;
            }
            if (pageSize.HasValue)
            {
                if (pageSize.Value < 1)
                {
                    error = ErrorBodies.Validation(new FieldError("GreaterThanOrEqual", "PageSize", "'Page Size' must be greater than or equal to '1'."));
                    return null;
                }
                query.PageSize = pageSize.Value;
            }
            query.ContactId = contactId;
            query.SalesPersonId = salesPersonId;

            var searchText = q.Get("SearchText");
            query.SearchText = string.IsNullOrWhiteSpace(searchText) ? null : searchText!.Trim();

            // Newer docs repeat the key; older ones describe a comma-separated value. Both are accepted.
            foreach (var raw in q.GetAll("Statuses").SelectMany(v => v.Split(',')))
            {
                var name = raw.Trim();
                if (name.Length == 0) continue;
                if (!TryStatus(name, out var status))
                {
                    error = ErrorBodies.Validation(new FieldError("Enum", "Statuses", "'Statuses' has a range of values which does not include '" + name + "'."));
                    return null;
                }
                query.Statuses.Add(status);
            }

            var modifiedAfter = q.Get("ModifiedAfter");
            if (!string.IsNullOrEmpty(modifiedAfter))
            {
                if (!DateTime.TryParse(modifiedAfter, CultureInfo.InvariantCulture,
                        DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var after))
                {
                    error = ErrorBodies.BadRequestBare();
                    return null;
                }
                query.ModifiedAfterUtc = after;
            }

            var isArchive = q.Get("IsArchive");
            if (!string.IsNullOrEmpty(isArchive))
            {
                if (!bool.TryParse(isArchive, out var archive)) { error = ErrorBodies.BadRequestBare(); return null; }
                query.IsArchive = archive;
            }

            var sortBy = q.Get("SortBy");
            if (!string.IsNullOrEmpty(sortBy))
            {
                var field = SortFields.FirstOrDefault(f => f.Equals(sortBy, StringComparison.OrdinalIgnoreCase));
                if (field == null)
                {
                    error = ErrorBodies.Validation(new FieldError("Enum", "SortBy",
                        "'Sort By' must be one of: " + string.Join(", ", SortFields) + "."));
                    return null;
                }
                query.SortBy = field;
            }

            var direction = q.Get("SortDirection");
            if (string.IsNullOrEmpty(direction))
            {
                query.Descending = query.SortBy == null;
            }
            else if (direction!.Equals("Asc", StringComparison.OrdinalIgnoreCase) || direction.Equals("Ascending", StringComparison.OrdinalIgnoreCase))
            {
                query.Descending = false;
            }
            else if (direction.Equals("Desc", StringComparison.OrdinalIgnoreCase) || direction.Equals("Descending", StringComparison.OrdinalIgnoreCase))
            {
                query.Descending = true;
            }
            else
            {
                error = ErrorBodies.Validation(new FieldError("Enum", "SortDirection", "'Sort Direction' must be Asc or Desc."));
                return null;
            }
            return query;
        }

        public bool Matches(Proposal p)
        {
            if (p.IsArchived != IsArchive) return false;
            if (Statuses.Count > 0 && !Statuses.Contains(p.Status)) return false;
            if (ContactId.HasValue && (p.Customer == null || p.Customer.Id != ContactId.Value)) return false;
            if (SalesPersonId.HasValue && p.SalesPerson.Id != SalesPersonId.Value) return false;
            if (ModifiedAfterUtc.HasValue && p.LastModifiedDate <= ModifiedAfterUtc.Value) return false;
            if (SearchText != null && !MatchesText(p, SearchText)) return false;
            return true;
        }

        public IEnumerable<Proposal> Order(IEnumerable<Proposal> proposals, DealerUser me)
        {
            IOrderedEnumerable<Proposal> ordered;
            switch (SortBy)
            {
                case "CreatedDate": ordered = By(proposals, p => p.CreatedDate); break;
                case "Number": ordered = By(proposals, p => p.Number); break;
                case "Name": ordered = By(proposals, p => p.Name, StringComparer.OrdinalIgnoreCase); break;
                case "ClientName": ordered = By(proposals, p => p.Customer?.SortName ?? "", StringComparer.OrdinalIgnoreCase); break;
                case "Status": ordered = By(proposals, p => p.Status.ToString(), StringComparer.Ordinal); break;
                // The caller's own latest edits; proposals last touched by someone else rank as oldest.
                case "LastModifiedByMe":
                    ordered = By(proposals, p => p.LastModifiedUser == me ? p.LastModifiedByUserDate : DateTime.MinValue); break;
                default: ordered = By(proposals, p => p.LastModifiedDate); break;
            }
            // The id tie-breaker keeps pages stable: no proposal appears on two pages or on none.
            return ordered.ThenBy(p => p.Id);
        }

        private IOrderedEnumerable<Proposal> By<TKey>(IEnumerable<Proposal> source, Func<Proposal, TKey> key, IComparer<TKey>? comparer = null) =>
            Descending ? source.OrderByDescending(key, comparer ?? Comparer<TKey>.Default) : source.OrderBy(key, comparer ?? Comparer<TKey>.Default);

        private static bool MatchesText(Proposal p, string text)
        {
            bool Has(string? value) => value != null && value.IndexOf(text, StringComparison.OrdinalIgnoreCase) >= 0;
            if (Has(p.Name) || Has(p.Number.ToString(CultureInfo.InvariantCulture))) return true;
            var c = p.Customer;
            return c != null && (Has(c.FirstName) || Has(c.LastName) || Has(c.CompanyName) || Has(c.ContactEmail)
                                 || Has(c.FirstName + " " + c.LastName));
        }

        private static bool TryStatus(string name, out ProposalStatus status)
        {
            foreach (ProposalStatus candidate in Enum.GetValues(typeof(ProposalStatus)))
            {
                if (candidate != ProposalStatus.Undefined && candidate.ToString().Equals(name, StringComparison.OrdinalIgnoreCase))
                {
                    status = candidate;
                    return true;
                }
            }
            status = ProposalStatus.Undefined;
            return false;
        }

        /// <summary>False only when the key is present with a value that is not an integer; empty counts as absent.</summary>
        private static bool TryInt(ParameterBag q, string key, out int? value)
        {
            value = null;
            var text = q.Get(key);
            if (string.IsNullOrEmpty(text)) return true;
            if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)) return false;
            value = parsed;
            return true;
        }
    }
}
