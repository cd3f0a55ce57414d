using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using PortalIo.Sandbox.Data;
using PortalIo.Sandbox.Faults;
using PortalIo.Sandbox.Hosting;
using PortalIo.Sandbox.Journal;
using PortalIo.Sandbox.RateLimiting;
using PortalIo.Sandbox.State;

namespace PortalIo.Sandbox
{
    /// <summary>
    /// A local emulator of the Portal.io API (not Portal.io's hosted sandbox environment): the same
    /// routes, signature check, business rules and error shapes, on an HttpListener bound to loopback
    /// only. Start one per test, per test file or per console session. Beyond the API it is a test
    /// double: a journal of the requests it received, scripted and random faults, a rate limit, a
    /// start state (seeded, empty or a fixture) it can be reset to, and back doors for changes the
    /// API cannot make. This class is the public face; each concern lives in its own folder
    /// (Hosting, Journal, Faults, RateLimiting, State, Fixtures, Dispatch, BackDoors).
    /// </summary>
    public sealed class SandboxServer : IDisposable
    {
        /// <summary>Fixed so that scripts and docs can hard-code them; this is a local emulator, not a secret store.</summary>
        public const string DefaultApplicationKey = "5B2A9C1E-7D34-4F6A-9E21-3C8B0D47A915";
        public const string DefaultSecretKey = "c2FuZGJveC1zZWNyZXQta2V5LWZvci1wb3J0YWxpbzE=";

        /// <summary>How many requests the journal keeps: the most recent ones; older ones are dropped.</summary>
        public const int JournalCapacity = RequestJournal.Capacity;

        private readonly StartState _start;
        private readonly EmulatorServices _services;
        private readonly NetworkSettings _settings = new NetworkSettings();
        private readonly RequestCounters _counters = new RequestCounters();
        private readonly RequestJournal _journal = new RequestJournal();
        private readonly FaultScript _faultScript = new FaultScript();
        private readonly FaultInjector _randomFaults;
        private readonly RateLimiter _rateLimiter;
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private readonly LoopbackListener _listener;
        private readonly object _stateGate = new object();
        private volatile EmulatedPortal _state;
        private int _stopped;

        private SandboxServer(SandboxOptions options)
        {
            _start = new StartState(options);
            _settings.Latency = options.Latency;
            _settings.ClockOffset = options.ClockOffset;
            _settings.FaultRate = options.FaultRate;
            _settings.StallDuration = options.StallDuration;
            _randomFaults = new FaultInjector(options.RandomSeed, options.FaultKinds);
            _rateLimiter = new RateLimiter(options.RateLimitClock ?? (() => DateTime.UtcNow)) { Limit = options.RateLimit };
            var maxBodyBytes = options.MaxRequestBodyBytes > 0 ? options.MaxRequestBodyBytes : long.MaxValue;

            // The listener binds its port now (the base URI is part of the state) and accepts only once started.
            RequestPipeline? pipeline = null;
            _listener = new LoopbackListener(options.Host, options.Port, (context, inFlight) => pipeline!.HandleAsync(context, inFlight), _stopping);
            try
            {
                _services = new EmulatorServices(_listener.BaseUri, ApplicationKey, SecretKey, options, _stopping.Token);
                _state = new EmulatedPortal(_start, _services);
                pipeline = new RequestPipeline(_settings, _counters, _journal, _faultScript, _randomFaults, _rateLimiter, NewRedactor(_state),
                    () => _state, maxBodyBytes, options.RequestObserver, _stopping.Token);
            }
            catch
            {
                _listener.Stop();
                throw;
            }
        }

        /// <exception cref="ArgumentException">Contradicting options (e.g. Empty with Data).</exception>
        /// <exception cref="InvalidOperationException">No port could be bound.</exception>
        public static SandboxServer Start(SandboxOptions? options = null)
        {
            var server = new SandboxServer(options ?? new SandboxOptions());
            server._listener.Start();
            return server;
        }

        // ---- Identity -------------------------------------------------------------------------

        public Uri BaseUri => _listener.BaseUri;
        public string ApplicationKey => DefaultApplicationKey;
        public string SecretKey => DefaultSecretKey;
        public string UserName => DemoData.PrimaryUserName;
        public string Password => DemoData.PrimaryPassword;

        /// <summary>The logins that exist in this emulator's start state (Empty and Data have only the demo dealer's two).</summary>
        public IReadOnlyList<SandboxDemoUser> DemoUsers
        {
            get
            {
                var store = _state.Store;
                return DemoData.DemoUsers.Where(u => store.FindLoginUser(u.UserName) != null).ToList();
            }
        }

        public bool IsRunning => _listener.IsRunning;

        /// <summary>What the emulator started with, and what <see cref="Reset"/> returns to.</summary>
        public SandboxStartKind StartKind => _start.Kind;

        // ---- Network behaviour ----------------------------------------------------------------

        /// <summary>Delay added before every answer (faults included).</summary>
        public TimeSpan Latency
        {
            get => _settings.Latency;
            set => _settings.Latency = value;
        }

        /// <summary>
        /// How far the emulator's clock is from this machine's: its Date header and its check of
        /// X-MSS-CUSTOM-DATE use it, to test what clients do about clock skew.
        /// </summary>
        public TimeSpan ClockOffset
        {
            get => _settings.ClockOffset;
            set => _settings.ClockOffset = value;
        }

        /// <summary>How long a Stall fault (random or scripted) holds the connection before dropping it.</summary>
        public TimeSpan StallDuration
        {
            get => _settings.StallDuration;
            set => _settings.StallDuration = value;
        }

        /// <summary>
        /// Requests per second per application key (0 = no limit); beyond it the emulator answers
        /// 429 Too Many Requests with Retry-After and an error body in the API's shape, before any
        /// fault or processing. Windows are whole seconds of the clock.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">Negative.</exception>
        public int RateLimit
        {
            get => _rateLimiter.Limit;
            set => _rateLimiter.Limit = value;
        }

        /// <summary>Probability (0..1) that a request not struck by a scripted fault gets a random one of <see cref="FaultKinds"/>.</summary>
        public double FaultRate
        {
            get => _settings.FaultRate;
            set => _settings.FaultRate = value;
        }

        /// <summary>The kinds a random fault draws from (see <see cref="SandboxOptions.FaultKinds"/>).</summary>
        public IReadOnlyList<FaultKind> FaultKinds
        {
            get => _randomFaults.Kinds;
            set => _randomFaults.Kinds = value;
        }

        /// <summary>Random faults injected so far, per kind.</summary>
        public IReadOnlyDictionary<FaultKind, long> FaultsInjectedByKind => _randomFaults.Counts;

        // ---- Counters (since start; Reset and clearing the journal leave them) -----------------

        /// <summary>Requests received so far.</summary>
        public long RequestCount => _counters.Received;

        /// <summary>Requests refused because their signature did not match.</summary>
        public long SignatureFailures => _counters.SignatureFailures;

        /// <summary>Faults injected so far, scripted and random.</summary>
        public long FaultsInjected => _counters.FaultsInjected;

        /// <summary>Requests refused by the rate limit.</summary>
        public long RateLimitedCount => _counters.RateLimited;

        // ---- Request journal ------------------------------------------------------------------

        /// <summary>
        /// The requests received, oldest first (at most the last <see cref="JournalCapacity"/>).
        /// </summary>
        /// <param name="method">Only this HTTP method (any case); null or empty for all.</param>
        /// <param name="path">Only paths matching this wildcard (*, ?, [a-z]; case-insensitive; against the path without query); null or empty for all.</param>
        /// <param name="last">Only the last n of the matching requests; null for all.</param>
        /// <exception cref="ArgumentException">A malformed wildcard, or <paramref name="last"/> below 1.</exception>
        public IReadOnlyList<SandboxRequestRecord> GetRequests(string? method = null, string? path = null, int? last = null) =>
            _journal.Find(method, path, last);

        /// <summary>Empties the journal (the request counters keep counting).</summary>
        public void ClearRequests() => _journal.Clear();

        /// <summary>
        /// Requests recorded in the journal since the start, those dropped beyond its capacity or
        /// cleared included: equal to <see cref="RequestCount"/> once every request received has
        /// been handled. Also the <see cref="SandboxRequestRecord.Sequence"/> of the newest record.
        /// </summary>
        public long RecordedCount => _journal.TotalRecorded;

        /// <summary>Every request in the journal, oldest first (the same as <see cref="GetRequests"/> without filters).</summary>
        public IReadOnlyList<SandboxRequestRecord> RequestLog => _journal.Snapshot();

        /// <summary>The same as <see cref="ClearRequests"/>.</summary>
        public void ClearRequestLog() => _journal.Clear();

        // ---- Scripted faults ------------------------------------------------------------------

        /// <summary>
        /// Strikes the next <paramref name="count"/> requests that match <paramref name="method"/>
        /// and <paramref name="path"/> as <paramref name="mode"/> says. Rules apply in the order
        /// added (a request takes one use of the first rule it matches), before the random fault rate.
        /// </summary>
        /// <param name="method">GET, POST, DELETE…; null or empty for any.</param>
        /// <param name="path">A wildcard against the path without query, e.g. "/public/proposals/*/area".</param>
        /// <param name="status">For FailWithStatus (400-599) and ApplyThenStatus (500-599); default 500; not allowed with the other modes.</param>
        /// <param name="count">How many matching requests to strike (at least 1).</param>
        /// <returns>The rule (its <see cref="SandboxFaultRule.Remaining"/> counts down).</returns>
        /// <exception cref="ArgumentException">A parameter breaks its rule; the message names it.</exception>
        public SandboxFaultRule AddFault(string? method, string path, SandboxFaultMode mode, int? status = null, int count = 1)
        {
            var rule = new SandboxFaultRule(method, path, mode, status, count);
            _faultScript.Add(rule);
            return rule;
        }

        /// <summary>The scripted faults with uses left, in the order they apply.</summary>
        public IReadOnlyList<SandboxFaultRule> ScriptedFaults => _faultScript.Pending;

        /// <summary>Removes every scripted fault (the random fault rate stays as it is).</summary>
        public void ClearFaults() => _faultScript.Clear();

        // ---- State ----------------------------------------------------------------------------

        /// <summary>
        /// Back to the start state (<see cref="StartKind"/>): the data is built again (the seed, the
        /// empty demo dealer, or the fixture), the journal and the scripted faults are cleared, rate
        /// limit windows start afresh, pending webhook retries and AI Builder jobs end, and the
        /// webhook delivery list is emptied. Settings stay: latency, fault rate and kinds, rate
        /// limit, clock offset, webhook host routes. A request in flight finishes against the old state.
        /// </summary>
        /// <exception cref="InvalidOperationException">The emulator was stopped.</exception>
        public void Reset()
        {
            lock (_stateGate)
            {
                if (Volatile.Read(ref _stopped) == 1) throw new InvalidOperationException("The emulator at " + BaseUri + " was stopped; start a new one.");
                var previous = _state;
                _state = new EmulatedPortal(_start, _services);
                previous.Dispose();
                _journal.Clear();
                _faultScript.Clear();
                _rateLimiter.Reset();
            }
        }

        /// <summary>The demo dealer's current data as a fixture (save it with <see cref="SandboxData.Save"/>, start from it with <see cref="SandboxOptions.Data"/>).</summary>
        public SandboxData ExportData() => _state.Export();

        // ---- Back doors: what the public API cannot do ----------------------------------------

        /// <summary>
        /// Drives state the public API cannot reach, e.g. a client accepting a proposal. A real change
        /// of status fires proposal.status_changed (data: the full proposal) to matching subscriptions.
        /// </summary>
        /// <exception cref="ArgumentException">Unknown proposal id or status name.</exception>
        public void SetProposalStatus(int proposalId, string status) => _state.BackDoors.SetProposalStatus(proposalId, status);

        /// <summary>
        /// Changes one field of a contact, as a user of the Portal.io app would, and fires
        /// PersonModification. Fields: FirstName, LastName, CompanyName, ContactEmail, ContactEmailCC,
        /// ContactPhone, Notes, ContactType (Client|Employee|Contractor|Other).
        /// </summary>
        /// <exception cref="ArgumentException">Unknown contact id, field, or contact type.</exception>
        public void ModifyContact(int contactId, string field, string value) => _state.BackDoors.ModifyContact(contactId, field, value);

        /// <summary>
        /// Changes several fields of a contact in one save, as a user of the Portal.io app would: one
        /// PersonModification for all of them. Every change is checked before any is made. Fields as
        /// in <see cref="ModifyContact(int, string, string)"/>.
        /// </summary>
        /// <exception cref="ArgumentException">Unknown contact id, field or contact type, or no change at all.</exception>
        public void ModifyContact(int contactId, IEnumerable<KeyValuePair<string, string>> changes) => _state.BackDoors.ModifyContact(contactId, changes);

        /// <summary>
        /// Adds a catalog item to an option, as a user of the Portal.io app would: the public API has
        /// no route for line items (see docs/api-decisions.md, 'Line items'), yet totals and tax depend on them.
        /// </summary>
        /// <exception cref="ArgumentException">Unknown proposal, option (in that proposal) or catalog item, or a quantity below 1.</exception>
        public void AddLineItem(int proposalId, int optionId, int catalogItemId, decimal quantity = 1) =>
            _state.BackDoors.AddLineItem(proposalId, optionId, catalogItemId, quantity);

        /// <summary>Every webhook delivery attempt since the start (or the last Reset), oldest first (a snapshot).</summary>
        public IReadOnlyList<SandboxWebhookDelivery> WebhookDeliveries => _state.Webhooks.Deliveries;

        public void ClearWebhookDeliveries() => _state.Webhooks.ClearDeliveries();

        /// <summary>Deliveries under way: being sent or waiting for a retry.</summary>
        public int PendingWebhookDeliveries => _state.Webhooks.Pending;

        /// <summary>
        /// Deliveries whose next attempt is being made now (not those waiting for a retry): once it
        /// is 0, every event fired so far has its latest attempt in <see cref="WebhookDeliveries"/>.
        /// </summary>
        public int WebhookAttemptsInProgress => _state.Webhooks.AttemptsInProgress;

        /// <summary>
        /// Like a DNS override or a tunnel: subscriptions are still validated by the public rules
        /// (https, publicly routable host), but deliveries to a URL whose host equals
        /// <paramref name="publicHost"/> (case-insensitive) are POSTed to <paramref name="localTarget"/>
        /// instead, plain http on loopback allowed. The target supplies scheme, host and port; if its
        /// path is "/" the subscription URL's path and query are kept, otherwise the target's path and
        /// query replace them. Example: RouteWebhookHost("hooks.example.com", new Uri("http://127.0.0.1:5123/"))
        /// sends https://hooks.example.com/portal to http://127.0.0.1:5123/portal. Routes survive Reset.
        /// </summary>
        public void RouteWebhookHost(string publicHost, Uri localTarget)
        {
            if (string.IsNullOrWhiteSpace(publicHost)) throw new ArgumentException("A host name is required.", nameof(publicHost));
            if (localTarget == null) throw new ArgumentNullException(nameof(localTarget));
            if (!localTarget.IsAbsoluteUri || (localTarget.Scheme != Uri.UriSchemeHttp && localTarget.Scheme != Uri.UriSchemeHttps))
                throw new ArgumentException("The target must be an absolute http or https URI.", nameof(localTarget));
            _services.WebhookRoutes.Route(publicHost, localTarget);
        }

        /// <summary>Removes a route set by <see cref="RouteWebhookHost"/>; true when there was one.</summary>
        public bool UnrouteWebhookHost(string publicHost) => _services.WebhookRoutes.Unroute(publicHost ?? "");

        // ---- Lifecycle ------------------------------------------------------------------------

        /// <summary>
        /// Stops listening and releases the port. Requests still in flight end as connection
        /// failures (their journal entries say AbortedByStop), never as an empty answer; pending
        /// webhook retries and AI Builder jobs end.
        /// </summary>
        public void Stop()
        {
            if (Interlocked.Exchange(ref _stopped, 1) == 1) return;
            _listener.Stop();
            lock (_stateGate) _state.Dispose();
            _services.WebhookHttp.Dispose();
        }

        public void Dispose() => Stop();

        /// <summary>Every secret this emulator knows, so that none reaches the journal whatever a client does with it.</summary>
        private SecretRedactor NewRedactor(EmulatedPortal state)
        {
            var secrets = new List<string> { SecretKey };
            foreach (var user in DemoData.DemoUsers)
            {
                secrets.Add(user.Password);
                secrets.Add(DemoData.UserKeyFor(user.UserName));
            }
            lock (state.Store.SyncRoot)
                secrets.AddRange(state.Store.Accounts.SelectMany(a => state.Store.UsersOf(a)).Select(u => u.UserKey));
            return new SecretRedactor(secrets);
        }
    }
}
