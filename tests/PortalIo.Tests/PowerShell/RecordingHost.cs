using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

namespace PortalIo.Tests.PowerShell
{
    /// <summary>
    /// A test host that records what reaches the user interface. Progress only reaches a host (the
    /// engine does not put it in PowerShell.Streams without one), so progress tests need this.
    /// </summary>
    internal sealed class RecordingHost : PSHost
    {
        private readonly RecordingUserInterface _ui = new();

        public ConcurrentQueue<ProgressRecord> Progress => _ui.Progress;

        public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;
        public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;
        public override Guid InstanceId { get; } = Guid.NewGuid();
        public override string Name => "PortalIo.Tests.RecordingHost";
        public override PSHostUserInterface UI => _ui;
        public override Version Version => new(1, 0);
        public override void EnterNestedPrompt() => throw new NotSupportedException();
        public override void ExitNestedPrompt() => throw new NotSupportedException();
        public override void NotifyBeginApplication() { }
        public override void NotifyEndApplication() { }
        public override void SetShouldExit(int exitCode) { }

        private sealed class RecordingUserInterface : PSHostUserInterface
        {
            public ConcurrentQueue<ProgressRecord> Progress { get; } = new();

            public override PSHostRawUserInterface? RawUI => null;

            public override void WriteProgress(long sourceId, ProgressRecord record) =>
                Progress.Enqueue(new ProgressRecord(record.ActivityId, record.Activity, record.StatusDescription)
                {
                    PercentComplete = record.PercentComplete,
                    RecordType = record.RecordType,
                });

            public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) => throw new NotSupportedException();
            public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice) => defaultChoice;
            public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) => throw new NotSupportedException();
            public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) => throw new NotSupportedException();
            public override string ReadLine() => throw new NotSupportedException();
            public override SecureString ReadLineAsSecureString() => throw new NotSupportedException();
            public override void Write(string value) { }
            public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) { }
            public override void WriteLine(string value) { }
            public override void WriteErrorLine(string value) { }
            public override void WriteDebugLine(string message) { }
            public override void WriteVerboseLine(string message) { }
            public override void WriteWarningLine(string message) { }
        }
    }
}
