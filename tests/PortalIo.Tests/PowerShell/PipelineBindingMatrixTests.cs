using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Text.RegularExpressions;
using PortalIo.Sandbox;
using Xunit;

namespace PortalIo.Tests.PowerShell
{
    /// <summary>
    /// The pipeline binding rule, tried the way users pipe: a real object of every output type of the
    /// module into every cmdlet that takes pipeline input, against the sandbox, for real (writes
    /// included). The sandbox's journal must show the request the object means, or none and an
    /// error record that names the object's type and the parameter.
    /// </summary>
    public class PipelineBindingMatrixTests : IClassFixture<OutputSamples>
    {
        private readonly OutputSamples _samples;

        public PipelineBindingMatrixTests(OutputSamples samples) => _samples = samples;

        /// <summary>
        /// The ids each output type carries, stated here as the rule says (not read from the module's
        /// table): a type gives only these, under these names.
        /// </summary>
        private static Dictionary<string, long> IdsOf(string type, PSObject o)
        {
            long Get(string property) => Convert.ToInt64(o.Properties[property]?.Value ?? 0L);
            var ids = new Dictionary<string, long>();
            void Give(string name, long value) { if (value > 0) ids[name] = value; }
            switch (type)
            {
                case "Proposal": Give("Proposal", Get("Id")); break;
                case "Area": Give("Proposal", Get("ProposalId")); Give("Area", Get("Id")); break;
                case "AreaOption": Give("Proposal", Get("ProposalId")); Give("Area", Get("AreaId")); Give("Option", Get("Id")); break;
                case "ChangeOrder": Give("Proposal", Get("ProposalId")); break;
                case "Contact": Give("Contact", Get("Id")); Give("FirstName", 1); break;
                case "Location": Give("Contact", Get("ContactId")); Give("Location", Get("Id")); Give("Street", 1); break;
                case "User": Give("SalesPerson", Get("Id")); Give("FirstName", 1); break;
                case "CatalogItem": Give("CatalogItem", Get("Id")); Give("Category", 1); break;
                case "CatalogCategory": Give("Category", 1); break;
                case "Webhook": Give("Webhook", Get("SubscriptionId")); break;
                case "AiContent": Give("Proposal", Get("ProposalId")); Give("Content", Get("Id")); break;
                case "AiOutline":
                case "AiBuild": Give("Proposal", Get("ProposalId")); break;
            }
            return ids;
        }

        /// <summary>One way to call a cmdlet with pipeline input: what it needs from the input, and the request that input means.</summary>
        private sealed class Target
        {
            /// <param name="readFirst">The GET a write reads before it is sent, to settle a lost answer later (about_PortalIo_Errors).</param>
            public Target(string script, string[] needs, string? method, Func<Dictionary<string, long>, string>? path, Func<Dictionary<string, long>, string>? readFirst = null)
            {
                Script = script;
                Needs = needs;
                Method = method;
                Path = path;
                ReadFirst = readFirst;
            }

            public Func<Dictionary<string, long>, string>? ReadFirst { get; }

            public string Script { get; }
            public string[] Needs { get; }
            public string? Method { get; }
            public Func<Dictionary<string, long>, string>? Path { get; }
            public string Command => Script.Split(' ')[0];
        }

        private static string P(Dictionary<string, long> ids) => "/public/proposals/" + ids["Proposal"];

        private static readonly int Draft = SandboxSeed.EmptyDraftProposalId;

        private static readonly Target[] Targets =
        {
            new Target("Get-PortalProposal", new[] { "Proposal" }, "GET", P),
            new Target("Set-PortalProposal -Description 'Matrix'", new[] { "Proposal" }, "POST", i => P(i) + "/description"),
            new Target("Get-PortalArea", new[] { "Proposal" }, "GET", P),
            new Target("Get-PortalAreaOption", new[] { "Proposal" }, "GET", P),
            new Target("Add-PortalArea -Name ('Matrix ' + [guid]::NewGuid().ToString('N'))", new[] { "Proposal" }, "POST", i => P(i) + "/area"),
            new Target("Add-PortalAreaOption -ClientDescription 'Matrix'", new[] { "Proposal", "Area" }, "POST", i => P(i) + "/area/" + i["Area"] + "/option", P),
            new Target("Set-PortalAreaOption -ClientDescription 'Matrix'", new[] { "Proposal", "Option" }, "POST", i => P(i) + "/area-options/" + i["Option"] + "/clientdescription"),
            new Target("Set-PortalProposalContact -ContactId " + SandboxSeed.SmithContactId, new[] { "Proposal" }, "POST", i => P(i) + "/contact/" + SandboxSeed.SmithContactId),
            new Target("Set-PortalProposalContact -ProposalId " + Draft, new[] { "Contact" }, "POST", i => "/public/proposals/" + Draft + "/contact/" + i["Contact"]),
            new Target("Set-PortalProposalLocation -LocationId 201", new[] { "Proposal" }, "POST", i => P(i) + "/location/201"),
            new Target("Set-PortalProposalLocation -ProposalId " + Draft, new[] { "Location" }, "POST", i => "/public/proposals/" + Draft + "/location/" + i["Location"]),
            new Target("Get-PortalChangeOrder", new[] { "Proposal" }, "GET", i => P(i) + "/changeorders"),
            new Target("Get-PortalContact", new[] { "Contact" }, "GET", i => "/public/people/" + i["Contact"]),
            new Target("Get-PortalContactLocation", new[] { "Contact" }, "GET", i => "/public/people/" + i["Contact"] + "/location"),
            new Target("New-PortalContact -PartyType Person -ContactType Client", new[] { "FirstName" }, "POST", _ => "/public/people"),
            new Target("New-PortalContactLocation", new[] { "Contact", "Street" }, "POST", i => "/public/people/" + i["Contact"] + "/location", i => "/public/people/" + i["Contact"] + "/location"),
            new Target("New-PortalProposal -Name 'Matrix'", new[] { "SalesPerson" }, "POST", _ => "/public/proposals"),
            new Target("Find-PortalCatalogItem -First 1", new[] { "Category" }, "GET", _ => "/public/catalog"),
            new Target("Get-PortalCatalogItem", new[] { "CatalogItem" }, "GET", i => "/public/catalog/" + i["CatalogItem"]),
            new Target("Get-PortalWebhook", new[] { "Webhook" }, "GET", _ => "/public/webhook/subscriptions"),
            new Target("Set-PortalWebhook -Description 'Matrix'", new[] { "Webhook" }, "POST", i => "/public/webhook/subscription/" + i["Webhook"]),
            new Target("Get-PortalAiContent", new[] { "Proposal" }, "GET", i => P(i) + "/ai/content"),
            new Target("Get-PortalAiOutline", new[] { "Proposal" }, "GET", i => P(i) + "/ai/outline"),
            new Target("Add-PortalAiContent -Path $aiFile", new[] { "Proposal" }, "POST", i => P(i) + "/ai/content", i => P(i) + "/ai/content"),
            new Target("Start-PortalAiOutline", new[] { "Proposal" }, "POST", i => P(i) + "/ai/outline"),
            new Target("Start-PortalAiBuild", new[] { "Proposal" }, "POST", i => P(i) + "/ai/build"),
            new Target("Test-PortalWebhookSignature -SecretKey $webhookSecret", new[] { "Payload" }, null, null),
            new Target("New-PortalSignature", new[] { "Uri" }, null, null),
            // Last: they delete the samples' webhook and AI content.
            new Target("Remove-PortalAiContent -Confirm:$false", new[] { "Proposal", "Content" }, "DELETE", i => P(i) + "/ai/content/" + i["Content"]),
            new Target("Remove-PortalWebhook -Confirm:$false", new[] { "Webhook" }, "DELETE", i => "/public/webhook/unsubscribe/" + i["Webhook"]),
        };

        /// <summary>Cmdlets that take pipeline input but send nothing to a resource of the API.</summary>
        private static readonly Dictionary<string, string> NotInTheMatrix = new()
        {
            ["Connect-Portal"] = "binds a sandbox's or a vault's keys and runs the credential exchange (Session tests)",
        };

        /// <summary>The local sandbox's own cmdlets bind a PortalSandbox (-Sandbox) and never call the API.</summary>
        private static bool IsSandboxCmdlet(string name) => name.Contains("-PortalSandbox", StringComparison.Ordinal);

        [Fact]
        public void Every_cmdlet_that_takes_pipeline_input_is_in_the_matrix()
        {
            var module = typeof(PortalIo.PowerShell.PortalCmdlet).Assembly;
            var withInput = module.GetTypes()
                .Select(t => (Type: t, Cmdlet: t.GetCustomAttribute<CmdletAttribute>()))
                .Where(c => c.Cmdlet != null && c.Type.GetProperties().Any(p => p.GetCustomAttributes<ParameterAttribute>()
                    .Any(a => a.ValueFromPipeline || a.ValueFromPipelineByPropertyName)))
                .Select(c => c.Cmdlet!.VerbName + "-" + c.Cmdlet.NounName)
                .ToList();
            var covered = Targets.Select(t => t.Command).Concat(NotInTheMatrix.Keys).ToHashSet();
            Assert.Empty(withInput.Where(c => !covered.Contains(c) && !IsSandboxCmdlet(c)));
            Assert.True(withInput.Count >= 28, "only " + withInput.Count + " cmdlets take pipeline input");
        }

        [Fact]
        public void Every_output_type_piped_into_every_cmdlet_sends_the_request_it_means_or_none()
        {
            var shell = _samples.Shell;
            shell.Run("$webhookSecret = ConvertTo-SecureString 'whsec_matrix' -AsPlainText -Force");
            var problems = new List<string>();
            var pairs = 0;
            foreach (var target in Targets)
            {
                foreach (var typeName in _samples.TypeNames)
                {
                    var type = typeName.Substring(typeName.LastIndexOf('.') + 1);
                    var sample = shell.Run("$samples['" + typeName + "'][0]").Output.Single();
                    var ids = IdsOf(type, sample);
                    var means = target.Needs.All(ids.ContainsKey);
                    var expected = !means || target.Path is null ? Array.Empty<string>()
                        : target.ReadFirst is null ? new[] { target.Method + " " + target.Path(ids) }
                        : new[] { "GET " + target.ReadFirst(ids), target.Method + " " + target.Path(ids) };

                    PowerShellRun run = null!;
                    var sent = _samples.Server.During(() => run = shell.Run("$samples['" + typeName + "'][0] | " + target.Script + " -ErrorAction Continue"))
                        .Select(r => r.Method + " " + r.Path).ToList();
                    pairs++;
                    var context = type + " | " + target.Script;
                    if (run.Terminating != null) problems.Add(context + ": the pipeline ended: " + run.Terminating.Message);
                    if (!sent.SequenceEqual(expected))
                        problems.Add(context + ": sent [" + string.Join(", ", sent) + "], expected [" + string.Join(", ", expected) + "]");
                    if (expected.Length == 0 && !RefusedWithTypeAndParameter(run, sample, type, target, out var why))
                        problems.Add(context + ": " + why);
                }
            }
            Assert.True(pairs >= 17 * 28, "only " + pairs + " pairs");
            Assert.True(problems.Count == 0, problems.Count + " of " + pairs + " pairs wrong:\n" + string.Join("\n", problems));
        }

        /// <summary>
        /// Refused: exactly one error, for this input. The module's own names the type and the
        /// parameter; PowerShell's binder names the parameter it lacks (InputObjectMissingMandatory)
        /// or none when nothing matched (InputObjectNotBound), and holds the input as TargetObject.
        /// </summary>
        private static bool RefusedWithTypeAndParameter(PowerShellRun run, PSObject sample, string type, Target target, out string why)
        {
            why = string.Empty;
            if (run.Errors.Count != 1)
            {
                why = run.Errors.Count + " error records: " + string.Join(" | ", run.Errors.Select(e => e.FullyQualifiedErrorId));
                return false;
            }
            var error = run.Errors[0];
            var message = error.ErrorDetails?.Message ?? error.Exception.Message;
            var target0 = error.TargetObject is PSObject wrapped ? wrapped.BaseObject : error.TargetObject;
            if (!ReferenceEquals(target0, sample.BaseObject))
            {
                why = "the error's TargetObject is not the input: " + error.FullyQualifiedErrorId + ": " + message;
                return false;
            }
            if (error.FullyQualifiedErrorId.StartsWith("PortalIo.PipelineInputRefused,", StringComparison.Ordinal))
            {
                var parameter = ((ArgumentException)error.Exception).ParamName;
                if (!message.Contains(type, StringComparison.Ordinal) || parameter is null || !message.Contains("-" + parameter, StringComparison.Ordinal))
                    why = "the error does not name the type and the parameter: " + message;
            }
            else if (error.FullyQualifiedErrorId.StartsWith("InputObjectMissingMandatory,", StringComparison.Ordinal))
            {
                // The binder names the mandatory parameters the input could not give.
                if (!Regex.IsMatch(message, @"mandatory parameters:\s+\w+")) why = "the binder's error names no parameter: " + message;
            }
            else if (error.FullyQualifiedErrorId.StartsWith("ParameterArgumentValidationError", StringComparison.Ordinal))
            {
                // The binder names the parameter whose value (from a property of the input) it refused.
                if (!message.Contains("parameter '", StringComparison.Ordinal)) why = "the binder's error names no parameter: " + message;
            }
            else if (!error.FullyQualifiedErrorId.StartsWith("InputObjectNotBound,", StringComparison.Ordinal))
            {
                why = "unexpected error " + error.FullyQualifiedErrorId + ": " + message;
            }
            return why.Length == 0;
        }
    }
}
