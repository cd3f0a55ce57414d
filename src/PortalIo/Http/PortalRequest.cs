using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;

namespace PortalIo.Http
{
    /// <summary>One API call as the client sends it: method, path under the base URI, query and body.</summary>
    internal sealed class PortalRequest
    {
        public PortalRequest(HttpMethod method, string path)
        {
            Method = method ?? throw new ArgumentNullException(nameof(method));
            Path = (path ?? throw new ArgumentNullException(nameof(path))).TrimStart('/');
        }

        public HttpMethod Method { get; }

        /// <summary>Relative to the session's base URI, e.g. <c>public/proposals/1042/area</c>.</summary>
        public string Path { get; }

        /// <summary>Ordered; a key may repeat (<c>Statuses=Draft&amp;Statuses=Submitted</c>).</summary>
        public List<KeyValuePair<string, string>> Query { get; } = new List<KeyValuePair<string, string>>();

        public RequestBody? Body { get; set; }

        /// <summary>The credential exchange: signed and sent with an empty user key.</summary>
        public bool IsCredentialExchange { get; set; }

        /// <summary>
        /// Query keys whose values never appear in logs or errors: the exchange password, whichever
        /// cmdlet builds the request (Invoke-PortalRequest can call the exchange route too).
        /// </summary>
        public ISet<string> RedactedQueryKeys { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { PasswordField };

        /// <summary>The name of the exchange's password field, wherever it is sent.</summary>
        public const string PasswordField = "Password";

        private List<string>? _secrets;

        /// <summary>Marks a value sent in the body as a secret: it is scrubbed from whatever the server echoes.</summary>
        public void AddSecret(string? value)
        {
            if (string.IsNullOrEmpty(value)) return;
            (_secrets ??= new List<string>()).Add(value!);
        }

        /// <summary>Whether the request carries secrets of its own (checked without allocating, on every call).</summary>
        public bool HasSecrets
        {
            get
            {
                if (_secrets != null) return true;
                foreach (var pair in Query)
                    if (RedactedQueryKeys.Contains(pair.Key) && !string.IsNullOrEmpty(pair.Value)) return true;
                return false;
            }
        }

        /// <summary>The secrets this request carries beyond the client's keys: redacted query values and marked body values.</summary>
        public IEnumerable<string> SecretValues()
        {
            foreach (var pair in Query)
                if (RedactedQueryKeys.Contains(pair.Key) && !string.IsNullOrEmpty(pair.Value)) yield return pair.Value;
            if (_secrets != null)
                foreach (var secret in _secrets) yield return secret;
        }

        /// <summary>
        /// Whether sending it twice has the effect of sending it once: GET and HEAD, and the writes
        /// a route declares idempotent (every Set-* route). The client retries these on any
        /// transient failure, an unreadable success answer included.
        /// </summary>
        public bool IsIdempotent
        {
            get => _idempotent ?? (Method == HttpMethod.Get || Method == HttpMethod.Head);
            set => _idempotent = value;
        }

        private bool? _idempotent;

        public static PortalRequest Get(string path) => new PortalRequest(HttpMethod.Get, path);

        public static PortalRequest PostForm(string path, IEnumerable<KeyValuePair<string, string>> fields) =>
            new PortalRequest(HttpMethod.Post, path) { Body = RequestBody.Form(fields) };

        public PortalRequest AddQuery(string key, string? value)
        {
            if (value != null) Query.Add(new KeyValuePair<string, string>(key, value));
            return this;
        }

        /// <summary>This list request for one page: the same path and filters, plus PageNumber and PageSize.</summary>
        public PortalRequest ForPage(int pageNumber, int pageSize)
        {
            var page = new PortalRequest(Method, Path) { Body = Body, _idempotent = _idempotent };
            page.Query.AddRange(Query);
            return page.AddQuery("PageNumber", pageNumber.ToString(CultureInfo.InvariantCulture))
                .AddQuery("PageSize", pageSize.ToString(CultureInfo.InvariantCulture));
        }

        public Uri BuildUri(Uri baseUri) => BuildUri(baseUri, redact: false);

        /// <summary>The URI with redacted query values replaced by ***, for -Verbose and error messages.</summary>
        public string DescribeUri(Uri baseUri) => BuildUri(baseUri, redact: true).ToString();

        private Uri BuildUri(Uri baseUri, bool redact)
        {
            var root = baseUri.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? baseUri.AbsoluteUri : baseUri.AbsoluteUri + "/";
            var text = root + Path;
            if (Query.Count > 0)
            {
                var pairs = Query;
                if (redact && RedactedQueryKeys.Count > 0)
                {
                    pairs = new List<KeyValuePair<string, string>>(Query.Count);
                    foreach (var pair in Query)
                        pairs.Add(RedactedQueryKeys.Contains(pair.Key) ? new KeyValuePair<string, string>(pair.Key, "***") : pair);
                }
                text += "?" + UrlEncoding.Join(pairs, spaceAsPlus: false).Replace("%2A%2A%2A", "***");
            }
            return new Uri(text, UriKind.Absolute);
        }

        public override string ToString() => Method + " /" + Path;
    }
}
