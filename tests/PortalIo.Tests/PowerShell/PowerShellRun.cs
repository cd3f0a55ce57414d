using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;

namespace PortalIo.Tests.PowerShell
{
    /// <summary>Everything one script run produced: output objects and every stream.</summary>
    public sealed class PowerShellRun
    {
        public PowerShellRun(Collection<PSObject> output, PSDataStreams streams, bool hadErrors, Exception? terminating)
        {
            Output = output.ToList();
            Errors = streams.Error.ToList();
            Verbose = streams.Verbose.Select(v => v.Message).ToList();
            Debug = streams.Debug.Select(d => d.Message).ToList();
            Warnings = streams.Warning.Select(w => w.Message).ToList();
            Information = streams.Information.Select(i => i.MessageData?.ToString() ?? string.Empty).ToList();

            HadErrors = hadErrors;
            Terminating = terminating;
        }

        public List<PSObject> Output { get; }
        public List<ErrorRecord> Errors { get; }
        public List<string> Verbose { get; }
        public List<string> Debug { get; }
        public List<string> Warnings { get; }
        public List<string> Information { get; }
        public bool HadErrors { get; }

        /// <summary>A terminating error that ended the script (its ErrorRecord is in <see cref="TerminatingRecord"/>).</summary>
        public Exception? Terminating { get; }

        public ErrorRecord? TerminatingRecord => (Terminating as IContainsErrorRecord)?.ErrorRecord;

        /// <summary>
        /// The error that ended the command: a script-terminating one, or else the first error
        /// record (a cmdlet's ThrowTerminatingError only ends its statement inside a script).
        /// </summary>
        public ErrorRecord FirstError => TerminatingRecord ?? Errors.FirstOrDefault()
            ?? throw new Xunit.Sdk.XunitException("The run produced no error.");

        public IEnumerable<T> Objects<T>() => Output.Select(o => o.BaseObject).OfType<T>();

        /// <summary>Every text the run produced, for scanning: streams, error records in depth, objects.</summary>
        public IEnumerable<string> AllText()
        {
            foreach (var o in Output)
            {
                yield return o?.ToString() ?? string.Empty;
                if (o is null) continue;
                foreach (var p in o.Properties)
                {
                    object? value;
                    try { value = p.Value; } catch (Exception ex) { value = ex.Message; }
                    yield return p.Name + "=" + value;
                }
            }
            var records = Errors.ToList();
            if (TerminatingRecord != null) records.Add(TerminatingRecord);
            foreach (var e in records)
            {
                yield return e.ToString();
                yield return e.FullyQualifiedErrorId;
                yield return e.CategoryInfo.ToString();
                yield return e.ErrorDetails?.Message ?? string.Empty;
                yield return e.ErrorDetails?.RecommendedAction ?? string.Empty;
                yield return e.TargetObject?.ToString() ?? string.Empty;
                for (var ex = e.Exception; ex != null; ex = ex.InnerException) yield return ex.ToString();
            }
            if (Terminating != null) yield return Terminating.ToString();
            foreach (var s in Verbose.Concat(Debug).Concat(Warnings).Concat(Information)) yield return s;
        }
    }
}
