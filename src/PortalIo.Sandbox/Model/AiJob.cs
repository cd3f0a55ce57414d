using System;
using System.Collections.Generic;

namespace PortalIo.Sandbox.Model
{
    /// <summary>
    /// An outline generation or a build of one proposal. Running until <see cref="CompletesAtUtc"/>;
    /// the completion (areas added, webhook fired) is applied exactly once, by whichever comes
    /// first: the background timer or a read that finds the job due (see AiBuilderEngine).
    /// </summary>
    internal sealed class AiJob
    {
        public Proposal Proposal { get; set; } = null!;
        public DateTime StartedAtUtc { get; set; }
        public DateTime CompletesAtUtc { get; set; }
        /// <summary>Null while running; then Completed or Failed.</summary>
        public string? FinalStatus { get; set; }
        public string? Outline { get; set; }
        /// <summary>The areas the outline proposes; the build adds them to the proposal.</summary>
        public List<string> AreaNames { get; } = new List<string>();
    }
}
