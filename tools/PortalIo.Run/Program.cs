using System;
using System.Diagnostics;
using System.IO;

// Runs a script (or, with no arguments, a prompt) in the real pwsh of the tool manifest, with the
// staged module imported: what a newcomer needs on a machine that has only the .NET SDK. Building
// this project builds and stages the module and restores the pinned pwsh (PortalIo.Run.csproj).
var root = AppContext.BaseDirectory;
while (!File.Exists(Path.Combine(root, "PortalIo.sln")))
    root = Path.GetDirectoryName(root.TrimEnd(Path.DirectorySeparatorChar)) ?? throw new InvalidOperationException("PortalIo.sln not found above " + AppContext.BaseDirectory);

// `dotnet tool run` finds the manifest from its working directory, so pwsh starts in the repository.
var info = new ProcessStartInfo("dotnet") { WorkingDirectory = root };
info.Environment["PORTALIO_MODULE"] = Path.Combine(root, "out", "PortalIo", "PortalIo.psd1");
string[] pwsh = args.Length == 0
    ? ["-NoExit", "-Command", "Import-Module $env:PORTALIO_MODULE"]
    : ["-Command", "Import-Module $env:PORTALIO_MODULE -ErrorAction Stop; & '" + Path.GetFullPath(args[0]).Replace("'", "''") +
       "' @args; exit $(if ($?) { 0 } else { 1 })", .. args[1..]];
foreach (var argument in (string[])["tool", "run", "pwsh", "-NoLogo", "-NoProfile", .. pwsh]) info.ArgumentList.Add(argument);
// Ctrl+C belongs to pwsh, which stops the running command; the launcher only waits for it to exit.
Console.CancelKeyPress += (_, e) => e.Cancel = true;
using var process = Process.Start(info)!;
process.WaitForExit();
return process.ExitCode;
