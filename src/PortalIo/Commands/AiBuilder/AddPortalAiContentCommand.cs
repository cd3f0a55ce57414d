using System.IO;
using System.Management.Automation;
using PortalIo.Api;
using PortalIo.Models;
using PortalIo.PowerShell.Completion;
using PortalIo.PowerShell;
using PortalIo.PowerShell.Errors;

namespace PortalIo.Commands.AiBuilder
{
    /// <summary>
    /// Uploads a source file (text, document, audio, video) to a Draft proposal's AI Builder
    /// (POST /public/proposals/{id}/ai/content; see docs/api-decisions.md, 'AI Builder uploads').
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "PortalAiContent", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(AiContent))]
    public sealed class AddPortalAiContentCommand : PortalApiCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, int.MaxValue)]
        [ArgumentCompleter(typeof(ProposalIdCompleter))]
        public int ProposalId { get; set; }

        /// <summary>The file to upload (taken literally, no wildcards). Binds FullName from Get-ChildItem.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName", "LiteralPath")]
        [ValidateNotWhiteSpace]
        public string Path { get; set; } = string.Empty;

        /// <summary>Display name of the content (default: the file name).</summary>
        [Parameter(Position = 2)]
        [ValidateNotWhiteSpace]
        public string? Name { get; set; }

        protected override void ProcessRecord()
        {
            var fullPath = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
            if (!File.Exists(fullPath))
            {
                WriteError(new ErrorRecord(new FileNotFoundException("The file '" + fullPath + "' does not exist.", fullPath),
                    ErrorIds.InvalidArgument, ErrorCategory.ObjectNotFound, Path)
                {
                    ErrorDetails = new ErrorDetails("The file '" + fullPath + "' does not exist.") { RecommendedAction = "Correct the value of -Path and run the command again." },
                });
                return;
            }
            var fileName = System.IO.Path.GetFileName(fullPath);
            var name = Name ?? fileName;
            var target = new AiContentInput(ProposalId, fullPath, name);
            if (!ShouldProcess("proposal " + ProposalId, "Upload '" + fullPath + "' as AI content '" + name + "'")) return;
            var content = File.ReadAllBytes(fullPath);
            ForInput(target, () => Emit(Await(AiBuilderApi.UploadAsync(Call, ProposalId, name, fileName, content))), AiHints.Content);
        }
    }

    /// <summary>The input of one Add-PortalAiContent call, as the error record's TargetObject.</summary>
    internal sealed class AiContentInput
    {
        public AiContentInput(int proposalId, string path, string name)
        {
            ProposalId = proposalId;
            Path = path;
            Name = name;
        }

        public int ProposalId { get; }
        public string Path { get; }
        public string Name { get; }
        public override string ToString() => "proposal " + ProposalId + ", " + Path;
    }
}
