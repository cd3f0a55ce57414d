using System;
using System.Linq;
using PortalIo.Sandbox.Data;
using PortalIo.Sandbox.Fixtures;
using PortalIo.Sandbox.Model;

namespace PortalIo.Sandbox.State
{
    /// <summary>The state an emulator starts from, kept so that Reset can build it again.</summary>
    internal sealed class StartState
    {
        public StartState(SandboxOptions options)
        {
            if (options.Empty && options.Data != null)
                throw new ArgumentException("Empty and Data cannot be combined: Data already starts from the empty demo dealer and adds the fixture's data.", nameof(options));
            if (options.ExtraProposalCount < 0)
                throw new ArgumentOutOfRangeException(nameof(options), "ExtraProposalCount must not be negative.");
            Kind = options.Data != null ? SandboxStartKind.Data : options.Empty ? SandboxStartKind.Empty : SandboxStartKind.Seed;
            Data = options.Data;
            ExtraProposalCount = options.ExtraProposalCount;
        }

        public SandboxStartKind Kind { get; }
        public SandboxData? Data { get; }
        public int ExtraProposalCount { get; }

        /// <summary>A new store and catalog in this start state; returns the demo dealer, which fixtures and exports are about.</summary>
        public DealerAccount Build(EmulatorStore store, EmulatorCatalog catalog)
        {
            if (Kind == SandboxStartKind.Seed)
            {
                DemoData.Populate(store, catalog, ExtraProposalCount);
                return store.Accounts.First(a => a.Id == SandboxSeed.DemoDealerId);
            }
            var demo = DemoData.AddDemoDealer(store);
            if (Data != null) FixtureReader.Load(Data.Root, store, catalog, demo);
            DemoData.AddExtraProposals(store, demo, store.Contacts.Where(c => c.Account == demo).OrderBy(c => c.Id).ToList(), ExtraProposalCount);
            return demo;
        }
    }
}
