using System;
using PortalIo.Sandbox.Model;

namespace PortalIo.Sandbox.Data
{
    /// <summary>Keeps the status and the status-related dates of a proposal consistent with each other.</summary>
    internal static class ProposalLifecycle
    {
        /// <summary>Sets the status and fills the milestone dates a proposal in that status must already have.</summary>
        public static void ApplyStatus(Proposal p, ProposalStatus status, DateTime atUtc)
        {
            p.Status = status;
            if (status == ProposalStatus.Undefined || status == ProposalStatus.Draft) return;

            p.LastSubmittedDate ??= atUtc;
            if (status == ProposalStatus.Submitted || status == ProposalStatus.EmailFailed) return;

            // Expired and Delayed proposals may or may not have been opened; the emulator says they were.
            p.ClientLastOpenedDate ??= atUtc;
            if (status == ProposalStatus.Accepted || status == ProposalStatus.Declined || status == ProposalStatus.Completed)
                p.ClientLastDecisionDate ??= atUtc;
            if (status == ProposalStatus.Completed)
                p.LastCompletedDate ??= atUtc;
        }
    }
}
