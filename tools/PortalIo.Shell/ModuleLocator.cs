using System;
using System.IO;

namespace PortalIo.Shell
{
    /// <summary>
    /// Finds the staged module manifest the shell imports by default.
    /// Order: PORTALIO_MODULE (a path to a psd1), then out/PortalIo/PortalIo.psd1 in the first
    /// directory, walking up from the shell's own binaries, that contains it. Walking up from
    /// AppContext.BaseDirectory (bin/Debug/net10.0/) rather than the current directory means the
    /// shell finds the repo's staged module whatever directory the user runs it from.
    /// </summary>
    internal static class ModuleLocator
    {
        public const string EnvironmentVariable = "PORTALIO_MODULE";
        public static readonly string RelativeManifestPath = Path.Combine("out", "PortalIo", "PortalIo.psd1");

        /// <summary>Returns the full path of the manifest, or null when none is found.</summary>
        /// <param name="error">Why the lookup failed (for the message to the user).</param>
        public static string? Find(out string? error)
        {
            error = null;

            var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
            if (!string.IsNullOrWhiteSpace(fromEnvironment))
            {
                var full = Path.GetFullPath(fromEnvironment);
                if (File.Exists(full))
                {
                    return full;
                }

                // An explicit setting that points nowhere is a mistake worth reporting, not
                // something to paper over by silently importing a different copy.
                error = $"{EnvironmentVariable} is set to '{fromEnvironment}', but no such file exists.";
                return null;
            }

            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, RelativeManifestPath);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            error = $"Could not find the staged module ({RelativeManifestPath.Replace('\\', '/')}) in any directory above " +
                    $"'{AppContext.BaseDirectory}'. Run 'dotnet build' at the repository root first, " +
                    $"or set {EnvironmentVariable} to the path of PortalIo.psd1, or pass -Module <path>, or -NoModule.";
            return null;
        }
    }
}
