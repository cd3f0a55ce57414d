using System.Collections.Generic;
using System.Management.Automation;
using PortalIo.Models;
using PortalIo.PowerShell.Errors;
using PortalIo.PowerShell.LocalSandbox;

namespace PortalIo.Commands.Sandbox
{
    /// <summary>
    /// Changes a contact in a local sandbox as a user of the Portal.io app would, firing one
    /// PersonModification webhook: the source of a contact change, for testing what a receiver does with it.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "PortalSandboxContact", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(void))]
    public sealed class SetPortalSandboxContactCommand : PortalSandboxCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        public int ContactId { get; set; }

        [Parameter] public string? FirstName { get; set; }
        [Parameter] public string? LastName { get; set; }
        [Parameter] public string? CompanyName { get; set; }
        [Parameter] public string? ContactEmail { get; set; }
        [Parameter] public string? ContactEmailCC { get; set; }
        [Parameter] public string? ContactPhone { get; set; }
        [Parameter] public string? Notes { get; set; }
        [Parameter] public ContactType? ContactType { get; set; }

        private static readonly string[] Fields =
            { "FirstName", "LastName", "CompanyName", "ContactEmail", "ContactEmailCC", "ContactPhone", "Notes", "ContactType" };

        protected override void ProcessRecord()
        {
            var changes = new List<KeyValuePair<string, string>>();
            foreach (var field in Fields)
                if (MyInvocation.BoundParameters.TryGetValue(field, out var value))
                    changes.Add(new KeyValuePair<string, string>(field, value?.ToString() ?? ""));
            if (changes.Count == 0)
            {
                ThrowTerminatingError(ErrorRecordFactory.InvalidArgument("FirstName",
                    "Give at least one field to change: -" + string.Join(", -", Fields) + ".", ContactId));
                return;
            }
            var sandbox = RunningSandbox();
            if (sandbox is null) return;
            var names = string.Join(", ", changes.ConvertAll(c => c.Key));
            if (!ShouldProcess("contact " + ContactId + " in the sandbox at " + sandbox.BaseUri, "Change " + names + " as a user of the Portal.io app would")) return;
            if (Refused(() => SandboxBridge.ModifyContact(sandbox.Server, ContactId, changes), ContactId, Capitalized)) return;
            WriteVerbose("Contact " + ContactId + ": changed " + names + ".");
        }
    }
}
