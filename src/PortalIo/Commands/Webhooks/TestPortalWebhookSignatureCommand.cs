using System;
using System.Management.Automation;
using System.Security;
using System.Text;
using PortalIo.PowerShell;
using PortalIo.PowerShell.Errors;
using PortalIo.Session;
using PortalIo.Webhooks;

namespace PortalIo.Commands.Webhooks
{
    /// <summary>
    /// Verifies a webhook delivery, with no network: X-Webhook-Signature "t=…,v1=…" must be the
    /// HMAC-SHA256 (hex) of t + "." + the raw body, keyed with the subscription's secret key, and t
    /// must be within -Tolerance of now (older: a replay; newer: a wrong clock). Writes $true or
    /// $false (-Verbose says why); a header that cannot be parsed is an error that says what is wrong.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "PortalWebhookSignature")]
    [OutputType(typeof(bool))]
    public sealed class TestPortalWebhookSignatureCommand : PortalCmdlet
    {
        /// <summary>The raw request body exactly as received: a string (sent as UTF-8) or the bytes. Never re-serialized JSON.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Body")]
        [AllowEmptyString]
        public object Payload { get; set; } = string.Empty;

        /// <summary>The X-Webhook-Signature header value, e.g. t=1710000000,v1=5f2b…</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("Signature", "X-Webhook-Signature")]
        [AllowEmptyString]
        public string SignatureHeader { get; set; } = string.Empty;

        /// <summary>The subscription's secret key (New-PortalWebhook's SecretKey property).</summary>
        [Parameter(Mandatory = true, Position = 2)]
        public SecureString SecretKey { get; set; } = new SecureString();

        /// <summary>How far t may be from now, either way (default 5 minutes, as documented); a bare number counts seconds.</summary>
        [Parameter]
        [NumberAsTimeSpan(TimeSpanUnit.Seconds)]
        public TimeSpan Tolerance { get; set; } = WebhookSignatureVerifier.DefaultTolerance;

        protected override void ProcessRecord()
        {
            if (Tolerance < TimeSpan.Zero)
            {
                WriteError(ErrorRecordFactory.InvalidArgument(nameof(Tolerance), "-Tolerance cannot be negative.", Tolerance));
                return;
            }
            byte[] body;
            switch (Payload is PSObject ps ? ps.BaseObject : Payload)
            {
                case byte[] bytes: body = bytes; break;
                case string text: body = Encoding.UTF8.GetBytes(text); break;
                case null: body = new byte[0]; break;
                case object other:
                    WriteError(ErrorRecordFactory.InvalidArgument(nameof(Payload),
                        "-Payload must be the raw body as a string or a byte array, not a " + other.GetType().Name + " (a parsed or re-serialized body no longer matches the signature).", null));
                    return;
            }

            WebhookSignatureResult result;
            var secret = SecretText.Reveal(SecretKey);
            try
            {
                result = WebhookSignatureVerifier.Verify(body, SignatureHeader, secret, DateTimeOffset.UtcNow, Tolerance);
            }
            catch (FormatException ex)
            {
                var record = new ErrorRecord(new ArgumentException(ex.Message, nameof(SignatureHeader), ex), ErrorIds.InvalidArgument,
                    ErrorCategory.InvalidArgument, SignatureHeader)
                {
                    ErrorDetails = new ErrorDetails(ex.Message)
                    {
                        RecommendedAction = "Pass the X-Webhook-Signature header of the delivery exactly as received (t=<unix seconds>,v1=<hex HMAC-SHA256>); refuse the delivery if it is malformed.",
                    },
                };
                WriteError(record);
                WriteObject(false);
                return;
            }
            finally
            {
                secret = null;
            }
            WriteVerbose("Webhook signature: " + result);
            WriteObject(result.IsValid);
        }
    }
}
