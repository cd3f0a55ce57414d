namespace PortalIo.Sandbox.Model
{
    /// <summary>The proposal status enum of the API, serialized by name.</summary>
    internal enum ProposalStatus
    {
        Undefined,
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
}
