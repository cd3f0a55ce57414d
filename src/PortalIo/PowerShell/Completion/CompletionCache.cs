using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using PortalIo.Session;

namespace PortalIo.PowerShell.Completion
{
    /// <summary>
    /// Recent lookups for argument completion, per session, kept briefly. The prompt waits for the
    /// lookups of one Tab at most <see cref="PromptBudget"/> in all; one that takes longer goes on in
    /// the background and serves the next Tab instead.
    /// </summary>
    internal static class CompletionCache
    {
        public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);
        public static readonly TimeSpan PromptBudget = TimeSpan.FromMilliseconds(1500);

        private sealed class Entry
        {
            public Entry(Task<IReadOnlyList<CompletionCandidate>> lookup) { Lookup = lookup; Created = DateTime.UtcNow; }
            public Task<IReadOnlyList<CompletionCandidate>> Lookup { get; }
            public DateTime Created { get; }
        }

        // Keyed weakly by session so a forgotten session takes its cache with it.
        private static readonly ConditionalWeakTable<PortalSession, ConcurrentDictionary<string, Entry>> s_bySession =
            new ConditionalWeakTable<PortalSession, ConcurrentDictionary<string, Entry>>();

        /// <summary>The cached lookup for <paramref name="key"/>, or a new one started in the background.</summary>
        public static Task<IReadOnlyList<CompletionCandidate>> Start(PortalSession session, string key,
            Func<CancellationToken, Task<IReadOnlyList<CompletionCandidate>>> lookup)
        {
            var entries = s_bySession.GetValue(session, _ => new ConcurrentDictionary<string, Entry>(StringComparer.OrdinalIgnoreCase));
            if (!entries.TryGetValue(key, out var entry) || DateTime.UtcNow - entry.Created > Lifetime || entry.Lookup.IsFaulted || entry.Lookup.IsCanceled)
            {
                // The background lookup gets its own, longer deadline: it should finish for the next Tab.
                var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                entry = new Entry(Task.Run(() => lookup(timeout.Token)));
                entry.Lookup.ContinueWith(_ => timeout.Dispose(), TaskScheduler.Default);
                entries[key] = entry;
            }
            return entry.Lookup;
        }

        /// <summary>What the lookups found within the prompt's budget, in their order; a lookup not done (or failed) gives nothing.</summary>
        public static IReadOnlyList<CompletionCandidate> Collect(IReadOnlyList<Task<IReadOnlyList<CompletionCandidate>>> lookups)
        {
            try
            {
                Task.WaitAll(lookups.Cast<Task>().ToArray(), PromptBudget);
            }
            catch (AggregateException)
            {
                // A failed lookup offers nothing; the others still count.
            }
            return lookups.Where(l => l.Status == TaskStatus.RanToCompletion).SelectMany(l => l.Result).ToList();
        }
    }

    internal sealed class CompletionCandidate
    {
        public CompletionCandidate(long id, string listText, string toolTip)
        {
            Id = id;
            ListText = listText;
            ToolTip = toolTip;
        }

        public long Id { get; }
        public string ListText { get; }
        public string ToolTip { get; }
    }
}
