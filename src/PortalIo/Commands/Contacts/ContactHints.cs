using PortalIo.PowerShell.Errors;

namespace PortalIo.Commands.Contacts
{
    internal static class ContactHints
    {
        /// <summary>For a contact id that does not exist (or belongs to another account).</summary>
        public static readonly ErrorRecordFactory.Hints ListIds = new ErrorRecordFactory.Hints
        {
            ListIds = "Find contacts and their ids with Get-PortalContact -SearchText <name>.",
        };
    }
}
