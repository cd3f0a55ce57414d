namespace PortalIo.Models
{
    /// <summary>A person or a company (the API also knows Undefined, which cannot be set).</summary>
    public enum PartyType
    {
        Person,
        Company,
    }

    /// <summary>The role of a contact (newer docs and every example; see GAPS G18).</summary>
    public enum ContactType
    {
        Client,
        Employee,
        Contractor,
        Other,
    }

    /// <summary>The SortBy values of GET /public/people (newer docs).</summary>
    public enum ContactSortField
    {
        ModifiedDate,
        CreatedDate,
        FirstName,
        LastName,
        LastActive,
        LastActiveByMe,
    }
}
