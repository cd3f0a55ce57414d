using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.InteropServices;

namespace PortalIo.PowerShell
{
    /// <summary>
    /// On Windows PowerShell 5.1 (.NET Framework) System.Text.Json and its family are not part of
    /// the host, so they are resolved from the module's dependencies/ folder. PowerShell 7 hosts
    /// carry a newer System.Text.Json that satisfies the 6.0 reference, so nothing is loaded from
    /// dependencies/ there and the host's own copy is shared.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        private static readonly string DependencyDirectory =
            Path.Combine(Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? ".", "dependencies");

        public void OnImport()
        {
            if (IsDesktopFramework) AppDomain.CurrentDomain.AssemblyResolve += ResolveDependency;
        }

        public void OnRemove(PSModuleInfo module)
        {
            if (IsDesktopFramework) AppDomain.CurrentDomain.AssemblyResolve -= ResolveDependency;
        }

        internal static bool IsDesktopFramework =>
            RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase);

        private static Assembly? ResolveDependency(object? sender, ResolveEventArgs args)
        {
            var path = DependencyResolver.PathFor(new AssemblyName(args.Name), DependencyDirectory);
            return path is null ? null : Assembly.LoadFrom(path);
        }
    }

    /// <summary>Which file of dependencies/ answers a request for an assembly (any version: the folder holds one of each).</summary>
    internal static class DependencyResolver
    {
        public static string? PathFor(AssemblyName requested, string dependencyDirectory)
        {
            if (string.IsNullOrEmpty(requested.Name)) return null;
            var name = requested.Name!;
            if (name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || name.Contains("..")) return null;
            var candidate = Path.Combine(dependencyDirectory, name + ".dll");
            return File.Exists(candidate) ? candidate : null;
        }
    }
}
