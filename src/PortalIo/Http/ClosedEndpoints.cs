using System;
using System.Collections.Concurrent;

namespace PortalIo.Http
{
    /// <summary>
    /// Base addresses that this process closed itself, such as a local sandbox that was stopped. A
    /// call to one that cannot connect fails at once, saying why and what to do, instead of after
    /// every retry with advice about proxies: nothing will listen there again until this process
    /// opens it again. Only a refused connection is cut short, so a server that listens there once
    /// more (a new sandbox on the same port) is simply used.
    /// </summary>
    internal static class ClosedEndpoints
    {
        private sealed class Closure
        {
            public Closure(string reason, string remedy)
            {
                Reason = reason;
                Remedy = remedy;
            }

            public string Reason { get; }
            public string Remedy { get; }
        }

        private static readonly ConcurrentDictionary<string, Closure> Closed = new ConcurrentDictionary<string, Closure>(StringComparer.OrdinalIgnoreCase);

        /// <param name="reason">What happened, e.g. "the local sandbox there was stopped".</param>
        /// <param name="remedy">What to do, for the error's recommended action.</param>
        public static void Close(Uri baseUri, string reason, string remedy) => Closed[Key(baseUri)] = new Closure(reason, remedy);

        public static void Reopen(Uri baseUri) => Closed.TryRemove(Key(baseUri), out _);

        public static bool IsClosed(Uri baseUri) => Closed.ContainsKey(Key(baseUri));

        /// <summary>
        /// The failure to report instead of <paramref name="failure"/> when it is a refused
        /// connection to a closed address (no retry can help); null otherwise.
        /// </summary>
        public static PortalApiException? Explain(Uri baseUri, PortalApiException? failure)
        {
            if (failure == null || failure.Kind != PortalErrorKind.Network || failure.MayHaveReachedServer) return null;
            if (!Closed.TryGetValue(Key(baseUri), out var closure)) return null;
            return new PortalApiException(PortalErrorKind.Network, 0, closure.Reason, failure.Method, failure.Url, inner: failure, mayHaveReachedServer: false)
            {
                Remedy = closure.Remedy,
            };
        }

        private static string Key(Uri baseUri) => baseUri.GetLeftPart(UriPartial.Authority);
    }
}
