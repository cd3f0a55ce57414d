namespace PortalIo.Sandbox
{
    /// <summary>What an emulator starts with, and what SandboxServer.Reset returns to.</summary>
    public enum SandboxStartKind
    {
        /// <summary>The seeded demo data (the default): three dealer accounts, their users, contacts, proposals, catalog (see SandboxSeed).</summary>
        Seed,
        /// <summary>The demo dealer account and its users, nothing else (SandboxOptions.Empty).</summary>
        Empty,
        /// <summary>The demo dealer account and its users with a fixture's data (SandboxOptions.Data).</summary>
        Data,
    }
}
