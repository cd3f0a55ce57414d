using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using PortalIo.Sandbox;
using PortalIo.Signing;

namespace PortalIo.Tests.Sandbox
{
    /// <summary>
    /// A signed HTTP client for the emulator's test-double features: requests signed with the
    /// module's signer (so the emulator checks them as it checks the module's), sent through a plain
    /// HttpClient so that a test sees exactly what came back — a status and its headers, a body that
    /// does not parse, or a connection that failed — without any retry or interpretation in between.
    /// The user key comes from the credential exchange, as a script gets it.
    /// </summary>
    internal sealed class SignedEmulatorClient : IDisposable
    {
        public const string Form = "application/x-www-form-urlencoded";

        private readonly SandboxServer _emulator;
        private readonly HttpClient _http;
        private readonly string _applicationKey;
        private string? _userKey;

        public SignedEmulatorClient(SandboxServer emulator, string? applicationKey = null)
        {
            _emulator = emulator;
            _applicationKey = applicationKey ?? emulator.ApplicationKey;
            _http = new HttpClient(new HttpClientHandler { UseProxy = false, AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };
        }

        /// <summary>The demo login's user key, from the exchange (made on first use).</summary>
        public string UserKey => _userKey ??= ExchangeAsync().GetAwaiter().GetResult();

        public async Task<string> ExchangeAsync(string? userName = null, string? password = null)
        {
            var query = "UserName=" + Uri.EscapeDataString(userName ?? _emulator.UserName) + "&Password=" + Uri.EscapeDataString(password ?? _emulator.Password);
            using var response = await SendAsync("GET", "authenticate/apikeyexchange?" + query, userKey: "");
            var text = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException("The exchange answered " + (int)response.StatusCode + ": " + text);
            using var document = JsonDocument.Parse(text);
            return document.RootElement.GetProperty("meta").GetProperty("apiKey").GetString()!;
        }

        public Task<HttpResponseMessage> GetAsync(string pathAndQuery) => SendAsync("GET", pathAndQuery);

        public Task<HttpResponseMessage> PostFormAsync(string path, params (string Key, string Value)[] fields) =>
            SendAsync("POST", path, Form, Encoding.UTF8.GetBytes(string.Join("&", fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)))));

        public Task<HttpResponseMessage> PostJsonAsync(string path, string json) =>
            SendAsync("POST", path, "application/json", Encoding.UTF8.GetBytes(json));

        /// <param name="userKey">Null: the demo login's key; empty: none (the exchange).</param>
        public async Task<HttpResponseMessage> SendAsync(string method, string pathAndQuery, string? contentType = null, byte[]? body = null,
            string? userKey = null, HttpContent? content = null)
        {
            var uri = new Uri(_emulator.BaseUri, pathAndQuery);
            var key = userKey ?? UserKey;
            var date = PortalDate.Now();
            var message = new HttpRequestMessage(new HttpMethod(method), uri);
            if (content != null)
            {
                message.Content = content;
                contentType = content.Headers.ContentType!.ToString();
            }
            else if (body != null)
            {
                message.Content = new ByteArrayContent(body);
                message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType!);
            }
            message.Headers.TryAddWithoutValidation("X-MSS-API-APPID", _applicationKey);
            message.Headers.TryAddWithoutValidation("X-MSS-API-USERKEY", key);
            message.Headers.TryAddWithoutValidation("X-MSS-CUSTOM-DATE", date);
            message.Headers.TryAddWithoutValidation("X-MSS-SIGNATURE",
                RequestSigner.Sign(_emulator.SecretKey, CanonicalMessage.Build(method, uri, method == "GET" ? null : contentType, date, key)));
            return await _http.SendAsync(message);
        }

        /// <summary>The body of a 2xx answer as JSON (the test fails with the status and text otherwise).</summary>
        public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
        {
            var text = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException("Expected success, got " + (int)response.StatusCode + ": " + text);
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }

        /// <summary>The names of a proposal's areas, read back through the API.</summary>
        public async Task<List<string>> AreaNamesAsync(int proposalId)
        {
            using var response = await GetAsync("public/proposals/" + proposalId);
            var proposal = await JsonAsync(response);
            return proposal.GetProperty("areas").EnumerateArray().Select(a => a.GetProperty("name").GetString()!).ToList();
        }

        /// <summary>A new Draft proposal of the demo dealer (salesperson Alex Johnson); its id.</summary>
        public async Task<int> NewProposalAsync(string name)
        {
            using var response = await PostFormAsync("public/proposals", ("Name", name), ("SalesPersonId", SandboxSeed.DemoSalesPersonId.ToString()));
            return (await JsonAsync(response)).GetProperty("id").GetInt32();
        }

        public void Dispose() => _http.Dispose();
    }
}
