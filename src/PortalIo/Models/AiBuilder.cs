using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PortalIo.Models
{
    /// <summary>
    /// One uploaded AI Builder source of a proposal (text, audio or video). Carries ProposalId and
    /// ContentId so Remove-PortalAiContent binds it from the pipeline.
    /// </summary>
    public sealed class AiContent : PortalObject
    {
        public int Id { get; set; }
        public string? Name { get; set; }
        public string? Summary { get; set; }

        /// <summary>Uploaded, Processing, Transcribed or Invalid (examples also show Completed and Transcribing).</summary>
        public string? Status { get; set; }

        /// <summary>Text, Audio or Video.</summary>
        public string? SourceType { get; set; }

        public DateTimeOffset? CreatedDate { get; set; }
        public AiContentUser? UserCreated { get; set; }


        [JsonIgnore] public int ProposalId { get; set; }
        [JsonIgnore] public int ContentId => Id;

        /// <summary>True once the source can feed an outline (Transcribed, or Completed in some API versions).</summary>
        [JsonIgnore] public bool IsTranscribed =>
            string.Equals(Status, "Transcribed", StringComparison.OrdinalIgnoreCase) || string.Equals(Status, "Completed", StringComparison.OrdinalIgnoreCase);

        public override string ToString() => Name ?? ("Content " + Id);
    }

    /// <summary>SimpleUserModel: who uploaded a source.</summary>
    public sealed class AiContentUser : PortalObject
    {
        public int Id { get; set; }
        public string? FirstName { get; set; }
        public string? LastName { get; set; }
        public string? Email { get; set; }
        public override string ToString() => ((FirstName ?? string.Empty) + " " + (LastName ?? string.Empty)).Trim();
    }

    /// <summary>
    /// The AI outline of a proposal: Generating (Outline null), Completed (Outline present) or Failed.
    /// Also what Start-PortalAiOutline returns when it does not wait.
    /// </summary>
    public sealed class AiOutline : PortalObject
    {
        public int ProposalId { get; set; }
        public string? Status { get; set; }
        public string? Outline { get; set; }

        [JsonIgnore] public bool IsCompleted => string.Equals(Status, "Completed", StringComparison.OrdinalIgnoreCase);
        [JsonIgnore] public bool IsFailed => string.Equals(Status, "Failed", StringComparison.OrdinalIgnoreCase);

        public override string ToString() => "Outline of proposal " + ProposalId + ": " + Status;
    }

    /// <summary>What POST …/ai/build answers: the build was queued (status e.g. Building).</summary>
    public sealed class AiBuild : PortalObject
    {
        public int ProposalId { get; set; }
        public string? Status { get; set; }

        public override string ToString() => "Build of proposal " + ProposalId + ": " + Status;
    }

    internal sealed class AiContentList
    {
        public List<AiContent>? Items { get; set; }
        [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
    }

    internal sealed class AiContentDeleteResult
    {
        public int Id { get; set; }
        public bool Deleted { get; set; }
        [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
    }
}
