namespace PortalIo.Sandbox
{
    /// <summary>A login of the sandbox, with a note on how the sandbox treats it.</summary>
    public sealed class SandboxDemoUser
    {
        internal SandboxDemoUser(string userName, string password, string description)
        {
            UserName = userName;
            Password = password;
            Description = description;
        }

        public string UserName { get; }
        public string Password { get; }
        public string Description { get; }

        public override string ToString() => UserName + " (" + Description + ")";
    }
}
