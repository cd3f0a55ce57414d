namespace PortalIo.Models
{
    /// <summary>A person or a company (the API also knows Undefined, which cannot be set).</summary>
    public enum PartyType
    {
        Person,
        Company,
    }

    /// <summary>The role of a contact (see docs/api-decisions.md, 'Contact and party type names').</summary>
    public enum ContactType
    {
        Client,
        Employee,
        Contractor,
        Other,
    }

    /// <summary>The SortBy values of GET /public/people (see docs/api-decisions.md, 'Sort fields and direction').</summary>
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
