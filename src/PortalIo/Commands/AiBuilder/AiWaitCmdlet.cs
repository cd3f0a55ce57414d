using System;
using System.Management.Automation;
using System.Threading.Tasks;
using PortalIo.PowerShell;
using PortalIo.PowerShell.Errors;

namespace PortalIo.Commands.AiBuilder
{
    /// <summary>What Start-PortalAiOutline and Start-PortalAiBuild share: -Wait, -TimeoutSec, -PollIntervalSec and the polling loop.</summary>
    public abstract class AiWaitCmdlet : PortalApiCmdlet
    {
        private protected AiWaitCmdlet()
        {
        }

        /// <summary>Waits until the job ends (polling, with a progress bar); Ctrl+C stops waiting at once.</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>How long -Wait waits before a PortalIo.Timeout error (the job goes on in Portal.io).</summary>
        [Parameter]
        [ValidateRange(1, 86400)]
        public int TimeoutSec { get; set; } = 900;

        /// <summary>Seconds between two polls while waiting.</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int PollIntervalSec { get; set; } = 3;

        /// <summary>True (its error written) when -TimeoutSec or -PollIntervalSec was given without -Wait, which alone uses them.</summary>
        private protected bool WaitParametersRefused() =>
            !Wait && Refused(new[] { nameof(TimeoutSec), nameof(PollIntervalSec) }, "applies only with -Wait, so nothing was started.",
                "Add -Wait to wait for the job, or leave the parameter out.");

        /// <summary>
        /// Polls until <paramref name="poll"/> returns a result, writing progress; null when the
        /// timeout passed first (a Timeout error record has then been written for the input).
        /// </summary>
        private protected T? PollUntil<T>(int proposalId, string activity, Func<(bool Done, T? Result, string Status)> poll, string whatToDo) where T : class
        {
            var activityId = Math.Abs(GetType().Name.GetHashCode() % 10000) + 1;
            var started = DateTime.UtcNow;
            var deadline = started.AddSeconds(TimeoutSec);
            var progress = new ProgressRecord(activityId, activity, "Starting");
            try
            {
                while (true)
                {
                    var (done, result, status) = poll();
                    var elapsed = DateTime.UtcNow - started;
                    if (done) return result;
                    if (DateTime.UtcNow >= deadline)
                    {
                        var message = activity + " did not finish within " + TimeoutSec + " s (last status: " + status + ").";
                        WriteError(new ErrorRecord(new TimeoutException(message), ErrorIds.Timeout, ErrorCategory.OperationTimeout, proposalId)
                        {
                            ErrorDetails = new ErrorDetails(message)
                            {
                                RecommendedAction = "The job goes on in Portal.io: " + whatToDo + " Or run the command again with a larger -TimeoutSec.",
                            },
                        });
                        return null;
                    }
                    progress.StatusDescription = "Status: " + status + " (" + (int)elapsed.TotalSeconds + " s of at most " + TimeoutSec + " s)";
                    progress.PercentComplete = (int)Math.Min(99, 100 * elapsed.TotalSeconds / TimeoutSec);
                    WriteProgress(progress);
                    var wait = TimeSpan.FromSeconds(Math.Min(PollIntervalSec, Math.Max(0.05, (deadline - DateTime.UtcNow).TotalSeconds)));
                    Await(Task.Delay(wait, CancelToken));
                }
            }
            finally
            {
                progress.RecordType = ProgressRecordType.Completed;
                progress.StatusDescription = "Done";
                WriteProgress(progress);
            }
        }
    }
}
