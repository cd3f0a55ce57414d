using System.Management.Automation;
using PortalIo.Api;
using PortalIo.Models;
using PortalIo.PowerShell;
using PortalIo.PowerShell.Completion;
using PortalIo.PowerShell.Errors;

namespace PortalIo.Commands.Contacts
{
    /// <summary>
    /// Adds an address to a contact; -IsPrimary / -IsBilling move those flags to it. The address
    /// fields bind by property name (rows of Import-Csv); the on-site contact fields and the flags
    /// do not, so a contact piped in never lends its own e-mail or phone to the address.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "PortalContactLocation", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Location))]
    public sealed class NewPortalContactLocationCommand : PortalApiCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, int.MaxValue)]
        [ArgumentCompleter(typeof(ContactIdCompleter))]
        public int ContactId { get; set; }

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotWhiteSpace]
        public string Street { get; set; } = string.Empty;

        [Parameter(ValueFromPipelineByPropertyName = true)] public string? Suite { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string? City { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string? PostalCode { get; set; }

        /// <summary>Full name (e.g. Texas); required when -Country is given.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)] public string? State { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)] public string? Country { get; set; }
        [Parameter] public string? ContactFirstName { get; set; }
        [Parameter] public string? ContactLastName { get; set; }
        [Parameter] public string? ContactPhoneNumber { get; set; }
        [Parameter] public string? ContactEmail { get; set; }

        /// <summary>Makes it the contact's primary location (the previous one loses the flag).</summary>
        [Parameter] public SwitchParameter IsPrimary { get; set; }

        /// <summary>Makes it the contact's billing location (the previous one loses the flag).</summary>
        [Parameter] public SwitchParameter IsBilling { get; set; }

        protected override void ProcessRecord()
        {
            var input = new NewLocation
            {
                Street = Street,
                Suite = Suite,
                City = City,
                PostalCode = PostalCode,
                State = State,
                Country = Country,
                ContactFirstName = ContactFirstName,
                ContactLastName = ContactLastName,
                ContactPhoneNumber = ContactPhoneNumber,
                ContactEmail = ContactEmail,
                IsPrimary = IsPrimary,
                IsBilling = IsBilling,
            };
            if (!Passes(FieldRules.Check(input), input)) return;
            if (!ShouldProcess("contact " + ContactId, "Add location '" + Street + "'")) return;
            ForInput(input, () => Emit(Await(LocationsApi.CreateAsync(Call, ContactId, input))),
                new ErrorRecordFactory.Hints
                {
                    ListIds = "Find contacts and their ids with Get-PortalContact -SearchText <name>.",
                    VerifyWrite = "check with Get-PortalContactLocation -ContactId " + ContactId,
                });
        }
    }
}
