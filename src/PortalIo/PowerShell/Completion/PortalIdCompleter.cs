using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using System.Threading.Tasks;
using PortalIo.Session;

namespace PortalIo.PowerShell.Completion
{
    /// <summary>
    /// Completes a resource id from the API: digits complete by id prefix among recent items, text
    /// searches by name; the name shows in the list and the tooltip. Never blocks the prompt for
    /// more than <see cref="CompletionCache.PromptBudget"/>, and offers nothing when not connected.
    /// </summary>
    internal abstract class PortalIdCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var session = SessionFrom(fakeBoundParameters);
            if (session?.Client is null) return Array.Empty<CompletionResult>();
            var word = (wordToComplete ?? string.Empty).Trim('\'', '"');
            var byId = word.Length == 0 || word.All(char.IsDigit);
            var candidates = CompletionCache.Get(session, this, byId ? null : word);
            return candidates
                .Where(c => !byId || c.Id.ToString(CultureInfo.InvariantCulture).StartsWith(word, StringComparison.Ordinal))
                .Select(c => new CompletionResult(c.Id.ToString(CultureInfo.InvariantCulture), c.ListText, CompletionResultType.ParameterValue, c.ToolTip))
                .ToList();
        }

        /// <summary>Candidates: the most recent items when <paramref name="searchText"/> is null, else the matches.</summary>
        internal abstract Task<IReadOnlyList<CompletionCandidate>> LookupAsync(PortalSession session, string? searchText, CancellationToken cancellationToken);

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
