using System;

namespace PortalIo.Sandbox.Model
{
    /// <summary>
    /// One uploaded AI Builder source. Its status is never stored: it is derived from the upload
    /// time and the configured step duration (Uploaded → Processing → Transcribed), so reads from
    /// any thread see a consistent progression without a background timer.
    /// </summary>
    internal sealed class AiContentItem
    {
        public int Id { get; set; }
        public Proposal Proposal { get; set; } = null!;
        public string Name { get; set; } = "";
        public string FileName { get; set; } = "";
        public string SourceType { get; set; } = "Text";
        public long SizeBytes { get; set; }
        /// <summary>Decoded text of text sources (used to derive the outline); empty for media.</summary>
        public string Text { get; set; } = "";
        public DateTime CreatedDate { get; set; }
        public DateTime UploadedAtUtc { get; set; }
        public DealerUser UserCreated { get; set; } = null!;

        public string StatusAt(DateTime nowUtc, TimeSpan step)
        {
            var age = nowUtc - UploadedAtUtc;
            if (age < step) return "Uploaded";
            if (age < step + step) return "Processing";
            return "Transcribed";
        }
    }
}
