using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace PortalIo.Models
{
    /// <summary>
    /// What every object read from the API shares: the fields this version of the module does not
    /// know yet (the API grows), kept as plain values: string, long, decimal, bool, null, and for
    /// objects and arrays a dictionary (case-insensitive, in the API's order) and a list, whose text is their compact JSON. PowerShell also shows
    /// each of them as a property of the object (with the first letter capitalized), so that a new
    /// field can be read, exported and converted like any other.
    /// </summary>
    public abstract class PortalObject : IJsonOnDeserialized
    {
        private protected PortalObject()
        {
        }

        /// <summary>Fields the API returned that this version of the module does not know yet; null when there are none.</summary>
        [JsonExtensionData]
        public IDictionary<string, object?>? AdditionalProperties { get; set; }

        [ThreadStatic]
        private static int t_readWithUnknownFields;

        /// <summary>
        /// How many objects with unknown fields this thread has read. Reading one body is synchronous,
        /// so a reader that finds it unchanged after a body knows that no object of it has any.
        /// </summary>
        internal static int ReadWithUnknownFieldsOnThisThread => t_readWithUnknownFields;

        /// <summary>
        /// Known to hold no unknown field, here or in any object below (set by the reader of the body
        /// it came in), so that nothing needs to look for them. False when not known.
        /// </summary>
        internal bool NoUnknownFieldsInTree { get; set; }

        void IJsonOnDeserialized.OnDeserialized()
        {
            AdditionalProperties = JsonFields.From(AdditionalProperties);
            OnDeserialized();
            if (AdditionalProperties != null && AdditionalProperties.Count > 0) t_readWithUnknownFields++;
        }

        /// <summary>Turns the model's own loosely documented members into plain values, as <see cref="AdditionalProperties"/>.</summary>
        private protected virtual void OnDeserialized()
        {
        }
    }
}
