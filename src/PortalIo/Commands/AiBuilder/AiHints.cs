using PortalIo.PowerShell.Errors;

namespace PortalIo.Commands.AiBuilder
{
    internal static class AiHints
    {
        public const string DraftOnly = "AI Builder content can be added or removed only while the proposal is Draft: check its Status with Get-PortalProposal -Id <id>; for a sent or terminal proposal, create a new Draft proposal.";

        public static readonly ErrorRecordFactory.Hints Content = new ErrorRecordFactory.Hints
        {
            BadRequest = "Upload rules: -Name must not be empty, the file type must be one Portal.io accepts (text, document, audio or video) and the file must not be too large.",
            Conflict = DraftOnly,
            ListIds = "List proposals with Get-PortalProposal, and a proposal's content with Get-PortalAiContent -ProposalId <id>.",
            VerifyWrite = "list the proposal's content with Get-PortalAiContent",
        };

        public static readonly ErrorRecordFactory.Hints Outline = new ErrorRecordFactory.Hints
        {
            BadRequest = "An outline needs transcribed content: upload it with Add-PortalAiContent and wait until Get-PortalAiContent shows Status Transcribed.",
            ListIds = "List proposals with Get-PortalProposal; Get-PortalAiOutline answers 404 until an outline was started with Start-PortalAiOutline.",
            VerifyWrite = "check with Get-PortalAiOutline",
        };

        public static readonly ErrorRecordFactory.Hints Build = new ErrorRecordFactory.Hints
        {
            BadRequest = "A build needs a Completed outline: run Start-PortalAiOutline -Wait (or wait until Get-PortalAiOutline shows Status Completed) first.",
            Conflict = "The proposal is Accepted, Completed or Declined and can no longer be built into: start from a Draft proposal.",
            ListIds = "List proposals and their ids with Get-PortalProposal.",
            VerifyWrite = "check the proposal with Get-PortalProposal -Id <id>",
        };
    }
}
