using System;
using System.Collections.Generic;

namespace PortalIo.PowerShell.LocalSandbox
{
    /// <summary>What Start-PortalSandbox asks for, in types of this assembly (the bridge turns it into the sandbox's options).</summary>
    internal sealed class SandboxStartSettings
    {
        public int Port { get; set; }
        public TimeSpan Latency { get; set; }
        public double FaultRate { get; set; }

        /// <summary>Names of the sandbox's random fault kinds; null or empty for its default (500, 502, 503).</summary>
        public IList<string>? FaultKinds { get; set; }

        public bool Empty { get; set; }

        /// <summary>A fixture as JSON text (a .psd1 already converted), or null.</summary>
        public string? DataJson { get; set; }

        public int RateLimit { get; set; }

        /// <summary>Null for the sandbox's default (3 s per step).</summary>
        public TimeSpan? AiStepDuration { get; set; }
    }
}
