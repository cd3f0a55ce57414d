using System.Collections.Generic;

namespace PortalIo.Api
{
    /// <summary>
    /// The field rules and length limits of contacts and locations, checked before any request so
    /// the user gets an error naming the parameter, not a 400 (see docs/api-decisions.md, 'First
    /// name required for companies' and 'Location field limits').
    /// </summary>
    internal static class FieldRules
    {
        public static readonly IReadOnlyDictionary<string, int> LocationMaxLengths = new Dictionary<string, int>
        {
            ["Street"] = 255,
            ["Suite"] = 100,
            ["City"] = 50,
            ["PostalCode"] = 20,
            ["State"] = 256,
            ["Country"] = 256,
            ["ContactFirstName"] = 50,
            ["ContactLastName"] = 50,
            ["ContactPhoneNumber"] = 50,
            ["ContactEmail"] = 100,
        };

        /// <summary>The first rule broken, as (parameter, message), or null.</summary>
        public static (string Parameter, string Message)? Check(NewContact contact)
        {
            if (string.IsNullOrWhiteSpace(contact.FirstName))
                return ("FirstName", "-FirstName is required, also for companies.");
            if (contact.PartyType == "Company" && string.IsNullOrWhiteSpace(contact.CompanyName))
                return ("CompanyName", "-CompanyName is required when -PartyType is Company.");
            return null;
        }

        public static (string Parameter, string Message)? Check(NewLocation location)
        {
            if (string.IsNullOrWhiteSpace(location.Street))
                return ("Street", "-Street is required.");
            foreach (var (name, value) in new[]
            {
                ("Street", location.Street), ("Suite", location.Suite), ("City", location.City), ("PostalCode", location.PostalCode),
                ("State", location.State), ("Country", location.Country), ("ContactFirstName", location.ContactFirstName),
                ("ContactLastName", location.ContactLastName), ("ContactPhoneNumber", location.ContactPhoneNumber), ("ContactEmail", location.ContactEmail),
            })
            {
                var max = LocationMaxLengths[name];
                if (value != null && value.Length > max)
                    return (name, "-" + name + " is " + value.Length + " characters long; Portal.io allows at most " + max + ".");
            }
            if (!string.IsNullOrWhiteSpace(location.Country) && string.IsNullOrWhiteSpace(location.State))
                return ("State", "-State is required when -Country is given.");
            return null;
        }
    }
}
