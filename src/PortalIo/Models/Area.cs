using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PortalIo.Models
{
    /// <summary>A room or zone of a proposal. Carries ProposalId so the next cmdlet can bind it.</summary>
    public sealed class Area : PortalObject
    {
        public int Id { get; set; }
        public string? Name { get; set; }
        public List<AreaOption>? Options { get; set; }

        [JsonIgnore] public int ProposalId { get; set; }
        [JsonIgnore] public int AreaId => Id;
        [JsonIgnore] public int OptionCount => Options?.Count ?? 0;

        public override string ToString() => Name ?? ("Area " + Id);
    }
}
