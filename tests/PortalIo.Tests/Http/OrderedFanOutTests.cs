using System;
using System.Linq;
using System.Threading.Tasks;
using PortalIo.Api;
using Xunit;

namespace PortalIo.Tests.Http
{
    /// <summary>The fan-out's window: what may start, what is taken in which order, and what a wait waits for.</summary>
    public class OrderedFanOutTests
    {
        [Fact]
        public void At_most_the_limit_run_at_once_and_results_are_taken_in_input_order()
        {
            var fanOut = new OrderedFanOut<int>(2);
            var first = new TaskCompletionSource<bool>();
            var second = new TaskCompletionSource<bool>();
            fanOut.Add(1, first.Task);
            fanOut.Add(2, second.Task);

            Assert.False(fanOut.CanStart);
            Assert.Throws<InvalidOperationException>(() => fanOut.Add(3, Task.CompletedTask));
            second.SetResult(true);
            Assert.False(fanOut.HeadIsDone);

            // The second finished before the first: it waits in the window, and no longer counts as running.
            Assert.True(fanOut.CanStart);
            fanOut.Add(3, new TaskCompletionSource<bool>().Task);
            Assert.Equal(2, fanOut.Running);
            first.SetResult(true);
            Assert.Equal(new[] { 1, 2 }, new[] { fanOut.TakeHead().Key, fanOut.TakeHead().Key });
            Assert.Equal(1, fanOut.Count);
        }

        [Fact]
        public void A_slow_head_holds_at_most_MaxHeld_results_behind_it()
        {
            var fanOut = new OrderedFanOut<int>(1);
            var head = new TaskCompletionSource<bool>();
            fanOut.Add(0, head.Task);
            Assert.False(fanOut.CanStart);
            // With a limit of 1 the head is the one running: nothing starts until it ends...
            Assert.False(fanOut.NextToEnd().IsCompleted);

            var wide = new OrderedFanOut<int>(4);
            var slow = new TaskCompletionSource<bool>();
            wide.Add(0, slow.Task);
            var added = 1;
            while (wide.CanStart) wide.Add(added++, Task.CompletedTask);

            // ...and with a wider limit the others go on, up to MaxHeld held in all.
            Assert.Equal(4 * OrderedFanOut<int>.HeldPerRunning, wide.Count);
            Assert.Equal(1, wide.Running);
            var wait = wide.NextToEnd();
            Assert.False(wait.IsCompleted);
            slow.SetException(new InvalidOperationException("failed"));
            // The wait ends when the head ends, and never fails itself: the failure is the head's to report.
            Assert.True(wait.IsCompleted);
            Assert.False(wait.IsFaulted);
            Assert.True(wide.HeadIsDone);
            Assert.True(wide.TakeHead().Value.IsFaulted);
        }

        [Fact]
        public void Abandon_forgets_every_operation()
        {
            var fanOut = new OrderedFanOut<string>(3);
            var pending = new TaskCompletionSource<bool>();
            fanOut.Add("a", Task.FromException(new InvalidOperationException()));
            fanOut.Add("b", pending.Task);
            fanOut.Abandon();
            pending.SetException(new InvalidOperationException());

            Assert.Equal(0, fanOut.Count);
            Assert.True(fanOut.NextToEnd().IsCompleted);
            Assert.Throws<InvalidOperationException>(() => fanOut.TakeHead());
        }
    }
}
