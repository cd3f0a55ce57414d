using System.Collections.Generic;

namespace PortalIo.Sandbox.Model
{
    /// <summary>A user of a dealer account (a possible salesperson); some can log in to the API.</summary>
    internal sealed class DealerUser
    {
        public DealerUser(int id, DealerAccount account, string firstName, string lastName, string email,
            string permissionGroup, IReadOnlyList<string> permissions, string? password, string userKey)
        {
            Id = id;
            Account = account;
            FirstName = firstName;
            LastName = lastName;
            Email = email;
            PermissionGroup = permissionGroup;
            Permissions = permissions;
            Password = password;
            UserKey = userKey;
        }

        public int Id { get; }
        public DealerAccount Account { get; }
        public string FirstName { get; }
        public string LastName { get; }
        public string Email { get; }
        public string PermissionGroup { get; }
        public IReadOnlyList<string> Permissions { get; }

        /// <summary>Null for users that exist only as salespeople and cannot log in.</summary>
        public string? Password { get; }

        /// <summary>The stable User API Key handed out by the credential exchange.</summary>
        public string UserKey { get; }

        /// <summary>Without any permission the emulator refuses every mutating call with 403.</summary>
        public bool CanWrite => Permissions.Count > 0;

        public string DisplayName => FirstName + " " + LastName;
    }
}
