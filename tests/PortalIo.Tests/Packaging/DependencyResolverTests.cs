using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using PortalIo.PowerShell;
using Xunit;

namespace PortalIo.Tests.Packaging
{
    /// <summary>
    /// design.md §8: on Windows PowerShell 5.1 the System.Text.Json family is resolved from the
    /// module's dependencies/ folder by an AssemblyResolve handler; on PowerShell 7 nothing is
    /// registered and the host's own copy is used. Only .NET (Core) runs here, so the resolver is
    /// tested as a function and the registration by inspecting the handlers.
    /// </summary>
    public sealed class DependencyResolverTests : IDisposable
    {
        private readonly string _root = Path.Combine(Path.GetTempPath(), "PortalIo.Resolver." + Guid.NewGuid().ToString("N"));
        private readonly string _dependencies;

        public DependencyResolverTests()
        {
            _dependencies = Path.Combine(_root, "dependencies");
            Directory.CreateDirectory(_dependencies);
            File.WriteAllBytes(Path.Combine(_dependencies, "System.Text.Json.dll"), new byte[] { 0 });
            // Files outside dependencies/ that a crafted name could try to reach.
            File.WriteAllBytes(Path.Combine(_root, "Evil.dll"), new byte[] { 0 });
            Directory.CreateDirectory(Path.Combine(_dependencies, "sub"));
            File.WriteAllBytes(Path.Combine(_dependencies, "sub", "Nested.dll"), new byte[] { 0 });
        }

        public void Dispose()
        {
            try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
        }

        [Theory]
        [InlineData("System.Text.Json, Version=6.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51")]
        [InlineData("System.Text.Json, Version=8.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51")]
        [InlineData("System.Text.Json, Version=10.0.0.0")]
        [InlineData("System.Text.Json")]
        public void Any_version_of_a_name_in_dependencies_resolves_to_its_file(string requested)
        {
            var path = DependencyResolver.PathFor(new AssemblyName(requested), _dependencies);
            Assert.NotNull(path);
            Assert.Equal(Path.GetFullPath(Path.Combine(_dependencies, "System.Text.Json.dll")), Path.GetFullPath(path!), ignoreCase: !OperatingSystem.IsLinux());
        }

        [Theory]
        [InlineData("../Evil")]
        [InlineData("..\\Evil")]
        [InlineData("..")]
        [InlineData("sub/Nested")]
        [InlineData("/etc/passwd")]
        public void Names_with_path_characters_are_refused(string name)
        {
            var requested = new AssemblyName { Name = name };
            Assert.Null(DependencyResolver.PathFor(requested, _dependencies));
        }

        [Fact]
        public void Unknown_and_empty_names_return_null()
        {
            Assert.Null(DependencyResolver.PathFor(new AssemblyName("Newtonsoft.Json, Version=13.0.0.0"), _dependencies));
            Assert.Null(DependencyResolver.PathFor(new AssemblyName(), _dependencies));
            Assert.Null(DependencyResolver.PathFor(new AssemblyName("System.Text.Json"), Path.Combine(_root, "missing")));
        }

        [Fact]
        public void Every_staged_dependency_is_found_under_its_own_assembly_name()
        {
            var staged = Path.Combine(TestPaths.RepoRoot, "out", "PortalIo", "dependencies");
            var files = Directory.GetFiles(staged, "*.dll");
            Assert.NotEmpty(files);
            foreach (var file in files)
            {
                var name = AssemblyName.GetAssemblyName(file);
                Assert.Equal(Path.GetFullPath(file), Path.GetFullPath(DependencyResolver.PathFor(name, staged)!));
            }
        }

        [Fact]
        public void The_handler_is_registered_only_on_dotnet_framework()
        {
            Assert.False(ModuleInitializer.IsDesktopFramework);

            // Make sure the inspection sees registrations at all, then that OnImport adds none.
            ResolveEventHandler probe = (_, _) => null;
            AppDomain.CurrentDomain.AssemblyResolve += probe;
            try { Assert.Contains(RegisteredHandlers(), h => h.Method == probe.Method); }
            finally { AppDomain.CurrentDomain.AssemblyResolve -= probe; }

            var initializer = new ModuleInitializer();
            initializer.OnImport();
            try
            {
                Assert.DoesNotContain(RegisteredHandlers(), h => h.Method.DeclaringType == typeof(ModuleInitializer));
            }
            finally
            {
                initializer.OnRemove(null!);
            }
        }

        /// <summary>On .NET, AppDomain.AssemblyResolve is stored in AssemblyLoadContext's static event.</summary>
        private static Delegate[] RegisteredHandlers()
        {
            var field = typeof(AssemblyLoadContext).GetField("AssemblyResolve", BindingFlags.NonPublic | BindingFlags.Static)
                ?? throw new InvalidOperationException("AssemblyLoadContext.AssemblyResolve's field was not found on " + Environment.Version);
            return (field.GetValue(null) as Delegate)?.GetInvocationList() ?? Array.Empty<Delegate>();
        }
    }
}
