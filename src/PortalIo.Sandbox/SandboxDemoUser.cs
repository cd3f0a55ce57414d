namespace PortalIo.Sandbox
{
    /// <summary>A login of the emulator, with a note on how the emulator treats it.</summary>
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
