using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using PortalIo.Sandbox.Data;
using PortalIo.Sandbox.Fixtures;

namespace PortalIo.Sandbox
{
    /// <summary>
    /// The data of the emulator's demo dealer as a fixture: contacts with their locations, proposals
    /// with their areas, options, line items and change orders, the catalog, and webhook
    /// subscriptions (the format is docs/sandbox-fixture.md). Start an emulator from it
    /// (<see cref="SandboxOptions.Data"/>), or get one from a running emulator
    /// (SandboxServer.ExportData). A SandboxData is checked completely when it is made, so a fixture
    /// that breaks a rule fails here, naming the place, and never half-loads.
    /// </summary>
    public sealed class SandboxData
    {
        private SandboxData(JsonElement root, string json, int contacts, int proposals, int catalogItems, int webhooks)
        {
            Root = root;
            Json = json;
            ContactCount = contacts;
            ProposalCount = proposals;
            CatalogItemCount = catalogItems;
            WebhookCount = webhooks;
        }

        /// <summary>The document as given (with any webhook secrets its author put in), applied on every start and Reset.</summary>
        internal JsonElement Root { get; }

        private string Json { get; }

        public int ContactCount { get; }

        /// <summary>Proposals (change orders not counted).</summary>
        public int ProposalCount { get; }

        public int CatalogItemCount { get; }

        public int WebhookCount { get; }

        /// <exception cref="FormatException">Not JSON, or not a valid fixture; the message names the place and the rule.</exception>
        public static SandboxData FromJson(string json)
        {
            if (json == null) throw new ArgumentNullException(nameof(json));
            JsonElement root;
            try
            {
                using (var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }))
                    root = document.RootElement.Clone();
            }
            catch (JsonException e)
            {
                throw new FormatException("Sandbox data is not valid JSON: " + e.Message, e);
            }
            // Built once here, so that every rule is checked now; the normalized text is what ToJson returns.
            var state = new EmulatorStore();
            var catalog = new EmulatorCatalog();
            var account = DemoData.AddDemoDealer(state);
            FixtureReader.Load(root, state, catalog, account);
            return FromState(state, catalog, account, root);
        }

        /// <exception cref="FormatException">See <see cref="FromJson"/>.</exception>
        /// <exception cref="IOException">The file cannot be read.</exception>
        public static SandboxData Load(string path)
        {
            if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException("A path to a JSON fixture is required.", nameof(path));
            return FromJson(File.ReadAllText(path, Encoding.UTF8));
        }

        /// <summary>The fixture as JSON (UTF-8 text, indented), every field written.</summary>
        public string ToJson() => Json;

        /// <summary>Writes <see cref="ToJson"/> to a file (UTF-8 without a byte order mark), replacing it.</summary>
        public void Save(string path)
        {
            if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException("A path to write the fixture to is required.", nameof(path));
            File.WriteAllText(path, Json, new UTF8Encoding(false));
        }

        public override string ToString() =>
            "SandboxData: " + ContactCount + " contacts, " + ProposalCount + " proposals, " + CatalogItemCount + " catalog items, " + WebhookCount + " webhooks";

        /// <summary>Call under the store lock.</summary>
        internal static SandboxData FromState(EmulatorStore store, EmulatorCatalog catalog, Model.DealerAccount account, JsonElement? root = null)
        {
            var json = FixtureWriter.Write(store, catalog, account);
            JsonElement parsed;
            if (root.HasValue) parsed = root.Value;
            else using (var document = JsonDocument.Parse(json)) parsed = document.RootElement.Clone();
            return new SandboxData(parsed, json,
                store.Contacts.Count(c => c.Account == account), store.Proposals.Count(p => p.Account == account),
                catalog.Items.Count(i => catalog.IsVisibleTo(i, account)), store.Subscriptions.Count(s => s.Account == account));
        }
    }
}
