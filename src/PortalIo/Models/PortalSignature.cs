namespace PortalIo.Models
{
    /// <summary>
    /// New-PortalSignature's answer: the parts, the canonical message (user key masked) and the
    /// signature, to compare with another client's character by character (about_PortalIo_Authentication, "When Portal.io answers 401").
    /// </summary>
    public sealed class PortalSignature
    {
        public PortalSignature(string method, string signedUrl, string? contentType, string date, bool hasUserKey, string canonicalMessage, string signature)
        {
            Method = method;
            SignedUrl = signedUrl;
            ContentType = contentType;
            Date = date;
            HasUserKey = hasUserKey;
            CanonicalMessage = canonicalMessage;
            Signature = signature;
        }

        public string Method { get; }
        public string SignedUrl { get; }

        /// <summary>Signed only for non-GET requests; null for GET.</summary>
        public string? ContentType { get; }

        public string Date { get; }
        public bool HasUserKey { get; }

        /// <summary>With the user key shown as &lt;user key&gt;.</summary>
        public string CanonicalMessage { get; }

        public string Signature { get; }

        public override string ToString() => Signature;
    }
}
