using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PortalIo.Models
{
    /// <summary>
    /// One of up to three configurations of an area. Line items have no public write route; they
    /// are read here, from the proposal detail.
    /// </summary>
    public sealed class AreaOption : PortalObject
    {
        public int Id { get; set; }
        public string? Status { get; set; }
        public DateTimeOffset? LastModifiedDate { get; set; }
        public string? ClientDescription { get; set; }
        public string? InstallerDescription { get; set; }
        public List<LineItem>? Items { get; set; }

        [JsonIgnore] public int ProposalId { get; set; }
        [JsonIgnore] public int AreaId { get; set; }
        [JsonIgnore] public string? AreaName { get; set; }
        [JsonIgnore] public int OptionId => Id;
        [JsonIgnore] public int ItemCount => Items?.Count ?? 0;

        public override string ToString() => ClientDescription ?? ("Option " + Id);
    }

    public sealed class LineItem : PortalObject
    {
        public int Id { get; set; }
        public int? ParentId { get; set; }
        public string? ItemType { get; set; }
        public int? ReferencedItemId { get; set; }
        public string? Brand { get; set; }
        public string? Model { get; set; }
        public string? Name { get; set; }
        public string? Description { get; set; }
        public string? ShortDescription { get; set; }
        public decimal Quantity { get; set; }
        public decimal SellPrice { get; set; }
        public decimal Cost { get; set; }

        public override string ToString() => Name ?? Model ?? ("Item " + Id);
    }
}
