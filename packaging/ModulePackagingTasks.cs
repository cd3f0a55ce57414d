// MSBuild tasks (compiled by RoslynCodeTaskFactory, see Packaging.targets) that write the staged
// module manifest and the package's nuspec. Kept out of src/ so no project compiles this file.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

/// <summary>
/// Writes the staged PortalIo.psd1 from the root one: ModuleVersion = the build's version,
/// ReleaseNotes = this version's CHANGELOG section, and a FileList of exactly the files in the
/// staged folder (relative, '/'-separated, sorted), the manifest itself included.
/// </summary>
public sealed class WriteStagedManifest : Task
{
    [Required] public string SourceManifest { get; set; } = "";
    [Required] public string Destination { get; set; } = "";
    [Required] public string Version { get; set; } = "";
    [Required] public string ModuleDirectory { get; set; } = "";
    [Required] public string Changelog { get; set; } = "";

    public override bool Execute()
    {
        var text = File.ReadAllText(SourceManifest);
        var newline = text.Contains("\r\n") ? "\r\n" : "\n";

        if (Regex.IsMatch(text, @"(?m)^\s*FileList\s*="))
        {
            Log.LogError(SourceManifest + ": remove FileList; staging generates it from the staged files.");
            return false;
        }

        var versionKey = new Regex(@"ModuleVersion\s*=\s*'[^']*'");
        if (versionKey.Matches(text).Count != 1) { Log.LogError(SourceManifest + ": expected one ModuleVersion = '...'."); return false; }
        text = versionKey.Replace(text, "ModuleVersion        = '" + Version + "'");

        var notesKey = new Regex(@"ReleaseNotes\s*=\s*'(?:[^']|'')*'");
        if (notesKey.Matches(text).Count != 1) { Log.LogError(SourceManifest + ": expected one ReleaseNotes = '...' in PrivateData.PSData."); return false; }
        var notes = ChangelogSection.For(Changelog, Version).Replace("\r\n", "\n").Replace("\n", newline);
        text = notesKey.Replace(text, m => "ReleaseNotes = '" + notes.Replace("'", "''") + "'");

        var privateData = new Regex(@"(?m)^([ \t]*)PrivateData\s*=");
        var anchor = privateData.Match(text);
        if (!anchor.Success) { Log.LogError(SourceManifest + ": expected a PrivateData key (FileList is inserted before it)."); return false; }
        var indent = anchor.Groups[1].Value;
        var root = Path.GetFullPath(ModuleDirectory).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var files = Directory.Exists(root)
            ? Directory.GetFiles(root, "*", SearchOption.AllDirectories).Select(f => f.Substring(root.Length).Replace('\\', '/')).ToList()
            : new List<string>();
        files.Add(Path.GetFileName(Destination));
        var list = new StringBuilder();
        list.Append(indent).Append("FileList             = @(").Append(newline);
        foreach (var file in files.Distinct(StringComparer.Ordinal).OrderBy(f => f, StringComparer.Ordinal))
            list.Append(indent).Append("    '").Append(file.Replace("'", "''")).Append('\'').Append(newline);
        list.Append(indent).Append(')').Append(newline);
        text = text.Insert(anchor.Index, list.ToString());

        // UTF-8 with a BOM: Windows PowerShell 5.1 reads a psd1 without one in the ANSI code page.
        var bytes = new UTF8Encoding(true).GetPreamble().Concat(new UTF8Encoding(false).GetBytes(text)).ToArray();
        if (!File.Exists(Destination) || !File.ReadAllBytes(Destination).SequenceEqual(bytes))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(Destination)));
            File.WriteAllBytes(Destination, bytes);
        }
        return true;
    }
}

/// <summary>
/// Writes the nuspec of the PowerShell Gallery package from the staged manifest: the same id,
/// version, author, description, copyright and release notes; the gallery's tags (PSModule,
/// PSEdition_*, PSIncludes_Cmdlet, PSCmdlet_/PSCommand_ per exported cmdlet) after PSData.Tags;
/// and one file element per FileList entry, at the package root as Publish-Module lays it out.
/// </summary>
public sealed class WriteModuleNuspec : Task
{
    [Required] public string StagedManifest { get; set; } = "";
    [Required] public string Destination { get; set; } = "";
    [Required] public string PackageId { get; set; } = "";

    public override bool Execute()
    {
        if (!File.Exists(StagedManifest)) { Log.LogError("The module is not staged (" + StagedManifest + "); build src/PortalIo first."); return false; }
        var text = File.ReadAllText(StagedManifest);

        string Scalar(string key)
        {
            var m = Regex.Match(text, @"(?m)^\s*" + key + @"\s*=\s*'((?:[^']|'')*)'");
            return m.Success ? m.Groups[1].Value.Replace("''", "'") : "";
        }
        List<string> ListOf(string key)
        {
            var m = Regex.Match(text, @"(?m)^\s*" + key + @"\s*=\s*@\(([^)]*)\)");
            return m.Success
                ? Regex.Matches(m.Groups[1].Value, @"'((?:[^']|'')*)'").Cast<Match>().Select(v => v.Groups[1].Value.Replace("''", "'")).ToList()
                : new List<string>();
        }

        var version = Scalar("ModuleVersion");
        var description = Scalar("Description");
        var author = Scalar("Author");
        var cmdlets = ListOf("CmdletsToExport");
        var files = ListOf("FileList");
        if (version.Length == 0 || description.Length == 0 || author.Length == 0 || cmdlets.Count == 0 || files.Count == 0 || cmdlets.Contains("*"))
        {
            Log.LogError(StagedManifest + ": ModuleVersion, Author, Description, an explicit CmdletsToExport and FileList are required to package.");
            return false;
        }

        var tags = new List<string>(ListOf("Tags")) { "PSModule" };
        tags.AddRange(ListOf("CompatiblePSEditions").Select(e => "PSEdition_" + e));
        tags.Add("PSIncludes_Cmdlet");
        tags.AddRange(cmdlets.Select(c => "PSCmdlet_" + c));
        tags.AddRange(cmdlets.Select(c => "PSCommand_" + c));
        tags = tags.Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var bad = tags.FirstOrDefault(t => t.Any(char.IsWhiteSpace));
        if (bad != null) { Log.LogError(StagedManifest + ": the tag '" + bad + "' contains white space."); return false; }

        XNamespace ns = "http://schemas.microsoft.com/packaging/2011/08/nuspec.xsd";
        var metadata = new XElement(ns + "metadata",
            new XElement(ns + "id", PackageId),
            new XElement(ns + "version", version),
            new XElement(ns + "authors", author),
            new XElement(ns + "owners", author),
            new XElement(ns + "requireLicenseAcceptance", "false"),
            new XElement(ns + "description", description));
        var notes = Scalar("ReleaseNotes");
        if (notes.Length > 0) metadata.Add(new XElement(ns + "releaseNotes", notes));
        var copyright = Scalar("Copyright");
        if (copyright.Length > 0) metadata.Add(new XElement(ns + "copyright", copyright));
        var projectUri = Scalar("ProjectUri");
        if (projectUri.Length > 0) metadata.Add(new XElement(ns + "projectUrl", projectUri));
        var licenseUri = Scalar("LicenseUri");
        if (licenseUri.Length > 0) metadata.Add(new XElement(ns + "licenseUrl", licenseUri));
        metadata.Add(new XElement(ns + "tags", string.Join(" ", tags)));

        var fileElements = new XElement(ns + "files",
            files.Select(f => new XElement(ns + "file", new XAttribute("src", f), new XAttribute("target", f))));
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement(ns + "package", metadata, fileElements));

        var content = document.Declaration + "\n" + document.Root;
        if (!File.Exists(Destination) || File.ReadAllText(Destination) != content)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(Destination)));
            File.WriteAllText(Destination, content, new UTF8Encoding(false));
        }
        return true;
    }
}

/// <summary>The release notes of a version: its "## [x.y.z]" section of CHANGELOG.md, else [Unreleased], else a pointer.</summary>
internal static class ChangelogSection
{
    public static string For(string changelogPath, string version)
    {
        var pointer = "See CHANGELOG.md of PortalIo " + version + ".";
        if (!File.Exists(changelogPath)) return pointer;
        var lines = File.ReadAllLines(changelogPath);
        return Section(lines, @"^##\s*\[" + Regex.Escape(version) + @"\]")
            ?? Section(lines, @"^##\s*\[Unreleased\]")
            ?? pointer;
    }

    private static string Section(string[] lines, string heading)
    {
        var start = System.Array.FindIndex(lines, l => Regex.IsMatch(l, heading, RegexOptions.IgnoreCase));
        if (start < 0) return null;
        var body = lines.Skip(start + 1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal)).ToList();
        var text = string.Join("\n", body).Trim();
        return text.Length == 0 ? null : lines[start].TrimStart('#', ' ') + "\n\n" + text;
    }
}
