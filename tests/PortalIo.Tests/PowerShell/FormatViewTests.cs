using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Text.RegularExpressions;
using PortalIo.Models;
using PortalIo.Session;
using Xunit;

namespace PortalIo.Tests.PowerShell
{
    /// <summary>
    /// Every view of every output type, rendered from real objects with Out-String at 80 columns (a
    /// pwsh -File log, a default terminal) and at 120: a table's header is whole (every column of the
    /// view, on one line), its key columns are there, no row wraps (or, where the view wraps, no word
    /// is cut) and each row shows its key values whole; a list shows every item of the view for every
    /// object; no rendering shows a secret.
    /// </summary>
    public class FormatViewTests : IClassFixture<OutputSamples>
    {
        private readonly OutputSamples _samples;

        public FormatViewTests(OutputSamples samples) => _samples = samples;

        /// <summary>Per type with a table: the columns a user needs first, and the values each row must show whole.</summary>
        private static readonly Dictionary<string, (string[] Columns, string Values)> TableKeys = new()
        {
            ["User"] = (new[] { "Id", "Name", "Email", "PermissionGroup" }, "$_.Id; $_.Email; $_.PermissionGroup"),
            ["Proposal"] = (new[] { "Id", "Name", "Status", "Total", "Modified" },
                "$_.Id; $_.Status; $_.Total.ToString('N2'); $_.LastModifiedDate.ToLocalTime().ToString('yyyy-MM-dd HH:mm')"),
            ["Area"] = (new[] { "ProposalId", "AreaId", "Name", "Options" }, "$_.ProposalId; $_.Id; $_.Name; $_.OptionCount"),
            ["AreaOption"] = (new[] { "ProposalId", "AreaId", "OptionId", "Status" }, "$_.ProposalId; $_.AreaId; $_.Id; $_.Status"),
            ["ChangeOrder"] = (new[] { "ProposalId", "Id", "Name", "Status", "Total" }, "$_.ProposalId; $_.Id; $_.Status; $_.Total.ToString('N2')"),
            ["Contact"] = (new[] { "Id", "Name", "ContactType", "Email", "Phone" }, "$_.Id; $_.ContactType"),
            ["Location"] = (new[] { "ContactId", "LocationId", "Address" }, "$_.ContactId; $_.Id"),
            ["ConnectionCheck"] = (new[] { "Check", "Status", "Detail", "Fix" }, "$_.Name; $_.Status"),
            ["PortalSandbox"] = (new[] { "BaseUri", "UserName", "IsRunning" }, "$_.BaseUri; $_.UserName"),
            ["CatalogItem"] = (new[] { "Id", "Brand", "Model", "Msrp", "Cost" },
                "$_.Id; $_.Brand; $_.Model; $_.Msrp.Value.ToString('N2'); $_.DefaultCost.Value.ToString('N2')"),
            ["CatalogCategory"] = (new[] { "Id", "Name", "Path" }, "$_.Id; $_.Name"),
            ["CatalogSearchSummary"] = (new[] { "Matches", "Favorites", "Brands" }, "$_.TotalItemCount; $_.FavoriteItemCount"),
            ["Webhook"] = (new[] { "Id", "Enabled", "Url", "Events" }, "$_.SubscriptionId; $_.Enabled; $_.Url"),
            ["AiContent"] = (new[] { "ProposalId", "ContentId", "Name", "Status" }, "$_.ProposalId; $_.ContentId; $_.Status"),
            ["AiOutline"] = (new[] { "ProposalId", "Status", "Outline" }, "$_.ProposalId; $_.Status"),
            ["AiBuild"] = (new[] { "ProposalId", "Status" }, "$_.ProposalId; $_.Status"),
            ["PortalSandboxRequest"] = (new[] { "Seq", "Method", "Status", "Path" }, "$_.Sequence; $_.Method; $_.Path"),
            ["PortalSandboxFault"] = (new[] { "Method", "Mode", "Remaining", "Path" }, "$_.Mode; '{0} of {1}' -f $_.Remaining, $_.Count; $_.Path"),
            ["PortalSandboxWebhookDelivery"] = (new[] { "EventType", "Attempts", "Result" }, "$_.EventType; $_.AttemptCount"),
        };

        /// <summary>Per type: the list item that identifies an entry, and its value.</summary>
        private static readonly Dictionary<string, (string Label, string Value)> ListKeys = new()
        {
            ["PortalSession"] = ("UserName", "$_.UserName"),
            ["User"] = ("Id", "$_.Id"),
            ["Proposal"] = ("Id", "$_.Id"),
            ["Area"] = ("Id", "$_.Id"),
            ["AreaOption"] = ("Id", "$_.Id"),
            ["ChangeOrder"] = ("Id", "$_.Id"),
            ["Contact"] = ("Id", "$_.Id"),
            ["Location"] = ("Id", "$_.Id"),
            ["ConnectionCheck"] = ("Name", "$_.Name"),
            ["PortalSandbox"] = ("BaseUri", "$_.BaseUri"),
            ["PortalSignature"] = ("Method", "$_.Method"),
            ["CatalogItem"] = ("Id", "$_.Id"),
            ["CatalogCategory"] = ("Id", "$_.Id"),
            ["CatalogSearchSummary"] = ("TotalItemCount", "$_.TotalItemCount"),
            ["Webhook"] = ("SubscriptionId", "$_.SubscriptionId"),
            ["AiContent"] = ("ContentId", "$_.ContentId"),
            ["AiOutline"] = ("ProposalId", "$_.ProposalId"),
            ["AiBuild"] = ("ProposalId", "$_.ProposalId"),
            ["PortalSandboxRequest"] = ("Sequence", "$_.Sequence"),
            ["PortalSandboxFault"] = ("Path", "$_.Path"),
            ["PortalSandboxWebhookDelivery"] = ("EventId", "$_.EventId"),
        };

        [Theory]
        [InlineData("User", 80)]
        [InlineData("User", 120)]
        [InlineData("Proposal", 80)]
        [InlineData("Proposal", 120)]
        [InlineData("Area", 80)]
        [InlineData("Area", 120)]
        [InlineData("AreaOption", 80)]
        [InlineData("AreaOption", 120)]
        [InlineData("ChangeOrder", 80)]
        [InlineData("ChangeOrder", 120)]
        [InlineData("Contact", 80)]
        [InlineData("Contact", 120)]
        [InlineData("Location", 80)]
        [InlineData("Location", 120)]
        [InlineData("ConnectionCheck", 80)]
        [InlineData("ConnectionCheck", 120)]
        [InlineData("PortalSandbox", 80)]
        [InlineData("PortalSandbox", 120)]
        [InlineData("CatalogItem", 80)]
        [InlineData("CatalogItem", 120)]
        [InlineData("CatalogSearchSummary", 80)]
        [InlineData("CatalogSearchSummary", 120)]
        [InlineData("CatalogCategory", 80)]
        [InlineData("CatalogCategory", 120)]
        [InlineData("Webhook", 80)]
        [InlineData("Webhook", 120)]
        [InlineData("AiContent", 80)]
        [InlineData("AiContent", 120)]
        [InlineData("AiOutline", 80)]
        [InlineData("AiOutline", 120)]
        [InlineData("AiBuild", 80)]
        [InlineData("AiBuild", 120)]
        [InlineData("PortalSandboxRequest", 80)]
        [InlineData("PortalSandboxRequest", 120)]
        [InlineData("PortalSandboxFault", 80)]
        [InlineData("PortalSandboxFault", 120)]
        [InlineData("PortalSandboxWebhookDelivery", 80)]
        [InlineData("PortalSandboxWebhookDelivery", 120)]
        public void Table_view_is_whole_at_the_width(string type, int width)
        {
            var typeName = FullName(type);
            var labels = FormatViewDefinitions.TableLabels(typeName) ?? throw new Xunit.Sdk.XunitException(typeName + " has no table view");
            var text = _samples.Render(typeName, "Format-Table | Out-String -Width " + width);
            var table = new RenderedTable(text);
            var context = type + " at " + width + " columns:\n" + text;

            Assert.True(table.HeaderLines.Count == 1, "The header takes " + table.HeaderLines.Count + " lines (a label wrapped). " + context);
            Assert.True(labels.SequenceEqual(table.Labels), "Expected the columns " + string.Join(", ", labels) + ". " + context);
            Assert.Equal(labels.Select(l => l.Length), table.DashRuns.Select(r => r.Length));
            var (keyColumns, keyValues) = TableKeys[type];
            foreach (var column in keyColumns) Assert.True(labels.Contains(column), "The view has no " + column + " column. " + context);

            var expected = _samples.Evaluate(typeName, keyValues);
            Assert.True(expected.Count == table.Rows.Count, "Expected " + expected.Count + " rows. " + context);
            var wraps = FormatViewDefinitions.TableWraps(typeName);
            for (var i = 0; i < expected.Count; i++)
            {
                var row = string.Join("\n", table.Rows[i]);
                if (!wraps) Assert.True(table.Rows[i].Count == 1, "Row " + (i + 1) + " wrapped onto " + table.Rows[i].Count + " lines. " + context);
                var inOrder = string.Join(".*?", expected[i].Select(v => @"(?<=^|\s)" + Regex.Escape(v) + @"(?=\s|$)"));
                Assert.True(Regex.IsMatch(row, inOrder, RegexOptions.Singleline),
                    "Row " + (i + 1) + " does not show " + string.Join(" | ", expected[i]) + " whole and in order. " + context);
            }
            if (wraps)
            {
                // A wrapped value may continue on the next lines, but only between words.
                var texts = _samples.Evaluate(typeName, "$_.Detail; $_.Fix");
                for (var i = 0; i < texts.Count; i++)
                    foreach (var value in texts[i].Where(v => !string.IsNullOrEmpty(v)))
                        AssertWordsWhole(string.Join("\n", table.Rows[i]), value, context);
            }

            // What a user sees without asking for a view is this table.
            if (FormatViewDefinitions.DefaultIsTable(typeName))
                Assert.Equal(text, _samples.Render(typeName, "Out-String -Width " + width));
        }

        /// <summary>Every output type of the module (from the cmdlets' [OutputType]) at 80 and at 120 columns.</summary>
        public static IEnumerable<object[]> OutputTypesAtBothWidths() =>
            OutputTypeNames().SelectMany(n => new[] { 80, 120 }.Select(w => new object[] { n.Substring(n.LastIndexOf('.') + 1), w }));

        [Theory]
        [MemberData(nameof(OutputTypesAtBothWidths))]
        public void List_view_shows_every_item_of_every_object_at_the_width(string type, int width)
        {
            var typeName = FullName(type);
            var labels = FormatViewDefinitions.ListLabels(typeName) ?? throw new Xunit.Sdk.XunitException(typeName + " has no list view");
            var text = _samples.Render(typeName, "Format-List | Out-String -Width " + width);
            var list = new RenderedList(text, labels);
            var context = type + " at " + width + " columns:\n" + text;

            var (keyLabel, keyValue) = ListKeys[type];
            var expected = _samples.Evaluate(typeName, keyValue);
            Assert.True(expected.Count == list.Entries.Count, "Expected " + expected.Count + " entries. " + context);
            for (var i = 0; i < expected.Count; i++)
            {
                var entry = list.Entries[i];
                Assert.True(labels.SequenceEqual(entry.Select(e => e.Label)), "Entry " + (i + 1) + " lacks items of the view (" + string.Join(", ", labels) + "). " + context);
                Assert.Single(entry.Select(e => e.ColonColumn).Distinct());
                Assert.Equal(expected[i][0], entry.Single(e => e.Label == keyLabel).Value);
            }

            if (!FormatViewDefinitions.DefaultIsTable(typeName))
                Assert.Equal(text, _samples.Render(typeName, "Out-String -Width " + width));
        }

        /// <summary>An empty collection shows as an empty value, not as punctuation such as " ()" or ", ".</summary>
        [Theory]
        [InlineData("PortalSession")]
        [InlineData("User")]
        [InlineData("Proposal")]
        [InlineData("Area")]
        [InlineData("AreaOption")]
        [InlineData("ChangeOrder")]
        [InlineData("Contact")]
        [InlineData("Location")]
        [InlineData("ConnectionCheck")]
        [InlineData("PortalSandbox")]
        [InlineData("PortalSignature")]
        [InlineData("CatalogItem")]
        [InlineData("CatalogCategory")]
        [InlineData("CatalogSearchSummary")]
        [InlineData("Webhook")]
        [InlineData("AiContent")]
        [InlineData("AiOutline")]
        [InlineData("AiBuild")]
        [InlineData("PortalSandboxRequest")]
        [InlineData("PortalSandboxFault")]
        [InlineData("PortalSandboxWebhookDelivery")]
        public void List_view_shows_no_empty_collection_artefacts(string type)
        {
            var typeName = FullName(type);
            var text = _samples.Render(typeName, "Format-List | Out-String -Width 120");
            var list = new RenderedList(text, FormatViewDefinitions.ListLabels(typeName)!);
            var artefacts = list.Entries.SelectMany(e => e).Where(i => i.Value.Trim().Length > 0 && !i.Value.Any(char.IsLetterOrDigit)).ToList();
            Assert.True(artefacts.Count == 0, string.Join(", ", artefacts.Select(a => a.Label + " : '" + a.Value + "'")) + " in:\n" + text);
        }

        [Fact]
        public void No_rendering_of_any_output_type_shows_a_secret()
        {
            var session = (PortalSession)_samples.Shell.Run("Get-PortalSession").Output.Single().BaseObject;
            var webhook = (Webhook)_samples.Shell.Run("$samples['PortalIo.Models.Webhook'][0]").Output.Single().BaseObject;
            var user = _samples.Server.DemoUsers.First(u => u.UserName.StartsWith("demo", StringComparison.Ordinal));
            var secrets = new (string What, string Value)[]
            {
                ("secret key", _samples.Server.SecretKey), ("user key", SecretText.Reveal(session.UserKey)),
                ("password", user.Password), ("webhook secret", SecretText.Reveal(webhook.SecretKey!)),
            };
            var pipelines = new[]
            {
                "Out-String -Width 80", "Format-Table | Out-String -Width 120", "Format-List | Out-String -Width 120",
                "Format-List -Property * | Out-String -Width 400", "Format-Table -Property * | Out-String -Width 400",
                "ConvertTo-Json -Depth 4", "ForEach-Object { $_.ToString(); \"$_\" }",
            };
            var found = new List<string>();
            var rendered = 0;
            foreach (var typeName in _samples.TypeNames)
                foreach (var pipeline in pipelines)
                {
                    var text = _samples.Render(typeName, pipeline);
                    rendered += text.Length;
                    found.AddRange(secrets.Where(s => text.Contains(s.Value, StringComparison.Ordinal)).Select(s => s.What + " in " + typeName + " | " + pipeline));
                }
            Assert.True(rendered > 20_000, "only " + rendered + " characters rendered");
            Assert.True(found.Count == 0, string.Join("\n", found));
        }

        [Fact]
        public void Every_output_type_has_a_sample_and_each_of_its_views_is_rendered_at_80_and_120_columns()
        {
            var outputTypes = OutputTypeNames().OrderBy(n => n).ToList();
            Assert.Equal(outputTypes, _samples.TypeNames.OrderBy(n => n).ToList());

            // The list theory takes every output type by itself; the table theory lists them with what is pending.
            var tableCases = typeof(FormatViewTests).GetMethod(nameof(Table_view_is_whole_at_the_width))!.GetCustomAttributes<InlineDataAttribute>()
                .SelectMany(a => a.GetData(null!)).Select(d => ((string)d[0], (int)d[1])).ToList();
            foreach (var typeName in outputTypes)
            {
                var type = typeName.Substring(typeName.LastIndexOf('.') + 1);
                Assert.True(FormatViewDefinitions.ListLabels(typeName) != null, typeName + " has no list view (Format-List)");
                Assert.True(ListKeys.ContainsKey(type), type + " has no key item in ListKeys");
                if (FormatViewDefinitions.TableLabels(typeName) != null)
                {
                    Assert.True(TableKeys.ContainsKey(type), type + " has no key columns in TableKeys");
                    Assert.Contains((type, 80), tableCases);
                    Assert.Contains((type, 120), tableCases);
                }
            }
        }

        private static IEnumerable<string> OutputTypeNames()
        {
            var module = typeof(PortalIo.PowerShell.PortalCmdlet).Assembly;
            return module.GetTypes()
                .Where(t => t.GetCustomAttribute<CmdletAttribute>() != null)
                .SelectMany(t => t.GetCustomAttributes<OutputTypeAttribute>())
                .SelectMany(a => a.Type).Select(t => t.Type)
                .Where(t => t != null && t.Assembly == module)
                .Select(t => t!.FullName!).Distinct();
        }

        private string FullName(string type) => _samples.TypeNames.Single(n => n.EndsWith("." + type, StringComparison.Ordinal));

        private static void AssertWordsWhole(string row, string value, string context)
        {
            // Between two words of the value: spaces on one line, or the end of the line (perhaps
            // after the next column's text) and the indentation of the next. Never inside a word.
            var pattern = string.Join(@"(?:[ ]+|[ ]*(?:[ ][^\n]*)?\n[ ]+)", value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape));
            Assert.True(Regex.IsMatch(row, pattern), "'" + value + "' is not shown with whole words. " + context);
        }
    }
}
