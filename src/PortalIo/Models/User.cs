using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PortalIo.Models
{
    /// <summary>An active user of the dealer account; its Id is the SalesPersonId of proposals.</summary>
    public sealed class User : PortalObject
    {
        public int Id { get; set; }
        public string? FirstName { get; set; }
        public string? LastName { get; set; }
        public string? Email { get; set; }
        public string? PermissionGroup { get; set; }

        /// <summary>For binding: New-PortalProposal -SalesPersonId takes a user from the pipeline.</summary>
        [JsonIgnore] public int SalesPersonId => Id;

        [JsonIgnore] public string Name => ((FirstName ?? string.Empty) + " " + (LastName ?? string.Empty)).Trim();


        public override string ToString() => Name.Length > 0 ? Name : "User " + Id;
    }

    internal sealed class UserList
    {
        public List<User>? Users { get; set; }
    }
}
