using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PortalIo.Api;
using PortalIo.Http;
using PortalIo.PowerShell.Errors;

namespace PortalIo.PowerShell
{
    /// <summary>
    /// A cmdlet that makes one read call per input and fans out across its inputs, those of an array
    /// parameter and those of the pipeline alike: up to -ThrottleLimit calls under way at once, each
    /// input's objects written in input order as soon as it and every input before it are done, an
    /// error record per failed input, and Ctrl+C cancelling every call under way at once. Reads only:
    /// writes go one after another (see docs/api-decisions.md, 'Fan-out').
    /// </summary>
    /// <remarks>
    /// A derived cmdlet declares -ThrottleLimit itself (in the parameter sets whose inputs fan out,
    /// validated with <see cref="MaxThrottleLimit"/>) and hands it over in <see cref="ThrottleLimitValue"/>.
    /// In ProcessRecord it calls <see cref="FanOut{T}"/> (or <see cref="FanOutPaged{T}"/>) once per
    /// input; an input refused before any call goes through <see cref="InOrder"/>, so its error keeps
    /// its place among the others.
    /// </remarks>
    public abstract class PortalFanOutCmdlet : PortalApiCmdlet, IDisposable
    {
        public const int DefaultThrottleLimit = 8;
        public const int MaxThrottleLimit = 64;

        private OrderedFanOut<PendingInput>? _fanOut;
        private CancellationTokenSource? _fanOutCancel;
        private PortalCall? _fanOutCall;

        private protected PortalFanOutCmdlet()
        {
        }

        /// <summary>This invocation's -ThrottleLimit.</summary>
        private protected abstract int ThrottleLimitValue { get; }

        /// <summary>
        /// Starts <paramref name="read"/> for one input once fewer than -ThrottleLimit calls are under
        /// way (writing, meanwhile, what is done in order), and returns. <paramref name="write"/> runs
        /// later, on the pipeline thread, in input order; a failure of the read is the input's error
        /// record, with <paramref name="target"/> as its TargetObject.
        /// </summary>
        /// <param name="read">The call, with the call context to use (its cancellation ends with the pipeline).</param>
        private protected void FanOut<T>(object? target, Func<PortalCall, Task<T>> read, Action<T> write, ErrorRecordFactory.Hints? hints = null)
        {
            var fanOut = MakeRoom();
            var call = _fanOutCall!;
            Task<T> task;
            try
            {
                task = read(call);
            }
            catch (Exception ex) when (ex is PortalApiException || ex is OperationCanceledException)
            {
                task = Failed<T>(ex);
            }
            Enqueue(fanOut, new PendingInput(target, () => write(Await(task)), hints), task);
        }

        /// <summary>
        /// <see cref="FanOut{T}"/> for each of <paramref name="ids"/>, in order. One id on the command
        /// line with no pipeline input has nothing to overlap with: its call is made and written at
        /// once, through the same error-record and Ctrl+C handling, without the fan-out's machinery
        /// (a linked cancellation, a queue, closures), which would otherwise cost every one-off
        /// command more than the engine does.
        /// </summary>
        private protected void FanOutEach<TId, T>(TId[] ids, Func<PortalCall, TId, Task<T>> read, Action<T> write, ErrorRecordFactory.Hints? hints = null)
        {
            if (ids.Length == 1 && _fanOut is null && !MyInvocation.ExpectingInput)
            {
                var id = ids[0];
                ForInput(id, () => write(Await(read(Call, id))), hints);
                return;
            }
            foreach (var id in ids) FanOut(id, call => read(call, id), write, hints);
        }

        /// <summary>
        /// A paged listing per input (a cmdlet with SupportsPaging): its first page is fetched in the
        /// fan-out, the rest as the objects are written, as <see cref="PortalApiCmdlet.WritePaged{T}"/>
        /// does, so that at most one page per input is held.
        /// </summary>
        private protected void FanOutPaged<T>(string activity, int pageSize, object? target, Func<PortalCall, IPageSource<T>> listing,
            ErrorRecordFactory.Hints? hints = null)
        {
            var window = new PagingWindow(pageSize, PagingParameters.Skip, PagingParameters.First);
            FanOut(target, call => PrefetchedPages<T>.FetchFirstAsync(listing(call), window),
                pages => WritePaged(activity, pageSize, target, pages, hints), hints);
        }

        /// <summary>Writes something that needs no call (an input refused before sending) in its place among the inputs.</summary>
        private protected void InOrder(Action write) => Enqueue(MakeRoom(), new PendingInput(null, write, null), Task.CompletedTask);

        /// <summary>A refused input's error comes after what the inputs before it write, not ahead of it.</summary>
        private protected override void WriteRefusal(ErrorRecord refusal)
        {
            if (_fanOut is null || _fanOut.Count == 0) WriteError(refusal);
            else InOrder(() => WriteError(refusal));
        }

        protected override void EndProcessing()
        {
            var fanOut = _fanOut;
            if (fanOut != null)
            {
                try
                {
                    while (fanOut.Count > 0) WriteOldest(fanOut);
                }
                catch
                {
                    Abandon();
                    throw;
                }
            }
            base.EndProcessing();
        }

        public void Dispose()
        {
            // After a normal end nothing is under way: there is nothing to cancel.
            if (_fanOut?.Count > 0) Abandon();
            _fanOutCancel?.Dispose();
        }

        /// <summary>Writes what is done in order, and waits until another call may start.</summary>
        private OrderedFanOut<PendingInput> MakeRoom()
        {
            if (_fanOut is null)
            {
                _fanOutCancel = CancellationTokenSource.CreateLinkedTokenSource(CancelToken);
                _fanOutCall = Call.WithCancellation(_fanOutCancel.Token);
                _fanOut = new OrderedFanOut<PendingInput>(ThrottleLimitValue);
            }
            var fanOut = _fanOut;
            try
            {
                while (true)
                {
                    while (fanOut.HeadIsDone) WriteOldest(fanOut);
                    if (fanOut.CanStart) return fanOut;
                    Await(fanOut.NextToEnd());
                }
            }
            catch
            {
                Abandon();
                throw;
            }
        }

        private void Enqueue(OrderedFanOut<PendingInput> fanOut, PendingInput input, Task task)
        {
            fanOut.Add(input, task);
            try
            {
                while (fanOut.HeadIsDone) WriteOldest(fanOut);
            }
            catch
            {
                Abandon();
                throw;
            }
        }

        /// <summary>Waits for the oldest input (Ctrl+C ends the wait) and writes its objects or its error.</summary>
        private void WriteOldest(OrderedFanOut<PendingInput> fanOut)
        {
            var oldest = fanOut.TakeHead().Key;
            ForInput(oldest.Target, oldest.Write, oldest.Hints);
        }

        /// <summary>The pipeline stopped or failed: cancel what is still under way.</summary>
        private void Abandon()
        {
            try
            {
                _fanOutCancel?.Cancel();
            }
            catch (ObjectDisposedException)
            {
            }
            _fanOut?.Abandon();
        }

        private static Task<T> Failed<T>(Exception exception)
        {
            var failed = new TaskCompletionSource<T>();
            failed.SetException(exception);
            return failed.Task;
        }

        private sealed class PendingInput
        {
            public PendingInput(object? target, Action write, ErrorRecordFactory.Hints? hints)
            {
                Target = target;
                Write = write;
                Hints = hints;
            }

            public object? Target { get; }
            public Action Write { get; }
            public ErrorRecordFactory.Hints? Hints { get; }
        }
    }
}
