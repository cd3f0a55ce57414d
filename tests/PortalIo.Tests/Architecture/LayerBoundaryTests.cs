using System;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using PortalIo.Http;
using Xunit;

namespace PortalIo.Tests.Architecture
{
    /// <summary>
    /// The core (signing, HTTP, API routes, sessions, models, webhooks) knows nothing of PowerShell;
    /// only the PowerShell layer (Commands/ and PowerShell/) may use System.Management.Automation.
    /// See ARCHITECTURE.md.
    /// </summary>
    public class LayerBoundaryTests
    {
        private static readonly string[] CoreNamespaces =
            { "PortalIo.Signing", "PortalIo.Http", "PortalIo.Api", "PortalIo.Session", "PortalIo.Models", "PortalIo.Webhooks" };

        private static readonly string[] PowerShellLayerNamespaces = { "PortalIo.Commands", "PortalIo.PowerShell" };

        private static readonly Type[] ModuleTypes = typeof(PortalClient).Assembly.GetTypes();

        private static bool IsIn(string? ns, string root) => ns == root || (ns ?? string.Empty).StartsWith(root + ".", StringComparison.Ordinal);

        private static bool IsCore(Type type) => CoreNamespaces.Any(root => IsIn(type.Namespace, root));

        [Fact]
        public void No_core_type_uses_a_PowerShell_type()
        {
            var uses = ModuleTypes.Where(IsCore).SelectMany(PowerShellReferences.In).ToList();
            Assert.True(uses.Count == 0, "The core uses PowerShell (move this code to the PowerShell layer):\n" + string.Join("\n", uses));
        }

        [Fact]
        public void No_core_source_file_names_PowerShell()
        {
            var sourceRoot = Path.Combine(TestPaths.RepoRoot, "src", "PortalIo");
            var offenders = CoreNamespaces
                .Select(ns => Path.Combine(sourceRoot, ns.Substring("PortalIo.".Length)))
                .SelectMany(folder => Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories))
                .Where(file => File.ReadAllText(file).Contains("System.Management.Automation", StringComparison.Ordinal))
                .Select(file => Path.GetRelativePath(sourceRoot, file))
                .ToList();
            Assert.Empty(offenders);
        }

        [Fact]
        public void Every_type_is_either_core_or_in_the_PowerShell_layer()
        {
            // A new top-level namespace must be placed on one side of the line, not escape the check.
            // (The compiler's own embedded attributes are neither.)
            var unplaced = ModuleTypes
                .Where(t => !t.IsDefined(typeof(CompilerGeneratedAttribute), false))
                .Where(t => !IsCore(t) && !PowerShellLayerNamespaces.Any(root => IsIn(t.Namespace, root)))
                .Select(t => t.FullName)
                .ToList();
            Assert.Empty(unplaced);
        }

        [Fact]
        public void The_check_sees_the_uses_of_the_PowerShell_layer()
        {
            // A scanner that finds nothing anywhere would pass the core too: it must see these.
            var cmdletBase = PowerShellReferences.In(typeof(PortalIo.PowerShell.PortalCmdlet));
            Assert.Contains(cmdletBase, use => use.Contains("(base type)") && use.EndsWith("System.Management.Automation.PSCmdlet"));
            Assert.Contains(cmdletBase, use => use.Contains("(uses type)") && use.EndsWith("System.Management.Automation.PipelineStoppedException"));
            var errors = PowerShellReferences.In(typeof(PortalIo.PowerShell.Errors.ErrorRecordFactory));
            Assert.Contains(errors, use => use.Contains("FromApiException (calls .ctor)") && use.EndsWith("System.Management.Automation.ErrorRecord"));
        }
    }
}
