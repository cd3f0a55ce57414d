namespace PortalIo.Models
{
    /// <summary>Proposal statuses of the API (strings on the wire; this enum validates and completes -Status).</summary>
    public enum ProposalStatus
    {
        Draft,
        Submitted,
        ViewedByClient,
        Accepted,
        Declined,
        Delayed,
        Completed,
        EmailFailed,
        Expired,
    }

    /// <summary>The SortBy values of GET /public/proposals (see docs/api-decisions.md, 'Sort fields and direction').</summary>
    public enum ProposalSortField
    {
        CreatedDate,
        ModifiedDate,
        Number,
        Name,
        ClientName,
        Status,
        LastModifiedByMe,
    }
}
