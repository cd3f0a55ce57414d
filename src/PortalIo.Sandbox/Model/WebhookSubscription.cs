using System;
using System.Collections.Generic;

namespace PortalIo.Sandbox.Model
{
    /// <summary>A webhook subscription of a dealer account. Events hold the canonical names (dot-notation where one exists).</summary>
    internal sealed class WebhookSubscription
    {
        public long Id { get; set; }
        public DealerAccount Account { get; set; } = null!;
        public string Url { get; set; } = "";
        public string Description { get; set; } = "";
        public bool Enabled { get; set; } = true;
        /// <summary>Generated once at creation; never changed by updates (see docs/api-decisions.md, 'Webhook secrets').</summary>
        public string SecretKey { get; set; } = "";
        public List<string> Events { get; set; } = new List<string>();
        public DateTime CreatedDate { get; set; }
    }
}
