using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace PortalIo.Shell
{
    /// <summary>
    /// Shims for a few commands of Microsoft.PowerShell.Utility, which the engine from NuGet
    /// (System.Management.Automation) does not include: Write-Host, Write-Output, Write-Verbose,
    /// Write-Debug, Write-Warning, Write-Information and Write-Error. They cover what README demo
    /// scripts need, not every parameter of the real cmdlets.
    /// </summary>
    /// <remarks>
    /// They are cmdlets rather than PowerShell functions on purpose: a global function called from
    /// a script module runs in the global session state and so cannot see the module function's
    /// -Verbose / $VerbosePreference, whereas a cmdlet reads the caller's preferences exactly as
    /// the real Write-Verbose does. Each is added only when the session state has no command of
    /// that name, and a module imported later that exports the real cmdlet takes precedence.
    /// </remarks>
    internal static class StandardShims
    {
        private static readonly (string Name, Type Type)[] Shims =
        {
            ("Write-Host", typeof(WriteHostShim)),
            ("Write-Output", typeof(WriteOutputShim)),
            ("Write-Verbose", typeof(WriteVerboseShim)),
            ("Write-Debug", typeof(WriteDebugShim)),
            ("Write-Warning", typeof(WriteWarningShim)),
            ("Write-Information", typeof(WriteInformationShim)),
            ("Write-Error", typeof(WriteErrorShim)),
        };

        public static void AddMissing(InitialSessionState iss)
        {
            foreach (var (name, type) in Shims)
            {
                if (!iss.Commands.Any(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)))
                {
                    iss.Commands.Add(new SessionStateCmdletEntry(name, type, helpFileName: null));
                }
            }
        }
    }

    /// <summary>Writes straight to the host UI; collections are joined with the separator.</summary>
    [Cmdlet(VerbsCommunications.Write, "Host")]
    public sealed class WriteHostShim : PSCmdlet
    {
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromRemainingArguments = true)]
        [AllowNull, AllowEmptyCollection, AllowEmptyString]
        public object? Object { get; set; }

        [Parameter] public SwitchParameter NoNewline { get; set; }

        [Parameter] public object Separator { get; set; } = " ";

        [Parameter] public ConsoleColor ForegroundColor { get; set; }

        [Parameter] public ConsoleColor BackgroundColor { get; set; }

        protected override void ProcessRecord()
        {
            var text = Render(Object);
            var fg = MyInvocation.BoundParameters.ContainsKey(nameof(ForegroundColor)) ? ForegroundColor : Host.UI.RawUI.ForegroundColor;
            var bg = MyInvocation.BoundParameters.ContainsKey(nameof(BackgroundColor)) ? BackgroundColor : Host.UI.RawUI.BackgroundColor;
            if (NoNewline)
            {
                Host.UI.Write(fg, bg, text);
            }
            else
            {
                Host.UI.WriteLine(fg, bg, text);
            }
        }

        private string Render(object? value)
        {
            value = value is PSObject pso ? pso.BaseObject : value;
            return value switch
            {
                null => string.Empty,
                string s => s,
                IEnumerable items => string.Join(
                    LanguagePrimitives.ConvertTo<string>(Separator),
                    items.Cast<object?>().Select(Render)),
                _ => LanguagePrimitives.ConvertTo<string>(value),
            };
        }
    }

    /// <summary>Sends its arguments down the pipeline.</summary>
    [Cmdlet(VerbsCommunications.Write, "Output")]
    public sealed class WriteOutputShim : PSCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromRemainingArguments = true)]
        [AllowNull, AllowEmptyCollection]
        public PSObject[]? InputObject { get; set; }

        [Parameter] public SwitchParameter NoEnumerate { get; set; }

        protected override void ProcessRecord()
        {
            if (InputObject is null)
            {
                WriteObject(null);
                return;
            }

            WriteObject(InputObject, enumerateCollection: !NoEnumerate);
        }
    }

    [Cmdlet(VerbsCommunications.Write, "Verbose")]
    public sealed class WriteVerboseShim : PSCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [AllowEmptyString]
        public string Message { get; set; } = string.Empty;

        protected override void ProcessRecord() => WriteVerbose(Message);
    }

    [Cmdlet(VerbsCommunications.Write, "Debug")]
    public sealed class WriteDebugShim : PSCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [AllowEmptyString]
        public string Message { get; set; } = string.Empty;

        protected override void ProcessRecord() => WriteDebug(Message);
    }

    [Cmdlet(VerbsCommunications.Write, "Warning")]
    public sealed class WriteWarningShim : PSCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [AllowEmptyString]
        public string Message { get; set; } = string.Empty;

        protected override void ProcessRecord() => WriteWarning(Message);
    }

    [Cmdlet(VerbsCommunications.Write, "Information")]
    public sealed class WriteInformationShim : PSCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [AllowNull]
        public object? MessageData { get; set; }

        [Parameter(Position = 1)]
        public string[] Tags { get; set; } = Array.Empty<string>();

        protected override void ProcessRecord() => WriteInformation(MessageData, Tags);
    }

    /// <summary>A non-terminating error with the usual category, error id and target.</summary>
    [Cmdlet(VerbsCommunications.Write, "Error")]
    public sealed class WriteErrorShim : PSCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [AllowEmptyString]
        public string Message { get; set; } = string.Empty;

        [Parameter] public ErrorCategory Category { get; set; } = ErrorCategory.NotSpecified;

        [Parameter] public string ErrorId { get; set; } = "Microsoft.PowerShell.Commands.WriteErrorException";

        [Parameter] public object? TargetObject { get; set; }

        protected override void ProcessRecord() =>
            WriteError(new ErrorRecord(new Exception(Message), ErrorId, Category, TargetObject));
    }
}
