using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using PortalIo.Models;

namespace PortalIo.Http
{
    /// <summary>
    /// A create whose result cannot be told by its fields alone from what was there before (an
    /// area's options, a contact's locations, a proposal's AI content): the ids of the items it
    /// will join are read before the write, and a read-back after a lost answer compares. No new
    /// id: not applied. One new item that is this write's: applied. Anything else (someone else
    /// added one meanwhile): undecided. The read is one small GET; a refused read (4xx) leaves the
    /// write to be refused the same way, in its own words.
    /// </summary>
    internal abstract class SnapshotWrite<T> : SettledWrite<T> where T : class
    {
        private HashSet<long>? _before;

        /// <summary>The items the new one will be among.</summary>
        protected abstract Task<IEnumerable<T>> ReadSiblingsAsync(PortalCall call);

        /// <summary>Whether a new item is this write's (it has the description, street or name sent).</summary>
        protected abstract bool IsThisOne(T item);

        /// <summary>What the items are, for messages: "option", "location", "content item".</summary>
        protected abstract string ItemNoun { get; }

        /// <summary>Where the items are, for messages: "the area", "the contact", "the proposal".</summary>
        protected abstract string Owner { get; }

        protected sealed override async Task PrepareAsync(PortalCall call)
        {
            try
            {
                _before = new HashSet<long>((await ReadSiblingsAsync(call).ConfigureAwait(false)).Select(IdOf));
            }
            catch (PortalApiException ex) when (ex.Kind == PortalErrorKind.HttpStatus && ex.StatusCode < 500)
            {
                _before = null;
            }
        }

        protected sealed override async Task<ReadBack<T>> ReadBackAsync(PortalCall call)
        {
            if (_before is null) return ReadBack<T>.CannotTell(Owner + "'s " + ItemNoun + "s could not be read before the write to compare with");
            var added = (await ReadSiblingsAsync(call).ConfigureAwait(false)).Where(item => !_before.Contains(IdOf(item))).ToList();
            if (added.Count == 0) return ReadBack<T>.NotAppliedYet();
            var mine = added.Where(IsThisOne).ToList();
            return mine.Count == 1
                ? ReadBack<T>.Applied(mine[0])
                : ReadBack<T>.CannotTell(Owner + " has " + added.Count + " " + ItemNoun + "(s) it did not have before (id " +
                    string.Join(", ", added.Select(IdOf)) + "), and " + mine.Count + " of them match this one");
        }

        private static long IdOf(T item) => ResourceIds.IdOf(item) ?? 0;
    }
}
