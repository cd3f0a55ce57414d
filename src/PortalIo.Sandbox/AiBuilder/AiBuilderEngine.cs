using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using PortalIo.Sandbox.Data;
using PortalIo.Sandbox.Model;
using PortalIo.Sandbox.Webhooks;

namespace PortalIo.Sandbox.AiBuilder
{
    /// <summary>
    /// The AI Builder's asynchronous side. Every state is a function of timestamps (content:
    /// uploaded + 1 step → Processing, + 2 steps → Transcribed; outline and build: started + 1 step
    /// → Completed). Completion has side effects (areas added, webhook fired), so it is applied
    /// once, under the store lock, by <see cref="Advance"/> — called by a timer at the due time
    /// and by every AI read, whichever comes first.
    /// </summary>
    internal sealed class AiBuilderEngine
    {
        public const string Completed = "Completed";
        public const string Failed = "Failed";

        private static readonly string[] RoomNames =
        {
            "Master Bedroom", "Home Theater", "Media Room", "Living Room", "Dining Room", "Family Room", "Home Office",
            "Conference Room", "Game Room", "Basement Bar", "Basement", "Kitchen", "Bedroom", "Office", "Patio", "Backyard",
            "Garage", "Lobby", "Theater", "Gym",
        };

        private readonly EmulatorStore _store;
        private readonly WebhookDispatcher _webhooks;
        private readonly CancellationToken _stopping;

        public AiBuilderEngine(EmulatorStore store, WebhookDispatcher webhooks, TimeSpan step, CancellationToken stopping)
        {
            _store = store;
            _webhooks = webhooks;
            Step = step < TimeSpan.Zero ? TimeSpan.Zero : step;
            _stopping = stopping;
        }

        public TimeSpan Step { get; }

        /// <summary>Call under the store lock.</summary>
        public AiJob StartOutline(Proposal proposal, IReadOnlyList<AiContentItem> sources, DateTime nowUtc)
        {
            var job = new AiJob { Proposal = proposal, StartedAtUtc = nowUtc, CompletesAtUtc = nowUtc + Step };
            job.AreaNames.AddRange(AreasFrom(sources));
            job.Outline = OutlineText(proposal, sources, job.AreaNames);
            _store.SetOutline(job);
            Schedule(job);
            return job;
        }

        /// <summary>Call under the store lock; <paramref name="outline"/> must be Completed.</summary>
        public AiJob StartBuild(Proposal proposal, AiJob outline, DateTime nowUtc)
        {
            var job = new AiJob { Proposal = proposal, StartedAtUtc = nowUtc, CompletesAtUtc = nowUtc + Step, Outline = outline.Outline };
            job.AreaNames.AddRange(outline.AreaNames);
            _store.SetBuild(job);
            Schedule(job);
            return job;
        }

        /// <summary>Completes every job that is due. Call under the store lock.</summary>
        public void Advance(DateTime nowUtc)
        {
            foreach (var job in _store.RunningAiJobs)
            {
                if (nowUtc < job.CompletesAtUtc) continue;
                if (_store.FindOutline(job.Proposal) == job) CompleteOutline(job);
                else if (_store.FindBuild(job.Proposal) == job) CompleteBuild(job, nowUtc);
                else job.FinalStatus = Failed; // superseded by a newer job of the same kind
            }
        }

        private void CompleteOutline(AiJob job)
        {
            job.FinalStatus = Completed;
            Publish(job, WebhookEventNames.ProposalOutlineStatus);
        }

        /// <summary>Adds one area per outlined room (skipping names the proposal already has: names are unique), each with a Draft option.</summary>
        private void CompleteBuild(AiJob job, DateTime nowUtc)
        {
            var proposal = job.Proposal;
            if (proposal.IsLocked)
            {
                job.FinalStatus = Failed;
                Publish(job, WebhookEventNames.ProposalBuildStatus);
                return;
            }
            var stamp = ProposalStamp(nowUtc);
            foreach (var name in job.AreaNames)
            {
                if (proposal.HasAreas && proposal.Areas.Any(a => a.Name.Equals(name, StringComparison.OrdinalIgnoreCase))) continue;
                var area = new ProposalArea { Id = _store.NextAreaId(), Name = name };
                var option = new AreaOption
                {
                    Id = _store.NextOptionId(),
                    LastModifiedDate = stamp,
                    ClientDescription = "AI-generated scope for the " + name.ToLowerInvariant() + ".",
                };
                option.Items.Add(new LineItem
                {
                    Id = _store.NextLineItemId(),
                    ItemType = "Labor",
                    ReferencedItemId = SandboxSeed.CatalogLaborItemId,
                    Brand = "Portal",
                    Model = "LAB-INSTALL",
                    Description = "Installation labor (hour)",
                    Name = "Portal LAB-INSTALL",
                    ShortDescription = "Installation labor (hour)",
                    Quantity = 2,
                    SellPrice = 95.00m,
                    Cost = 45.00m,
                });
                area.Options.Add(option);
                proposal.Areas.Add(area);
            }
            // A system change: lastModifiedDate moves, lastModifiedByUserDate does not.
            proposal.LastModifiedDate = stamp;
            job.FinalStatus = Completed;
            Publish(job, WebhookEventNames.ProposalBuildStatus);
        }

        /// <summary>
        /// The outline/build event data is undocumented (see docs/api-decisions.md, 'Webhook
        /// deliveries'): the emulator sends the job status and the full proposal, so a receiver
        /// needs no follow-up call.
        /// </summary>
        private void Publish(AiJob job, string eventType) =>
            _webhooks.Publish(job.Proposal.Account, eventType, w =>
            {
                w.WriteStartObject();
                w.WriteNumber("proposalId", job.Proposal.Id);
                w.WriteString("status", job.FinalStatus);
                w.WritePropertyName("proposal");
                ProposalJson.WriteDetail(w, job.Proposal);
                w.WriteEndObject();
            });

        private void Schedule(AiJob job)
        {
            _ = Task.Run(async () =>
            {
                try
                {
                    while (true)
                    {
                        var wait = job.CompletesAtUtc - DateTime.UtcNow;
                        if (wait > TimeSpan.Zero) await Task.Delay(wait + TimeSpan.FromMilliseconds(1), _stopping).ConfigureAwait(false);
                        lock (_store.SyncRoot)
                        {
                            var now = DateTime.UtcNow;
                            Advance(now);
                            // Due and still open: a newer job of its kind replaced it, so it is no longer
                            // among the running ones that Advance completes. Without this, the loop
                            // would spin without waiting until the sandbox stops.
                            if (job.FinalStatus is null && now >= job.CompletesAtUtc) job.FinalStatus = Failed;
                            if (job.FinalStatus != null) return;
                        }
                    }
                }
                catch (OperationCanceledException)
                {
                    // Stopping.
                }
            });
        }

        private static IEnumerable<string> AreasFrom(IReadOnlyList<AiContentItem> sources)
        {
            var text = string.Join("\n", sources.Select(s => s.Name + "\n" + s.Text));
            var found = new List<(int Index, string Name)>();
            foreach (var room in RoomNames)
            {
                int index = text.IndexOf(room, StringComparison.OrdinalIgnoreCase);
                if (index < 0) continue;
                // "Theater" inside an already found "Home Theater" is the same room.
                if (found.Any(f => f.Name.IndexOf(room, StringComparison.OrdinalIgnoreCase) >= 0)) continue;
                found.Add((index, room));
            }
            return found.Count == 0 ? new[] { "Main Area" } : found.OrderBy(f => f.Index).Select(f => f.Name);
        }

        private static string OutlineText(Proposal proposal, IReadOnlyList<AiContentItem> sources, IReadOnlyList<string> areas)
        {
            var outline = new StringBuilder();
            outline.Append("## Executive Summary\n");
            outline.Append("This proposal covers ").Append(proposal.Name).Append(", based on ")
                .Append(string.Join(", ", sources.Select(s => "\"" + s.Name + "\""))).Append(".\n\n");
            outline.Append("## Scope of Work\n");
            foreach (var area in areas) outline.Append("### ").Append(area).Append('\n').Append("- Equipment, installation and programming for the ").Append(area.ToLowerInvariant()).Append(".\n");
            return outline.ToString();
        }

        private static DateTime ProposalStamp(DateTime nowUtc) =>
            new DateTime(nowUtc.Ticks - nowUtc.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
    }
}
