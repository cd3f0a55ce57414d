using System.Collections.Generic;
using System.Linq;

namespace PortalIo.Sandbox.Faults
{
    /// <summary>
    /// The scripted faults, in the order they were added. A request is struck by the first rule
    /// that matches it and still has uses left; a used-up rule is dropped. Scripted faults come
    /// before the random fault rate: a request a rule strikes is never also drawn at random.
    /// </summary>
    internal sealed class FaultScript
    {
        private readonly List<SandboxFaultRule> _rules = new List<SandboxFaultRule>();

        public void Add(SandboxFaultRule rule)
        {
            lock (_rules) _rules.Add(rule);
        }

        /// <summary>The rules with uses left, oldest first.</summary>
        public IReadOnlyList<SandboxFaultRule> Pending
        {
            get { lock (_rules) return _rules.Where(r => r.Remaining > 0).ToList(); }
        }

        public void Clear()
        {
            lock (_rules) _rules.Clear();
        }

        /// <summary>The rule that strikes this request (its use taken), or null.</summary>
        public SandboxFaultRule? Take(string method, string path)
        {
            lock (_rules)
            {
                for (int i = 0; i < _rules.Count; i++)
                {
                    var rule = _rules[i];
                    if (!rule.Matches(method, path) || !rule.TryConsume()) continue;
                    if (rule.Remaining == 0) _rules.RemoveAt(i);
                    return rule;
                }
                return null;
            }
        }
    }
}
