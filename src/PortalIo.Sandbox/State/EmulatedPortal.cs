using System;
using System.Threading;
using PortalIo.Sandbox.AiBuilder;
using PortalIo.Sandbox.BackDoors;
using PortalIo.Sandbox.Data;
using PortalIo.Sandbox.Dispatch;
using PortalIo.Sandbox.Model;
using PortalIo.Sandbox.Routes;
using PortalIo.Sandbox.Routing;
using PortalIo.Sandbox.Security;
using PortalIo.Sandbox.Webhooks;

namespace PortalIo.Sandbox.State
{
    /// <summary>
    /// One state of the emulated Portal.io: the data (store and catalog) and everything bound to it
    /// (routes, authentication, webhook deliveries, AI Builder jobs, test back doors). Reset builds a
    /// new one from the start state and swaps it in, rather than undoing changes in place: nothing
    /// of the old state can leak into the new one, and a request already in flight finishes against
    /// the state it started with.
    /// </summary>
    internal sealed class EmulatedPortal : IDisposable
    {
        private readonly CancellationTokenSource _lifetime;

        public EmulatedPortal(StartState start, EmulatorServices services)
        {
            _lifetime = CancellationTokenSource.CreateLinkedTokenSource(services.Stopping);
            Store = new EmulatorStore();
            Catalog = new EmulatorCatalog();
            DemoDealer = start.Build(Store, Catalog);
            Webhooks = new WebhookDispatcher(Store, services.WebhookHttp, services.WebhookRoutes, services.WebhookRetryDelays, services.WebhookTimeout, _lifetime.Token);
            var ai = new AiBuilderEngine(Store, Webhooks, services.AiStepDuration, _lifetime.Token);
            BackDoors = new TestBackDoors(Store, Catalog, Webhooks);

            var router = new Router();
            new AuthRoutes(Store, services.BaseUri).Register(router);
            new UsersRoutes(Store).Register(router);
            new ProposalRoutes(Store).Register(router);
            new ProposalAssignmentRoutes(Store).Register(router);
            new ChangeOrderRoutes(Store).Register(router);
            new PeopleRoutes(Store, Webhooks).Register(router);
            new LocationRoutes(Store).Register(router);
            new CatalogRoutes(Catalog).Register(router);
            new WebhookRoutes(Store).Register(router);
            new AiBuilderRoutes(Store, ai).Register(router);
            Dispatcher = new RequestDispatcher(router, new RequestAuthenticator(services.ApplicationKey, services.SecretKey, Store));
        }

        public EmulatorStore Store { get; }
        public EmulatorCatalog Catalog { get; }

        /// <summary>The account fixtures and exports are about.</summary>
        public DealerAccount DemoDealer { get; }

        public WebhookDispatcher Webhooks { get; }
        public TestBackDoors BackDoors { get; }
        public RequestDispatcher Dispatcher { get; }

        /// <summary>The current data as a fixture.</summary>
        public SandboxData Export()
        {
            lock (Store.SyncRoot) return SandboxData.FromState(Store, Catalog, DemoDealer);
        }

        /// <summary>Ends the state's background work: webhook retries and AI Builder timers.</summary>
        public void Dispose()
        {
            try { _lifetime.Cancel(); } catch (ObjectDisposedException) { }
            _lifetime.Dispose();
        }
    }
}
