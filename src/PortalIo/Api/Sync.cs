using System.Threading.Tasks;

namespace PortalIo.Api
{
    internal static class Sync
    {
        /// <summary>
        /// Waits on the caller's thread. PowerShell's pipeline thread has no synchronization
        /// context, so this cannot deadlock, and it keeps streaming listings lazy (a page is only
        /// fetched when the consumer asks for its first item).
        /// </summary>
        public static T Wait<T>(Task<T> task) => task.ConfigureAwait(false).GetAwaiter().GetResult();
    }
}
