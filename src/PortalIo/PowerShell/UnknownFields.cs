using System.Globalization;
using System.Management.Automation;
using PortalIo.Models;

namespace PortalIo.PowerShell
{
    /// <summary>
    /// Shows the fields the module does not know (<see cref="PortalObject.AdditionalProperties"/>)
    /// as properties of the object they came with, at every depth, e.g. $proposal.Profit or
    /// $proposal.FinancialSummary.PartsDiscountTaxable, so Format-List, Export-Csv and
    /// ConvertTo-Json carry them like any other. PowerShell keeps members added to an object's
    /// PSObject with the object itself, so they survive $list[0], Where-Object and friends. A field
    /// whose name the object already has as a property stays in AdditionalProperties only.
    /// </summary>
    internal static class UnknownFields
    {
        public static void Surface(object? output)
        {
            // Most answers hold none: their reader says so, and the walk through the tree is spared.
            if (output is PortalObject whole && whole.NoUnknownFieldsInTree) return;
            foreach (var node in PortalObjectTree.Of(output))
            {
                var fields = node.AdditionalProperties;
                if (fields is null || fields.Count == 0) continue;
                var wrapped = PSObject.AsPSObject(node);
                foreach (var field in fields)
                {
                    var name = PropertyName(field.Key);
                    if (name.Length == 0 || wrapped.Properties[name] != null) continue;
                    wrapped.Properties.Add(new PSNoteProperty(name, field.Value));
                }
            }
        }

        /// <summary>The API's camelCase name as PowerShell shows every other property: internalNotes is InternalNotes.</summary>
        private static string PropertyName(string jsonName) =>
            jsonName.Length == 0 ? jsonName : char.ToUpper(jsonName[0], CultureInfo.InvariantCulture) + jsonName.Substring(1);
    }
}
