using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using PortalIo.Sandbox.AiBuilder;
using PortalIo.Sandbox.Data;
using PortalIo.Sandbox.Diagnostics;
using PortalIo.Sandbox.Faults;
using PortalIo.Sandbox.Http;
using PortalIo.Sandbox.Model;
using PortalIo.Sandbox.Routes;
using PortalIo.Sandbox.Routing;
using PortalIo.Sandbox.Security;
using PortalIo.Sandbox.Webhooks;

namespace PortalIo.Sandbox
{
    /// <summary>
    /// A local Portal.io: the same routes, signature check, business rules and error shapes, on
    /// an HttpListener bound to loopback only. Start one per test (or per console session).
    /// </summary>
    public sealed class SandboxServer : IDisposable
    {
        private const int MaxLoggedBodyChars = 64 * 1024;
        private const int MaxBindAttempts = 10;

        private readonly HttpListener _listener;
        private readonly SandboxStore _store = new SandboxStore();
        private readonly Router _router = new Router();
        private readonly RequestAuthenticator _authenticator;
        private readonly FaultInjector _faults;
        private readonly RequestLog _log = new RequestLog();
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private readonly WebhookDispatcher _webhooks;
        private readonly AiBuilderEngine _ai;
        private long _requestCount;
        private long _signatureFailures;
        private long _faultsInjected;
        private long _latencyTicks;
        private double _faultRate;
        private int _running;
        private long _stallTicks;
        private readonly long _maxRequestBodyBytes;
        private readonly Action<SandboxObservedRequest>? _observer;

        /// <summary>Fixed so that scripts and docs can hard-code them; this is a local emulator, not a secret store.</summary>
        private readonly SandboxCatalog _catalog;

        public const string DefaultApplicationKey = "5B2A9C1E-7D34-4F6A-9E21-3C8B0D47A915";
        public const string DefaultSecretKey = "c2FuZGJveC1zZWNyZXQta2V5LWZvci1wb3J0YWxpbzE=";

        private SandboxServer(SandboxOptions options)
        {
            Latency = options.Latency;
            ClockOffset = options.ClockOffset;
            FaultRate = options.FaultRate;
            _faults = new FaultInjector(options.RandomSeed, options.FaultKinds);
            StallDuration = options.StallDuration;
            _maxRequestBodyBytes = options.MaxRequestBodyBytes > 0 ? options.MaxRequestBodyBytes : long.MaxValue;
            _observer = options.RequestObserver;
            SeedData.Populate(_store, Math.Max(0, options.ExtraProposalCount));
            var catalog = _catalog = new SandboxCatalog(_store.FindUserByKey(SeedData.UserKeyFor(SeedData.PrimaryUserName))!.Account);
            _webhooks = new WebhookDispatcher(_store, options.WebhookRetryDelays ?? new List<TimeSpan>(), options.WebhookTimeout, _stopping.Token);
            _ai = new AiBuilderEngine(_store, _webhooks, options.AiStepDuration, _stopping.Token);
            _authenticator = new RequestAuthenticator(ApplicationKey, SecretKey, _store);

            _listener = Bind(options.Host, options.Port, out var port);
            BaseUri = new Uri("http://" + options.Host + ":" + port.ToString(CultureInfo.InvariantCulture) + "/");

            new AuthRoutes(_store, BaseUri).Register(_router);
            new UsersRoutes(_store).Register(_router);
            new ProposalRoutes(_store).Register(_router);
            new ProposalAssignmentRoutes(_store).Register(_router);
            new ChangeOrderRoutes(_store).Register(_router);
            new PeopleRoutes(_store, _webhooks).Register(_router);
            new LocationRoutes(_store).Register(_router);
            new CatalogRoutes(catalog).Register(_router);
            new WebhookRoutes(_store).Register(_router);
            new AiBuilderRoutes(_store, _ai).Register(_router);
        }

        public static SandboxServer Start(SandboxOptions? options = null)
        {
            var server = new SandboxServer(options ?? new SandboxOptions());
            server._running = 1;
            _ = Task.Run(server.AcceptLoopAsync);
            return server;
        }

        public Uri BaseUri { get; }
        public string ApplicationKey => DefaultApplicationKey;
        public string SecretKey => DefaultSecretKey;
        public string UserName => SeedData.PrimaryUserName;
        public string Password => SeedData.PrimaryPassword;
        public IReadOnlyList<SandboxDemoUser> DemoUsers => SeedData.DemoUsers;

        public TimeSpan Latency
        {
            get => TimeSpan.FromTicks(Interlocked.Read(ref _latencyTicks));
            set => Interlocked.Exchange(ref _latencyTicks, Math.Max(0, value.Ticks));
        }

        public double FaultRate
        {
            get => Volatile.Read(ref _faultRate);
            set
            {
                if (double.IsNaN(value) || value < 0 || value > 1) throw new ArgumentOutOfRangeException(nameof(value), "FaultRate must be between 0 and 1.");
                Volatile.Write(ref _faultRate, value);
            }
        }

        /// <summary>
        /// How far the server's clock is from this machine's: its Date header and its check of
        /// X-MSS-CUSTOM-DATE use it, to test what clients do about clock skew.
        /// </summary>
        public TimeSpan ClockOffset { get; set; }

        /// <summary>The fault kinds a faulted request draws from (see <see cref="SandboxOptions.FaultKinds"/>).</summary>
        public IReadOnlyList<FaultKind> FaultKinds
        {
            get => _faults.Kinds;
            set => _faults.Kinds = value;
        }

        /// <summary>How long a Stall fault holds the connection before dropping it.</summary>
        public TimeSpan StallDuration
        {
            get => TimeSpan.FromTicks(Interlocked.Read(ref _stallTicks));
            set => Interlocked.Exchange(ref _stallTicks, Math.Max(0, value.Ticks));
        }

        /// <summary>Faults injected so far, per kind.</summary>
        public IReadOnlyDictionary<FaultKind, long> FaultsInjectedByKind => _faults.Counts;

        public IReadOnlyList<SandboxRequestRecord> RequestLog => _log.Snapshot();
        public void ClearRequestLog() => _log.Clear();
        public long RequestCount => Interlocked.Read(ref _requestCount);
        public long SignatureFailures => Interlocked.Read(ref _signatureFailures);
        public long FaultsInjected => Interlocked.Read(ref _faultsInjected);
        public bool IsRunning => Volatile.Read(ref _running) == 1;

        /// <summary>
        /// Drives state the public API cannot reach, e.g. a client accepting a proposal. A real change
        /// of status fires proposal.status_changed (data: the full proposal) to matching subscriptions.
        /// </summary>
        /// <exception cref="ArgumentException">Unknown proposal id or status name.</exception>
        public void SetProposalStatus(int proposalId, string status)
        {
            if (status == null || !Enum.GetNames(typeof(ProposalStatus)).Any(n => n.Equals(status, StringComparison.OrdinalIgnoreCase)))
                throw new ArgumentException("Unknown proposal status '" + status + "'. Valid: " + string.Join(", ", Enum.GetNames(typeof(ProposalStatus))) + ".", nameof(status));
            var parsed = (ProposalStatus)Enum.Parse(typeof(ProposalStatus), status, ignoreCase: true);
            lock (_store.SyncRoot)
            {
                var proposal = _store.FindProposal(proposalId)
                               ?? throw new ArgumentException("Unknown proposal id " + proposalId + ".", nameof(proposalId));
                var changed = proposal.Status != parsed;
                var now = ProposalRoutes.Now();
                ProposalLifecycle.ApplyStatus(proposal, parsed, now);
                // A status change by the client is a system modification, not a user one.
                proposal.LastModifiedDate = now;
                if (changed)
                    _webhooks.Publish(proposal.Account, WebhookEventNames.ProposalStatusChanged, w => ProposalJson.WriteDetail(w, proposal));
            }
        }

        /// <summary>
        /// Changes one field of a contact, as a user of the Portal.io app would, and fires
        /// PersonModification. Fields: FirstName, LastName, CompanyName, ContactEmail, ContactEmailCC,
        /// ContactPhone, Notes, ContactType (Client|Employee|Contractor|Other).
        /// </summary>
        /// <exception cref="ArgumentException">Unknown contact id, field, or contact type.</exception>
        public void ModifyContact(int contactId, string field, string value)
        {
            if (value == null) throw new ArgumentNullException(nameof(value));
            lock (_store.SyncRoot)
            {
                var contact = _store.Contacts.FirstOrDefault(c => c.Id == contactId)
                              ?? throw new ArgumentException("Unknown contact id " + contactId + ".", nameof(contactId));
                switch ((field ?? "").ToLowerInvariant())
                {
                    case "firstname": contact.FirstName = value; break;
                    case "lastname": contact.LastName = value; break;
                    case "companyname": contact.CompanyName = value; break;
                    case "contactemail": contact.ContactEmail = value; break;
                    case "contactemailcc": contact.ContactEmailCC = value; break;
                    case "contactphone": contact.ContactPhone = value; break;
                    case "notes": contact.Notes = value; break;
                    case "contacttype":
                        var type = PeopleRoutes.ContactTypes.FirstOrDefault(t => t.Equals(value, StringComparison.OrdinalIgnoreCase))
                                   ?? throw new ArgumentException("Unknown contact type '" + value + "'.", nameof(value));
                        contact.ContactType = type;
                        break;
                    default:
                        throw new ArgumentException("Unknown contact field '" + field + "'. Valid: FirstName, LastName, CompanyName, ContactEmail, ContactEmailCC, ContactPhone, Notes, ContactType.", nameof(field));
                }
                contact.LastModifiedDate = ProposalRoutes.Now();
                _webhooks.Publish(contact.Account, WebhookEventNames.PersonModification, w => ContactJson.Write(w, contact, null));
            }
        }

        /// <summary>
        /// Adds a catalog item to an option, as a user of the Portal.io app would: the public API has
        /// no route for line items (GAPS G10), yet totals and tax depend on them.
        /// </summary>
        /// <exception cref="ArgumentException">Unknown proposal, option (in that proposal) or catalog item, or a quantity below 1.</exception>
        public void AddLineItem(int proposalId, int optionId, int catalogItemId, decimal quantity = 1)
        {
            if (quantity <= 0) throw new ArgumentException("The quantity must be positive.", nameof(quantity));
            lock (_store.SyncRoot)
            {
                var proposal = _store.FindProposal(proposalId)
                               ?? throw new ArgumentException("Unknown proposal id " + proposalId + ".", nameof(proposalId));
                var option = proposal.Areas.SelectMany(a => a.Options).FirstOrDefault(o => o.Id == optionId)
                             ?? throw new ArgumentException("Option " + optionId + " is not in proposal " + proposalId + ".", nameof(optionId));
                var item = new[] { "Part", "Labor", "CustomItem" }.Select(t => _catalog.FindItem(catalogItemId, t, proposal.Account)).FirstOrDefault(i => i != null)
                           ?? throw new ArgumentException("Unknown catalog item " + catalogItemId + ".", nameof(catalogItemId));
                option.Items.Add(new LineItem
                {
                    Id = _store.NextLineItemId(),
                    ItemType = item.ItemType,
                    ReferencedItemId = item.Id,
                    Brand = item.Brand,
                    Model = item.Model,
                    Description = item.Description.Length > 0 ? item.Description : item.ShortDescription,
                    Name = (item.Brand + " " + item.Model).Trim(),
                    ShortDescription = item.ShortDescription,
                    Quantity = quantity,
                    SellPrice = item.Msrp,
                    Cost = item.DefaultCost?.Cost ?? 0m,
                });
                proposal.LastModifiedDate = ProposalRoutes.Now();
            }
        }

        /// <summary>Every webhook delivery attempt so far, oldest first (a snapshot).</summary>
        public IReadOnlyList<SandboxWebhookDelivery> WebhookDeliveries => _webhooks.Deliveries;

        public void ClearWebhookDeliveries() => _webhooks.ClearDeliveries();

        /// <summary>Deliveries under way: being sent or waiting for a retry.</summary>
        public int PendingWebhookDeliveries => _webhooks.Pending;

        /// <summary>
        /// Like a DNS override or a tunnel: subscriptions are still validated by the public rules
        /// (https, publicly routable host), but deliveries to a URL whose host equals
        /// <paramref name="publicHost"/> (case-insensitive) are POSTed to <paramref name="localTarget"/>
        /// instead, plain http on loopback allowed. The target supplies scheme, host and port; if its
        /// path is "/" the subscription URL's path and query are kept, otherwise the target's path and
        /// query replace them. Example: RouteWebhookHost("hooks.example.com", new Uri("http://127.0.0.1:5123/"))
        /// sends https://hooks.example.com/portal to http://127.0.0.1:5123/portal.
        /// </summary>
        public void RouteWebhookHost(string publicHost, Uri localTarget)
        {
            if (string.IsNullOrWhiteSpace(publicHost)) throw new ArgumentException("A host name is required.", nameof(publicHost));
            if (localTarget == null) throw new ArgumentNullException(nameof(localTarget));
            if (!localTarget.IsAbsoluteUri || (localTarget.Scheme != Uri.UriSchemeHttp && localTarget.Scheme != Uri.UriSchemeHttps))
                throw new ArgumentException("The target must be an absolute http or https URI.", nameof(localTarget));
            _webhooks.Route(publicHost, localTarget);
        }

        /// <summary>Removes a route set by <see cref="RouteWebhookHost"/>; true when there was one.</summary>
        public bool UnrouteWebhookHost(string publicHost) => _webhooks.Unroute(publicHost ?? "");

        public void Stop()
        {
            if (Interlocked.Exchange(ref _running, 0) == 0) return;
            _stopping.Cancel();
            // Closing can fail on a connection that is being torn down at that moment; the
            // listener is stopped either way and the port is released.
            try { _listener.Stop(); } catch (Exception ex) when (ex is ObjectDisposedException || ex is HttpListenerException) { }
            try { _listener.Close(); } catch (Exception ex) when (ex is ObjectDisposedException || ex is HttpListenerException) { }
            _webhooks.Dispose();
        }

        public void Dispose() => Stop();

        /// <summary>
        /// HttpListener cannot bind port 0, so a free port is found with a TcpListener first; another
        /// process may take it in between, hence the retries.
        /// </summary>
        private static HttpListener Bind(string host, int requestedPort, out int port)
        {
            HttpListenerException? last = null;
            for (int attempt = 0; attempt < (requestedPort == 0 ? MaxBindAttempts : 1); attempt++)
            {
                port = requestedPort == 0 ? FindFreePort() : requestedPort;
                var listener = new HttpListener();
                listener.Prefixes.Add("http://" + host + ":" + port.ToString(CultureInfo.InvariantCulture) + "/");
                try
                {
                    listener.Start();
                    return listener;
                }
                catch (HttpListenerException e)
                {
                    last = e;
                    listener.Close();
                }
            }
            throw new InvalidOperationException("The sandbox could not bind a port on " + host + ": " + last?.Message, last);
        }

        private static int FindFreePort()
        {
            for (int attempt = 0; attempt < 100; attempt++)
            {
                var probe = new TcpListener(IPAddress.Loopback, 0);
                probe.Start();
                var port = ((IPEndPoint)probe.LocalEndpoint).Port;
                probe.Stop();
                if (port > 1024) return port;
            }
            throw new InvalidOperationException("No free port above 1024 was found.");
        }

        private async Task AcceptLoopAsync()
        {
            while (IsRunning)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync().ConfigureAwait(false);
                }
                catch (Exception) when (!IsRunning)
                {
                    return;
                }
                catch (HttpListenerException)
                {
                    continue;
                }
                catch (ObjectDisposedException)
                {
                    return;
                }
                // Each request on its own task: a slow (latency) or large request never blocks the others.
                _ = Task.Run(() => HandleAsync(context));
            }
        }

        private async Task HandleAsync(HttpListenerContext context)
        {
            var request = context.Request;
            var received = DateTime.UtcNow;
            string body = "";
            byte[] bodyBytes = new byte[0];
            FaultKind? fault = null;
            bool signatureValid = false;
            SandboxResponse? response = null;
            var rawUrl = request.RawUrl ?? "/";
            int q = rawUrl.IndexOf('?');
            var rawQuery = q < 0 ? "" : rawUrl.Substring(q + 1);
            var path = request.Url?.AbsolutePath ?? (q < 0 ? rawUrl : rawUrl.Substring(0, q));
            Interlocked.Increment(ref _requestCount);
            try
            {
                var read = await ReadBodyAsync(request, _maxRequestBodyBytes).ConfigureAwait(false);
                if (read.TooLarge != null)
                {
                    response = read.TooLarge;
                }
                else
                {
                    bodyBytes = read.Body!;
                    body = Encoding.UTF8.GetString(bodyBytes);
                    fault = _faults.Decide(FaultRate);
                    if (fault.HasValue) Interlocked.Increment(ref _faultsInjected);
                    Observe(request, rawUrl, body, fault, received);
                    // Status faults and the faults before processing have no side effect; the
                    // "applied" kinds process the request first and then lose the answer.
                    if (fault.HasValue) response = FaultInjector.ResponseFor(fault.Value);
                    if (!fault.HasValue || Faults.FaultKinds.ProcessesRequest(fault.Value))
                    {
                        var sandboxRequest = new SandboxRequest(request.HttpMethod, path, rawQuery, request.Headers["Content-Type"], body, received)
                        {
                            BodyBytes = bodyBytes,
                        };
                        response = Process(sandboxRequest, request, out signatureValid);
                    }
                }
            }
            catch (Exception e)
            {
                response = ErrorBodies.Structured(500, "InternalServerError", "The sandbox failed to process the request: " + e.Message);
            }

            var noResponse = fault.HasValue && Faults.FaultKinds.LosesResponse(fault.Value) && fault != FaultKind.TruncatedBody;
            // Logged before answering, so that a client that got its answer also finds the record.
            _log.Add(new SandboxRequestRecord(
                request.HttpMethod, path, QueryRedactor.Redact(rawQuery), request.Headers["Content-Type"],
                body.Length > MaxLoggedBodyChars ? body.Substring(0, MaxLoggedBodyChars) : body,
                userKeyPresent: !string.IsNullOrEmpty(request.Headers[RequestAuthenticator.UserKeyHeader]),
                signatureValid: signatureValid, statusCode: noResponse ? 0 : response?.StatusCode ?? 0,
                faultInjected: fault?.ToString(), receivedAtUtc: received));

            try
            {
                var latency = Latency;
                if (latency > TimeSpan.Zero) await Task.Delay(latency, _stopping.Token).ConfigureAwait(false);
                switch (fault)
                {
                    case FaultKind.ConnectionReset:
                    case FaultKind.AppliedThenReset:
                        ConnectionDropper.Drop(context);
                        break;
                    case FaultKind.Stall:
                    case FaultKind.AppliedThenStall:
                        try { await Task.Delay(StallDuration, _stopping.Token).ConfigureAwait(false); }
                        catch (OperationCanceledException) { }
                        ConnectionDropper.Drop(context);
                        break;
                    case FaultKind.TruncatedBody:
                        await WriteTruncatedAsync(context, response!, DateTime.UtcNow + ClockOffset).ConfigureAwait(false);
                        break;
                    default:
                        await WriteAsync(context.Response, response!, DateTime.UtcNow + ClockOffset).ConfigureAwait(false);
                        break;
                }
            }
            catch (Exception)
            {
                // The client went away or the server is stopping; nothing to answer to.
                try { context.Response.Abort(); } catch (Exception) { }
            }
        }

        private void Observe(HttpListenerRequest request, string rawUrl, string body, FaultKind? fault, DateTime received)
        {
            var observer = _observer;
            if (observer == null) return;
            try
            {
                var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (var name in request.Headers.AllKeys)
                    if (name != null) headers[name] = request.Headers[name] ?? "";
                observer(new SandboxObservedRequest(request.HttpMethod, rawUrl, headers,
                    body.Length > MaxLoggedBodyChars ? body.Substring(0, MaxLoggedBodyChars) : body, fault?.ToString(), received));
            }
            catch (Exception)
            {
                // A test hook must not break the server.
            }
        }

        private SandboxResponse Process(SandboxRequest sandboxRequest, HttpListenerRequest request, out bool signatureValid)
        {
            signatureValid = false;
            var match = _router.Match(sandboxRequest.Method, sandboxRequest.Path);
            if (match.Route == null)
            {
                if (match.AllowedMethods.Count > 0)
                    return ErrorBodies.Structured(405, "MethodNotAllowed",
                            "The method " + sandboxRequest.Method + " is not allowed on " + sandboxRequest.Path + ".")
                        .WithHeader("Allow", string.Join(", ", match.AllowedMethods));
                return ErrorBodies.NotFound("No route matches " + sandboxRequest.Method + " " + sandboxRequest.Path + ".");
            }

            var route = match.Route;
            var urlWithoutQuery = request.Url!.GetLeftPart(UriPartial.Path);
            var auth = _authenticator.Authenticate(request.HttpMethod, urlWithoutQuery, request.Headers, DateTime.UtcNow + ClockOffset,
                isExchange: route.Access == RouteAccess.Exchange);
            signatureValid = auth.SignatureValid;
            if (auth.IsSignatureMismatch) Interlocked.Increment(ref _signatureFailures);
            if (!auth.Succeeded) return auth.Failure!;

            var user = auth.User;
            if (route.Access != RouteAccess.Exchange)
            {
                if (!user!.Account.SubscriptionActive) return ErrorBodies.PaymentRequired();
                if (route.Access == RouteAccess.PublicWrite && !user.CanWrite)
                    return ErrorBodies.Forbidden("The user '" + user.Email + "' does not have permission to perform this action.");
            }

            sandboxRequest.User = user;
            sandboxRequest.RouteValues = match.Values;
            return route.Handler(sandboxRequest);
        }

        private struct BodyRead
        {
            public byte[]? Body;
            public SandboxResponse? TooLarge;
        }

        /// <summary>
        /// Raw bytes (multipart uploads carry binary files; text bodies are decoded as UTF-8 from
        /// them), or the 413 answer for a body larger than the limit: a declared Content-Length is
        /// refused before reading, a chunked body as soon as it passes the limit.
        /// </summary>
        private static async Task<BodyRead> ReadBodyAsync(HttpListenerRequest request, long limit)
        {
            if (!request.HasEntityBody) return new BodyRead { Body = new byte[0] };
            var chunk = new byte[16 * 1024];
            if (request.ContentLength64 > limit)
            {
                await DiscardAsync(request, chunk, limit).ConfigureAwait(false);
                return new BodyRead { TooLarge = PayloadTooLarge(limit) };
            }
            using (var buffer = new MemoryStream())
            {
                while (true)
                {
                    var read = await request.InputStream.ReadAsync(chunk, 0, chunk.Length).ConfigureAwait(false);
                    if (read == 0) break;
                    if (buffer.Length + read > limit)
                    {
                        await DiscardAsync(request, chunk, limit).ConfigureAwait(false);
                        return new BodyRead { TooLarge = PayloadTooLarge(limit) };
                    }
                    buffer.Write(chunk, 0, read);
                }
                return new BodyRead { Body = buffer.ToArray() };
            }
        }

        /// <summary>
        /// Reads and drops up to another <paramref name="limit"/> bytes of a refused body (never
        /// keeping them), so that a client still sending gets to read the 413 instead of a reset;
        /// a body larger still is cut off by closing the connection.
        /// </summary>
        private static async Task DiscardAsync(HttpListenerRequest request, byte[] chunk, long limit)
        {
            long dropped = 0;
            while (dropped <= limit)
            {
                var read = await request.InputStream.ReadAsync(chunk, 0, chunk.Length).ConfigureAwait(false);
                if (read == 0) return;
                dropped += read;
            }
        }

        private static SandboxResponse PayloadTooLarge(long limit) =>
            ErrorBodies.Structured(413, "RequestEntityTooLarge",
                "The request body is larger than the limit of " + limit.ToString(CultureInfo.InvariantCulture) + " bytes.");

        /// <summary>Declares the whole body's length, sends only part of it, and drops the connection.</summary>
        private static async Task WriteTruncatedAsync(HttpListenerContext context, SandboxResponse answer, DateTime serverNow)
        {
            var response = context.Response;
            response.StatusCode = answer.StatusCode;
            response.Headers["Date"] = serverNow.ToString("r", CultureInfo.InvariantCulture);
            response.ContentType = answer.ContentType;
            foreach (var header in answer.Headers) response.Headers[header.Key] = header.Value;
            var sent = answer.Body.Length / 2;
            response.ContentLength64 = Math.Max(answer.Body.Length, sent + 16);
            await response.OutputStream.WriteAsync(answer.Body, 0, sent).ConfigureAwait(false);
            await response.OutputStream.FlushAsync().ConfigureAwait(false);
            ConnectionDropper.Drop(context, reset: false);
        }

        private static async Task WriteAsync(HttpListenerResponse response, SandboxResponse answer, DateTime serverNow)
        {
            response.StatusCode = answer.StatusCode;
            // The server's own clock, so clients can measure their skew against it (as with Portal.io).
            response.Headers["Date"] = serverNow.ToString("r", CultureInfo.InvariantCulture);
            response.ContentType = answer.ContentType;
            foreach (var header in answer.Headers) response.Headers[header.Key] = header.Value;
            response.ContentLength64 = answer.Body.Length;
            await response.OutputStream.WriteAsync(answer.Body, 0, answer.Body.Length).ConfigureAwait(false);
            response.OutputStream.Close();
            response.Close();
        }
    }
}
