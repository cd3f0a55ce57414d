namespace PortalIo.Sandbox
{
    /// <summary>How the emulator read a request body for the journal (see <see cref="SandboxRequestRecord.ParsedBody"/>).</summary>
    public enum SandboxBodyKind
    {
        /// <summary>No body.</summary>
        None,
        /// <summary>application/x-www-form-urlencoded: the fields.</summary>
        Form,
        /// <summary>application/json: the object or array as dictionaries, lists, strings, numbers and booleans.</summary>
        Json,
        /// <summary>multipart/form-data: the text fields, and for each file its name, type and size.</summary>
        Multipart,
        /// <summary>A body of another content type, or one that does not parse as its content type says; only <see cref="SandboxRequestRecord.Body"/> has it.</summary>
        Unparsed,
    }
}
