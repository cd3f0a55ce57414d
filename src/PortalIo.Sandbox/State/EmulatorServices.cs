using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using PortalIo.Sandbox.Webhooks;

namespace PortalIo.Sandbox.State
{
    /// <summary>What every state of one emulator shares: its address and keys, its webhook settings and client, and its lifetime.</summary>
    internal sealed class EmulatorServices
    {
        public EmulatorServices(Uri baseUri, string applicationKey, string secretKey, SandboxOptions options, CancellationToken stopping)
        {
            BaseUri = baseUri;
            ApplicationKey = applicationKey;
            SecretKey = secretKey;
            WebhookRetryDelays = new List<TimeSpan>(options.WebhookRetryDelays ?? new List<TimeSpan>());
            WebhookTimeout = options.WebhookTimeout;
            AiStepDuration = options.AiStepDuration;
            Stopping = stopping;
        }

        public Uri BaseUri { get; }
        public string ApplicationKey { get; }
        public string SecretKey { get; }
        public IReadOnlyList<TimeSpan> WebhookRetryDelays { get; }
        public TimeSpan WebhookTimeout { get; }
        public TimeSpan AiStepDuration { get; }
        public CancellationToken Stopping { get; }
        public HttpClient WebhookHttp { get; } = WebhookDispatcher.NewHttpClient();
        public WebhookHostRoutes WebhookRoutes { get; } = new WebhookHostRoutes();
    }
}
