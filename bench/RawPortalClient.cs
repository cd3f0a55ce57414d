using System;
using System.Globalization;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace PortalIo.Bench
{
    /// <summary>
    /// The hand-rolled alternative every baseline uses: HMAC by hand around a raw HttpClient, as a
    /// competent script author would write it (one HttpClient, HMACSHA256.HashData, System.Text.Json
    /// with web defaults). No retries, no error mapping, no logging: nothing but the call.
    /// </summary>
    public sealed class RawPortalClient : IDisposable
    {
        private static readonly JsonSerializerOptions Json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        private readonly HttpClient _http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        private readonly Uri _baseUri;
        private readonly string _applicationKey;
        private readonly byte[] _secret;

        public RawPortalClient(Uri baseUri, string applicationKey, string secretKey, string userKey = "")
        {
            _baseUri = baseUri;
            _applicationKey = applicationKey;
            _secret = Encoding.ASCII.GetBytes(secretKey);
            UserKey = userKey;
        }

        public string UserKey { get; private set; }

        /// <summary>The credential exchange: signed with an empty user key; the password goes in the query only.</summary>
        public async Task<string> ExchangeAsync(string userName, string password)
        {
            var path = "authenticate/apikeyexchange?UserName=" + Uri.EscapeDataString(userName) + "&Password=" + Uri.EscapeDataString(password);
            var saved = UserKey;
            UserKey = "";
            try
            {
                using var doc = JsonDocument.Parse(await GetBytesAsync(path, CancellationToken.None).ConfigureAwait(false));
                return UserKey = doc.RootElement.GetProperty("meta").GetProperty("apiKey").GetString()!;
            }
            catch
            {
                UserKey = saved;
                throw;
            }
        }

        public async Task<T> GetAsync<T>(string pathAndQuery, CancellationToken cancellationToken = default)
        {
            var bytes = await GetBytesAsync(pathAndQuery, cancellationToken).ConfigureAwait(false);
            return JsonSerializer.Deserialize<T>(bytes, Json)!;
        }

        public async Task<byte[]> GetBytesAsync(string pathAndQuery, CancellationToken cancellationToken = default)
        {
            var uri = new Uri(_baseUri, pathAndQuery);
            var date = DateTime.UtcNow.ToString("r", CultureInfo.InvariantCulture);
            var message = "GET" + uri.GetLeftPart(UriPartial.Path) + date + UserKey;
            var signature = Convert.ToBase64String(HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(message)));
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.TryAddWithoutValidation("Accept", "application/json");
            request.Headers.TryAddWithoutValidation("X-MSS-API-APPID", _applicationKey);
            request.Headers.TryAddWithoutValidation("X-MSS-API-USERKEY", UserKey);
            request.Headers.TryAddWithoutValidation("X-MSS-CUSTOM-DATE", date);
            request.Headers.TryAddWithoutValidation("X-MSS-SIGNATURE", signature);
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
                throw new HttpRequestException("GET " + uri + " answered " + (int)response.StatusCode + ": " + Encoding.UTF8.GetString(body));
            return body;
        }

        /// <summary>
        /// The raw C# loop: each proposal read and waited for in turn, checked to be the one asked
        /// for. One call per batch from pwsh, so that the loop runs in the same process as the other sides.
        /// </summary>
        public void ReadProposals(int[] ids)
        {
            foreach (var id in ids)
            {
                var p = GetAsync<PortalIo.Models.Proposal>("public/proposals/" + id).GetAwaiter().GetResult();
                if (p.Id != id) throw new InvalidOperationException("The raw loop read proposal " + p.Id + " for " + id + ".");
            }
        }

        /// <summary>The hand-rolled signature alone (scenario 5's baseline): date, message, HMAC, Base64.</summary>
        public static string SignGet(byte[] secret, Uri uri, string date, string userKey)
        {
            var message = "GET" + uri.GetLeftPart(UriPartial.Path) + date + userKey;
            return Convert.ToBase64String(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(message)));
        }

        public void Dispose() => _http.Dispose();
    }
}
