using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PortalIo.Errors;
using PortalIo.Http;

namespace PortalIo.Commands
{
    /// <summary>
    /// What every PortalIo cmdlet shares: cancellation wired to StopProcessing (Ctrl+C), the client's
    /// log written to -Verbose/-Debug on the pipeline thread, and failures written as error records.
    /// </summary>
    public abstract class PortalCmdlet : PSCmdlet
    {
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private readonly CmdletLog _log = new CmdletLog();

        internal IPortalLog Log => _log;

        protected CancellationToken CancelToken => _stopping.Token;

        protected override void StopProcessing() => _stopping.Cancel();

        protected override void EndProcessing() => FlushLog();

        /// <summary>Waits for a call, writing its log lines as they arrive; Ctrl+C ends the wait at once.</summary>
        protected T Await<T>(Task<T> task)
        {
            try
            {
                var handle = ((IAsyncResult)task).AsyncWaitHandle;
                while (!task.IsCompleted)
                {
                    handle.WaitOne(100);
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

        protected void Emit(object? value)
        {
            FlushLog();
            WriteObject(value);
        }

        protected void FlushLog()
        {
            while (_log.TryTake(out var verbose, out var text))
            {
                if (verbose) WriteVerbose(text);
                else WriteDebug(text);
            }
        }

        /// <summary>
        /// Writes a failure for one input as a non-terminating error, so the rest of the pipeline
        /// goes on. Cancellation is not a failure: it stops the pipeline.
        /// </summary>
        protected void WriteFailure(Exception exception, object? target, ErrorRecordFactory.Hints? hints = null)
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
        protected void ForInput(object? target, Action work, ErrorRecordFactory.Hints? hints = null)
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
