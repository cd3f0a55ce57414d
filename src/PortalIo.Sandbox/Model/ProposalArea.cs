using System.Collections.Generic;

namespace PortalIo.Sandbox.Model
{
    /// <summary>A named room or zone of a proposal.</summary>
    internal sealed class ProposalArea
    {
        public int Id { get; set; }
        public string Name { get; set; } = "";
        public List<AreaOption> Options { get; } = new List<AreaOption>();
    }
}
