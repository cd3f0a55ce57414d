using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using PortalIo.Session;

namespace PortalIo.PowerShell.Completion
{
    /// <summary>
    /// Recent lookups for argument completion, per session, kept briefly. A lookup that takes longer
    /// than the prompt may wait goes on in the background and serves the next Tab instead.
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

        /// <summary>
        /// The candidates <paramref name="completer"/> finds for <paramref name="searchText"/> (null: the most
        /// recent items), waiting at most <see cref="PromptBudget"/>; empty when not ready.
        /// </summary>
        public static IReadOnlyList<CompletionCandidate> Get(PortalSession session, PortalIdCompleter completer, string? searchText)
        {
            var key = completer.GetType().Name + "|" + searchText;
            var entries = s_bySession.GetValue(session, _ => new ConcurrentDictionary<string, Entry>(StringComparer.OrdinalIgnoreCase));
            if (!entries.TryGetValue(key, out var entry) || DateTime.UtcNow - entry.Created > Lifetime || entry.Lookup.IsFaulted || entry.Lookup.IsCanceled)
            {
                // The background lookup gets its own, longer deadline: it should finish for the next Tab.
                var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                entry = new Entry(Task.Run(() => completer.LookupAsync(session, searchText, timeout.Token)));
                entry.Lookup.ContinueWith(_ => timeout.Dispose(), TaskScheduler.Default);
                entries[key] = entry;
            }
            try
            {
                return entry.Lookup.Wait(PromptBudget) ? entry.Lookup.Result : Array.Empty<CompletionCandidate>();
            }
            catch (AggregateException)
            {
                return Array.Empty<CompletionCandidate>();
            }
        }
    }

    internal sealed class CompletionCandidate
    {
        public CompletionCandidate(int id, string listText, string toolTip)
        {
            Id = id;
            ListText = listText;
            ToolTip = toolTip;
        }

        public int Id { get; }
        public string ListText { get; }
        public string ToolTip { get; }
    }
}
