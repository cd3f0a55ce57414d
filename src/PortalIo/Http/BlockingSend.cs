using System;
using System.Net.Http;
using System.Reflection;
using System.Threading;

namespace PortalIo.Http
{
    /// <summary>
    /// HttpClient's synchronous Send, where the runtime has it (.NET 5 and later: PowerShell 7; not
    /// .NET Framework: Windows PowerShell 5.1). The module is built for netstandard2.0, which lacks
    /// it, so it is found once by reflection. A caller that would block on the answer anyway (a
    /// cmdlet waiting for its one call) sends on its own thread this way: the answer then wakes the
    /// caller directly instead of a thread-pool thread that then wakes the caller, which is most of
    /// what a one-off command costs over the network round trip (bench, scenario per-call).
    /// </summary>
    internal static class BlockingSend
    {
        private delegate HttpResponseMessage SendMethod(HttpClient client, HttpRequestMessage request, HttpCompletionOption completion, CancellationToken cancellationToken);

        private static readonly SendMethod? s_send = Find();

        /// <summary>True when this runtime's HttpClient can send synchronously.</summary>
        public static bool IsAvailable => s_send != null;

        /// <summary>Sends on the calling thread; only when <see cref="IsAvailable"/>.</summary>
        /// <exception cref="NotSupportedException">The handler has no synchronous Send (a handler of the caller's, or HTTP/2).</exception>
        public static HttpResponseMessage Send(HttpClient client, HttpRequestMessage request, HttpCompletionOption completion, CancellationToken cancellationToken) =>
            (s_send ?? throw new NotSupportedException("This runtime's HttpClient has no synchronous Send."))(client, request, completion, cancellationToken);

        private static SendMethod? Find()
        {
            var method = typeof(HttpClient).GetMethod("Send", BindingFlags.Public | BindingFlags.Instance, null,
                new[] { typeof(HttpRequestMessage), typeof(HttpCompletionOption), typeof(CancellationToken) }, null);
            return method is null || method.ReturnType != typeof(HttpResponseMessage)
                ? null
                : (SendMethod)Delegate.CreateDelegate(typeof(SendMethod), method);
        }
    }
}
