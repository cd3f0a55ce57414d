using System;
using System.Collections.Generic;

namespace PortalIo.Sandbox.Model
{
    /// <summary>One alternative configuration of an area.</summary>
    internal sealed class AreaOption
    {
        public int Id { get; set; }
        public string Status { get; set; } = "Draft";
        public DateTime LastModifiedDate { get; set; }
        public string? ClientDescription { get; set; }
        /// <summary>Set through InternalNotes (create) or InstallerNotes (update); returned as installerDescription.</summary>
        public string? InstallerDescription { get; set; }
        public List<LineItem> Items { get; } = new List<LineItem>();
    }
}
