using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using PortalIo.Webhooks;

namespace PortalIo.PowerShell.Completion
{
    /// <summary>Tab completion of -Event with the documented names.</summary>
    internal sealed class WebhookEventCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            foreach (var name in WebhookEvents.Known)
            {
                if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                    yield return new CompletionResult("'" + name + "'", name, CompletionResultType.ParameterValue, name);
            }
        }
    }
}
