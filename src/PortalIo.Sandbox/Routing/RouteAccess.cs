namespace PortalIo.Sandbox.Routing
{
    /// <summary>Which checks a route needs before its handler runs.</summary>
    internal enum RouteAccess
    {
        /// <summary>The credential exchange: signed with an empty user key, no account checks.</summary>
        Exchange,
        /// <summary>A /public read: needs a user key and an active subscription.</summary>
        PublicRead,
        /// <summary>A /public write: additionally needs a user with permissions (else 403).</summary>
        PublicWrite,
    }
}
