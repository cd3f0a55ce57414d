using System.Management.Automation;
using PortalIo.Api;
using PortalIo.Models;
using PortalIo.PowerShell;

namespace PortalIo.Commands.Users
{
    /// <summary>Lists the active users of the account (their Id is the SalesPersonId of proposals).</summary>
    [Cmdlet(VerbsCommon.Get, "PortalUser")]
    [OutputType(typeof(User))]
    public sealed class GetPortalUserCommand : PortalApiCmdlet
    {
        /// <summary>Filters by name or e-mail, with wildcards.</summary>
        [Parameter(Position = 0)]
        [SupportsWildcards]
        public string? Name { get; set; }

        protected override void ProcessRecord()
        {
            ForInput(null, () =>
            {
                var pattern = string.IsNullOrEmpty(Name) ? null : new WildcardPattern(Name, WildcardOptions.IgnoreCase);
                foreach (var user in Await(UsersApi.ListAsync(Call)))
                {
                    if (pattern is null || pattern.IsMatch(user.Name) || (user.Email != null && pattern.IsMatch(user.Email)))
                        Emit(user);
                }
            });
        }
    }
}
