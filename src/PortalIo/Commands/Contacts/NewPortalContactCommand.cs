using System;
using System.Management.Automation;
using PortalIo.Api;
using PortalIo.Models;
using PortalIo.PowerShell;
using PortalIo.PowerShell.Errors;

namespace PortalIo.Commands.Contacts
{
    /// <summary>Creates a contact (a person or a company). Add its addresses with New-PortalContactLocation.</summary>
    [Cmdlet(VerbsCommon.New, "PortalContact", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Contact))]
    public sealed class NewPortalContactCommand : PortalApiCmdlet
    {
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public PartyType PartyType { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public ContactType ContactType { get; set; }

        /// <summary>Always required by the API, also for companies.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotWhiteSpace]
        public string FirstName { get; set; } = string.Empty;

        /// <summary>A blank value (an empty cell of an Import-Csv row) counts as not given.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string? LastName { get; set; }

        /// <summary>Required when -PartyType is Company; a blank value counts as not given.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string? CompanyName { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Email")]
        public string? ContactEmail { get; set; }

        /// <summary>Copied when a proposal is sent to the contact.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? ContactEmailCC { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Phone")]
        public string? ContactPhone { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Notes { get; set; }

        protected override void ProcessRecord()
        {
            var input = new NewContact
            {
                PartyType = PartyType.ToString(),
                ContactType = ContactType.ToString(),
                FirstName = FirstName,
                LastName = string.IsNullOrWhiteSpace(LastName) ? null : LastName,
                CompanyName = string.IsNullOrWhiteSpace(CompanyName) ? null : CompanyName,
                ContactEmail = ContactEmail,
                ContactEmailCC = ContactEmailCC,
                ContactPhone = ContactPhone,
                Notes = Notes,
            };
            if (!Passes(FieldRules.Check(input), input)) return;
            var name = PartyType == PartyType.Company ? input.CompanyName : (FirstName + " " + input.LastName).Trim();
            if (!ShouldProcess(PartyType + " '" + name + "'", "Create contact")) return;
            ForInput(input, () => Emit(Await(ContactsApi.CreateAsync(Call, input))),
                new ErrorRecordFactory.Hints { VerifyWrite = "look for it with Get-PortalContact -SearchText '" + name + "'" });
        }
    }
}
