using System.Collections.Generic;

namespace PortalIo.Models
{
    /// <summary>
    /// The lists of the models (areas, options, items, events, categories...): an ordinary List
    /// whose text is its items' text joined with ", " (e.g. "Living Room, Home Theater"), so a CSV
    /// cell or "$value" shows the items, not the list's type name.
    /// </summary>
    internal sealed class TextList<T> : List<T>
    {
        public TextList()
        {
        }

        public TextList(IEnumerable<T> items)
            : base(items)
        {
        }

        public override string ToString() => string.Join(", ", this);
    }
}
