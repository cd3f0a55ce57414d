using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace PortalIo.Api
{
    /// <summary>
    /// Bounded, ordered fan-out: at most <see cref="Limit"/> operations running at once, and their
    /// results taken in input order. An operation that has finished before an older one waits in the
    /// window, up to <see cref="MaxHeld"/> operations in all, so one slow operation (a retry waiting
    /// out a Retry-After) does not stop the others from starting; the bound on held results keeps
    /// memory flat however long it takes. The owner starts each operation and decides when to wait
    /// (a cmdlet must wait on its pipeline thread, writing its log while it does), so this class
    /// never blocks. Not thread-safe: one owner thread.
    /// </summary>
    internal sealed class OrderedFanOut<TInput>
    {
        /// <summary>Results held per running operation: about what one slow operation lets the others finish meanwhile.</summary>
        public const int HeldPerRunning = 16;

        private readonly Queue<KeyValuePair<TInput, Task>> _window = new Queue<KeyValuePair<TInput, Task>>();

        public OrderedFanOut(int limit)
        {
            if (limit < 1) throw new ArgumentOutOfRangeException(nameof(limit), "The limit must be at least 1.");
            Limit = limit;
            MaxHeld = limit * HeldPerRunning;
        }

        /// <summary>Operations running at once at most.</summary>
        public int Limit { get; }

        /// <summary>Operations started whose result has not been taken (running or done) at most.</summary>
        public int MaxHeld { get; }

        /// <summary>Operations started whose result has not been taken (running or done).</summary>
        public int Count => _window.Count;

        /// <summary>Operations started that have not finished.</summary>
        public int Running
        {
            get
            {
                var running = 0;
                foreach (var entry in _window)
                    if (!entry.Value.IsCompleted) running++;
                return running;
            }
        }

        /// <summary>True when another operation may start now.</summary>
        public bool CanStart => _window.Count < MaxHeld && Running < Limit;

        /// <summary>True when there is an oldest operation and it has finished (successfully or not).</summary>
        public bool HeadIsDone => _window.Count > 0 && _window.Peek().Value.IsCompleted;

        /// <summary>Adds the operation just started for one input (an async method, so that any failure is in its task).</summary>
        public void Add(TInput input, Task operation)
        {
            if (operation is null) throw new ArgumentNullException(nameof(operation));
            if (!CanStart) throw new InvalidOperationException("Wait for an operation to finish, or take the oldest result, before starting another.");
            _window.Enqueue(new KeyValuePair<TInput, Task>(input, operation));
        }

        /// <summary>Removes and returns the oldest operation (its input and task, which may still run).</summary>
        public KeyValuePair<TInput, Task> TakeHead()
        {
            if (_window.Count == 0) throw new InvalidOperationException("No operation is under way.");
            return _window.Dequeue();
        }

        /// <summary>
        /// A task that ends, never failing, when an operation ends: the oldest one when the window
        /// holds all it may (nothing else makes room), else any running one. Already ended when none is running.
        /// </summary>
        public Task NextToEnd()
        {
            if (_window.Count == 0) return Task.CompletedTask;
            var running = new List<Task>(Limit);
            if (_window.Count >= MaxHeld) running.Add(_window.Peek().Value);
            else
            {
                foreach (var entry in _window)
                    if (!entry.Value.IsCompleted) running.Add(entry.Value);
            }
            return running.Count == 0 ? Task.CompletedTask : Task.WhenAny(running);
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
