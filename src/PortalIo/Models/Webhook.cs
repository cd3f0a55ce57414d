using System.Collections.Generic;
using System.Security;
using System.Text.Json;
using System.Text.Json.Serialization;
using PortalIo.Http;

namespace PortalIo.Models
{
    /// <summary>
    /// A webhook subscription. The secret key (returned at creation, and by some API versions in
    /// listings) is kept only as a SecureString: no view, ToString or log shows it.
    /// </summary>
    public sealed class Webhook : PortalObject
    {
        public long SubscriptionId { get; set; }
        public string? Url { get; set; }
        public string? Description { get; set; }
        public bool Enabled { get; set; }
        public List<string>? Events { get; set; }

        /// <summary>The HMAC key of X-Webhook-Signature (Test-PortalWebhookSignature -SecretKey); null when the API did not return it.</summary>
        [JsonConverter(typeof(SecureStringJsonConverter))]
        public SecureString? SecretKey { get; set; }


        /// <summary>For binding: Set-PortalWebhook and Remove-PortalWebhook take -Id by property name.</summary>
        [JsonIgnore] public long Id => SubscriptionId;

        [JsonIgnore] public bool HasSecretKey => SecretKey != null && SecretKey.Length > 0;

        public override string ToString() => "Webhook " + SubscriptionId + " -> " + Url;
    }
}
