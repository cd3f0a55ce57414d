using System;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Text.Json;
using PortalIo.Sandbox.Model;

namespace PortalIo.Sandbox.Http
{
    /// <summary>What a route handler sees of a request: decoded parameters, the body, the authenticated user.</summary>
    internal sealed class EmulatorRequest
    {
        private ParameterBag? _form;
        private bool _formParsed;

        public EmulatorRequest(string method, string path, string rawQuery, string? contentType, string body, DateTime receivedAtUtc)
        {
            Method = method;
            Path = path;
            RawQuery = rawQuery;
            ContentType = contentType;
            Body = body;
            ReceivedAtUtc = receivedAtUtc;
            // Lenient for the query: a stray '%' there never made the real server reject a GET.
            Query = UrlEncoding.Parse(rawQuery, strict: false) ?? ParameterBag.Empty;
        }

        public string Method { get; }
        public string Path { get; }
        public string RawQuery { get; }
        public ParameterBag Query { get; }
        public string? ContentType { get; }
        public string Body { get; }

        /// <summary>The body exactly as received; only multipart uploads need it (files are not UTF-8 text).</summary>
        public byte[] BodyBytes { get; set; } = new byte[0];

        /// <summary>The request headers as received (the signature check reads them).</summary>
        public NameValueCollection Headers { get; set; } = new NameValueCollection();

        /// <summary>scheme://host[:port]/path as the listener saw the request: the URL part the signature covers.</summary>
        public string UrlWithoutQuery { get; set; } = "";

        public string MediaType => (ContentType ?? "").Split(';')[0].Trim();

        public bool IsJson => MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase);
        public DateTime ReceivedAtUtc { get; }

        /// <summary>Set once the signature and user key checks have passed (null for the exchange).</summary>
        public DealerUser? User { get; set; }

        public IReadOnlyDictionary<string, string> RouteValues { get; set; } = new Dictionary<string, string>();

        /// <summary>
        /// The body parameters, or null when the body cannot be bound (answered with the bare
        /// "Bad Request"). Form bodies are the contract; a JSON object body is also accepted because
        /// the real body-binding layer is lenient (see docs/api-decisions.md, 'Request bodies'); any other content type is ignored.
        /// </summary>
        public ParameterBag? Form
        {
            get
            {
                if (!_formParsed)
                {
                    _form = ParseBody();
                    _formParsed = true;
                }
                return _form;
            }
        }

        private ParameterBag? ParseBody()
        {
            var mediaType = (ContentType ?? "").Split(';')[0].Trim();
            if (mediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
                return UrlEncoding.Parse(Body, strict: true);
            if (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
                return ParseJsonObject(Body);
            return ParameterBag.Empty;
        }

        private static ParameterBag? ParseJsonObject(string body)
        {
            if (body.Trim().Length == 0) return ParameterBag.Empty;
            try
            {
                using (var document = JsonDocument.Parse(body))
                {
                    if (document.RootElement.ValueKind != JsonValueKind.Object) return null;
                    var bag = new ParameterBag();
                    foreach (var property in document.RootElement.EnumerateObject())
                    {
                        var value = property.Value;
                        switch (value.ValueKind)
                        {
                            case JsonValueKind.String: bag.Add(property.Name, value.GetString() ?? ""); break;
                            case JsonValueKind.Null: break;
                            default: bag.Add(property.Name, value.GetRawText()); break;
                        }
                    }
                    return bag;
                }
            }
            catch (JsonException)
            {
                return null;
            }
        }

        /// <summary>An integer route value, or null when the segment is not one (bare "Bad Request").</summary>
        public int? RouteInt(string name) =>
            RouteValues.TryGetValue(name, out var text) && int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
                ? value : (int?)null;
    }
}
