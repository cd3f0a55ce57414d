namespace PortalIo.Sandbox
{
    /// <summary>A file part of a multipart request as the journal keeps it: its name, type and size, never its content.</summary>
    public sealed class SandboxUploadedFile
    {
        internal SandboxUploadedFile(string fileName, string? contentType, long length)
        {
            FileName = fileName;
            ContentType = contentType;
            Length = length;
        }

        /// <summary>The file name the client sent (Content-Disposition filename).</summary>
        public string FileName { get; }

        /// <summary>The part's Content-Type, or null when the client sent none.</summary>
        public string? ContentType { get; }

        /// <summary>Size of the file content in bytes.</summary>
        public long Length { get; }

        public override string ToString() => FileName + " (" + Length + " bytes)";
    }
}
