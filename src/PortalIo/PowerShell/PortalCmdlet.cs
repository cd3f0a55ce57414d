using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PortalIo.Http;
using PortalIo.PowerShell.Errors;
using PortalIo.PowerShell.Pipeline;

namespace PortalIo.PowerShell
{
    /// <summary>
    /// What every PortalIo cmdlet shares: cancellation wired to StopProcessing (Ctrl+C), the client's
    /// log written to -Verbose/-Debug on the pipeline thread, and failures written as error records.
    /// </summary>
    public abstract class PortalCmdlet : PSCmdlet
    {
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private CmdletLog? _log;
        private PipelineInput? _pipelineInput;
        private bool _refusedParameter;

        private protected PortalCmdlet()
        {
        }

        /// <summary>The client's log for this invocation; lines are only built when -Verbose or -Debug (or the preferences) want them.</summary>
        private protected IPortalLog Log => _log ??= new CmdletLog(Wants("Verbose", "VerbosePreference"), Wants("Debug", "DebugPreference"));

        private bool Wants(string switchName, string preferenceVariable)
        {
            if (MyInvocation.BoundParameters.TryGetValue(switchName, out var bound) && bound is SwitchParameter given)
                return given.IsPresent;
            var preference = GetVariableValue(preferenceVariable);
            if (preference is PSObject wrapped) preference = wrapped.BaseObject;
            return preference is ActionPreference action
                ? action != ActionPreference.SilentlyContinue && action != ActionPreference.Ignore
                : preference is string text && !string.Equals(text, "SilentlyContinue", StringComparison.OrdinalIgnoreCase) && !string.Equals(text, "Ignore", StringComparison.OrdinalIgnoreCase);
        }

        private protected CancellationToken CancelToken => _stopping.Token;

        protected override void StopProcessing() => _stopping.Cancel();

        /// <summary>Notes which parameters were given on the command line (an override calls this first).</summary>
        protected override void BeginProcessing() => _pipelineInput = new PipelineInput(this, WriteRefusal);

        /// <summary>Writes the error record of an input the pipeline binding rule refused.</summary>
        private protected virtual void WriteRefusal(ErrorRecord refusal) => WriteError(refusal);

        protected override void EndProcessing() => FlushLog();

        /// <summary>
        /// The pipeline binding rule for one input (see <see cref="PipelineInput"/>): false when the
        /// input was refused, its error record written; true when the bound parameters may be used.
        /// </summary>
        private protected bool Admit(PSObject? input) =>
            (_pipelineInput ?? throw new InvalidOperationException(GetType().Name + ".BeginProcessing must call base.BeginProcessing().")).Admit(input);

        /// <summary>Waits for a call, writing its log lines as they arrive; Ctrl+C ends the wait at once.</summary>
        private protected T Await<T>(Task<T> task)
        {
            try
            {
                // With nothing to write while waiting, wait the way a plain caller would.
                var log = _log;
                if (log is null || (!log.IsVerboseEnabled && !log.IsDebugEnabled))
                    return task.GetAwaiter().GetResult();
                while (!task.IsCompleted)
                {
                    // Task.Wait spins briefly before it blocks, which catches a fast answer without
                    // a kernel wait and wake-up; the timeout lets log lines out during a long call.
                    try
                    {
                        task.Wait(100);
                    }
                    catch (AggregateException)
                    {
                        // The failure is rethrown unwrapped by GetResult below.
                    }
                    FlushLog();
                }
                FlushLog();
                return task.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        /// <summary>Waits for a call that has no result to write, as <see cref="Await{T}"/>.</summary>
        private protected void Await(Task task) => Await(Completion(task));

        private static async Task<bool> Completion(Task task)
        {
            await task.ConfigureAwait(false);
            return true;
        }

        private protected void Emit(object? value)
        {
            FlushLog();
            UnknownFields.Surface(value);
            WriteObject(value);
        }

        private protected void FlushLog()
        {
            var log = _log;
            if (log is null || log.IsEmpty) return;
            while (log.TryTake(out var stream, out var text))
            {
                switch (stream)
                {
                    case CmdletLog.Stream.Verbose: WriteVerbose(text); break;
                    case CmdletLog.Stream.Debug: WriteDebug(text); break;
                    default: WriteWarning(text); break;
                }
            }
        }

        /// <summary>The SupportsPaging parameters, which PowerShell adds to every parameter set.</summary>
        private protected static readonly string[] PagingParameterNames = { "First", "Skip", "IncludeTotalCount" };

        /// <summary>
        /// No parameter is silently ignored: when one of <paramref name="parameters"/> was given where it
        /// cannot apply, writes an InvalidArgument error that names it and says why (once per command,
        /// however many inputs follow) and returns true: the caller then does nothing for the input.
        /// </summary>
        private protected bool Refused(string[] parameters, string whyNot, string action)
        {
            foreach (var name in parameters)
            {
                if (!MyInvocation.BoundParameters.ContainsKey(name)) continue;
                if (!_refusedParameter)
                {
                    _refusedParameter = true;
                    WriteError(ErrorRecordFactory.InvalidArgument(name, "-" + name + " " + whyNot, null, action));
                }
                return true;
            }
            return false;
        }

        /// <summary>Writes a broken input rule (from FieldRules) as the input's InvalidArgument error; false when one was broken.</summary>
        private protected bool Passes((string Parameter, string Message)? brokenRule, object target)
        {
            if (brokenRule is null) return true;
            WriteError(ErrorRecordFactory.InvalidArgument(brokenRule.Value.Parameter, brokenRule.Value.Message, target));
            return false;
        }

        /// <summary>
        /// Writes a failure for one input as a non-terminating error, so the rest of the pipeline
        /// goes on. Cancellation is not a failure: it stops the pipeline.
        /// </summary>
        private protected void WriteFailure(Exception exception, object? target, ErrorRecordFactory.Hints? hints = null)
        {
            FlushLog();
            switch (exception)
            {
                case OperationCanceledException _ when _stopping.IsCancellationRequested:
                    throw new PipelineStoppedException();
                case PortalApiException api:
                    WriteError(ErrorRecordFactory.FromApiException(api, target, hints));
                    break;
                case AggregateException aggregate when aggregate.InnerExceptions.Count == 1:
                    WriteFailure(aggregate.InnerException!, target, hints);
                    break;
                default:
                    throw exception is PipelineStoppedException ? exception : new InvalidOperationException(exception.Message, exception);
            }
        }

        /// <summary>Runs one unit of work for one input; a failure becomes that input's error record.</summary>
        private protected void ForInput(object? target, Action work, ErrorRecordFactory.Hints? hints = null)
        {
            try
            {
                work();
            }
            catch (PortalApiException ex)
            {
                WriteFailure(ex, target, hints);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }
    }
}
