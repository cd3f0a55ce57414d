using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using System.Threading.Tasks;
using PortalIo.Http;
using PortalIo.Session;

namespace PortalIo.PowerShell.Completion
{
    /// <summary>
    /// Completes a resource id from the API, from what was typed: digits complete by id among the
    /// recent items and look that very id up (so an id beyond the first page completes too), text
    /// searches by name (the API's search where there is one); the name shows in the list and the
    /// tooltip. Ids that live inside a proposal (areas, options...) complete once -ProposalId is on
    /// the command line. Never blocks the prompt for more than <see cref="CompletionCache.PromptBudget"/>,
    /// and offers nothing when not connected.
    /// </summary>
    internal abstract class PortalIdCompleter : IArgumentCompleter
    {
        /// <summary>The parameters already on the command line that the candidates depend on (e.g. ProposalId).</summary>
        private protected virtual string[] Scope => Array.Empty<string>();

        /// <summary>True when <see cref="ListAsync"/> searches the text itself (the API's SearchText); else the names are matched here.</summary>
        private protected virtual bool SearchesText => false;

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var session = SessionFrom(fakeBoundParameters);
            if (session?.Client is null) return Array.Empty<CompletionResult>();
            var scope = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
            foreach (var name in Scope)
            {
                if (!TryGetId(fakeBoundParameters, name, out var value)) return Array.Empty<CompletionResult>();
                scope[name] = value;
            }
            var word = (wordToComplete ?? string.Empty).Trim('\'', '"');
            var digits = word.Length > 0 && word.All(char.IsDigit);
            var text = word.Length > 0 && !digits ? word : null;
            var key = GetType().Name + "|" + parameterName + "|" + string.Join(",", scope.Select(s => s.Key + "=" + s.Value)) + "|";

            var lookups = new List<Task<IReadOnlyList<CompletionCandidate>>>();
            if (digits && long.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var typedId))
                lookups.Add(CompletionCache.Start(session, key + "id:" + typedId, token => OneOrNoneAsync(Call(session, token), typedId, scope)));
            var searched = SearchesText ? text : null;
            lookups.Add(CompletionCache.Start(session, key + "list:" + searched, token => ListAsync(Call(session, token), searched, scope, parameterName)));

            return CompletionCache.Collect(lookups)
                .Where(c => digits ? c.Id.ToString(CultureInfo.InvariantCulture).StartsWith(word, StringComparison.Ordinal)
                    : text is null || SearchesText || c.ListText.IndexOf(text, StringComparison.OrdinalIgnoreCase) >= 0)
                .GroupBy(c => c.Id).Select(g => g.First())
                .Select(c => new CompletionResult(c.Id.ToString(CultureInfo.InvariantCulture), c.ListText, CompletionResultType.ParameterValue, c.ToolTip))
                .ToList();
        }

        /// <summary>Candidates: the most recent (or all) items, or those matching <paramref name="searchText"/> when <see cref="SearchesText"/>.</summary>
        internal abstract Task<IReadOnlyList<CompletionCandidate>> ListAsync(PortalCall call, string? searchText, IReadOnlyDictionary<string, long> scope, string parameterName);

        /// <summary>The item with this id, for ids beyond what <see cref="ListAsync"/> returns; empty when there is no such lookup.</summary>
        internal virtual Task<IReadOnlyList<CompletionCandidate>> OneAsync(PortalCall call, long id, IReadOnlyDictionary<string, long> scope) =>
            Task.FromResult<IReadOnlyList<CompletionCandidate>>(Array.Empty<CompletionCandidate>());

        private async Task<IReadOnlyList<CompletionCandidate>> OneOrNoneAsync(PortalCall call, long id, IReadOnlyDictionary<string, long> scope)
        {
            try
            {
                return await OneAsync(call, id, scope).ConfigureAwait(false);
            }
            catch (PortalApiException)
            {
                // Not found (or not allowed): nothing to offer for this id.
                return Array.Empty<CompletionCandidate>();
            }
        }

        private static PortalCall Call(PortalSession session, CancellationToken token) => new PortalCall(session.Client!, null, token);

        private static bool TryGetId(IDictionary fakeBoundParameters, string name, out long id)
        {
            id = 0;
            if (fakeBoundParameters is null || !fakeBoundParameters.Contains(name)) return false;
            var value = fakeBoundParameters[name];
            if (value is PSObject wrapped) value = wrapped.BaseObject;
            return value != null && LanguagePrimitives.TryConvertTo(value, CultureInfo.InvariantCulture, out id) && id >= 1;
        }

        private static PortalSession? SessionFrom(IDictionary fakeBoundParameters)
        {
            if (fakeBoundParameters != null && fakeBoundParameters.Contains("Session"))
            {
                var bound = fakeBoundParameters["Session"];
                if ((bound is PSObject ps ? ps.BaseObject : bound) is PortalSession given) return given;
            }
            try
            {
                // Completion runs on the runspace's own pipeline thread, where SessionStateProxy refuses
                // calls (a pipeline is running) but a script block reads the variable in place.
                var values = ScriptBlock.Create("$" + SessionStore.SessionVariable).Invoke();
                var value = values.Count > 0 ? values[0] : null;
                return (value is PSObject wrapped ? wrapped.BaseObject : value) as PortalSession;
            }
            catch (Exception ex) when (ex is RuntimeException || ex is InvalidOperationException)
            {
                return null;
            }
        }
    }
}
