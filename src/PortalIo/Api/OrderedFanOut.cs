using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace PortalIo.Api
{
    /// <summary>
    /// Bounded, ordered fan-out: at most <see cref="Limit"/> operations are under way, counted from
    /// the oldest one whose result has not been taken yet, and results are taken in input order.
    /// The owner starts each operation and decides when to wait (a cmdlet must wait on its pipeline
    /// thread, writing its log while it does), so this class never blocks: it only keeps the
    /// operations under way in input order and hands back the oldest one. Not thread-safe: one owner thread.
    /// </summary>
    internal sealed class OrderedFanOut<TInput, TResult>
    {
        private readonly Queue<KeyValuePair<TInput, Task<TResult>>> _window = new Queue<KeyValuePair<TInput, Task<TResult>>>();

        public OrderedFanOut(int limit)
        {
            if (limit < 1) throw new ArgumentOutOfRangeException(nameof(limit), "The limit must be at least 1.");
            Limit = limit;
        }

        public int Limit { get; }

        /// <summary>Operations started whose result has not been taken (running or done).</summary>
        public int Count => _window.Count;

        /// <summary>True when no further operation may start before the oldest one is taken.</summary>
        public bool IsFull => _window.Count >= Limit;

        /// <summary>True when there is an oldest operation and it has finished (successfully or not).</summary>
        public bool HeadIsDone => _window.Count > 0 && _window.Peek().Value.IsCompleted;

        /// <summary>Adds the operation just started for one input (an async method, so that any failure is in its task).</summary>
        public void Add(TInput input, Task<TResult> operation)
        {
            if (IsFull) throw new InvalidOperationException("Take the oldest result before starting another operation.");
            _window.Enqueue(new KeyValuePair<TInput, Task<TResult>>(input, operation ?? throw new ArgumentNullException(nameof(operation))));
        }

        /// <summary>Removes and returns the oldest operation (its input and task, which may still run).</summary>
        public KeyValuePair<TInput, Task<TResult>> TakeHead()
        {
            if (_window.Count == 0) throw new InvalidOperationException("No operation is under way.");
            return _window.Dequeue();
        }

        /// <summary>Forgets every operation not taken yet; their failures are observed so that none surfaces later.</summary>
        public void Abandon()
        {
            while (_window.Count > 0) Observe(_window.Dequeue().Value);
        }

        private static void Observe(Task task)
        {
            if (task.IsCompleted) _ = task.Exception;
            else _ = task.ContinueWith(t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously);
        }
    }
}
