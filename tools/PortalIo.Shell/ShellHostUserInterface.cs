using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;
using System.Text;
using System.Text.RegularExpressions;

namespace PortalIo.Shell
{
    /// <summary>
    /// The host's user interface. Out-Default renders format views through Write/WriteLine, the
    /// engine routes the verbose/warning/debug/progress streams here, and prompts for missing
    /// parameters, credentials and ShouldProcess choices arrive here too.
    /// </summary>
    /// <remarks>
    /// Standard output carries only output; errors, warnings, verbose, debug and progress go to
    /// standard error, so <c>PortalIo.Shell script.ps1 &gt; out.txt</c> captures just the data.
    /// When standard input is redirected the shell is non-interactive: prompts that need an
    /// answer throw instead of silently consuming the next line of piped input.
    /// </remarks>
    internal sealed class ShellHostUserInterface : PSHostUserInterface
    {
        private readonly ShellRawUserInterface _rawUI = new();
        private readonly object _sync = new();
        private bool _progressLineShown;

        public override PSHostRawUserInterface RawUI => _rawUI;

        /// <summary>
        /// True only when both output streams are terminals, so that the engine's ANSI styling
        /// ($PSStyle: table headers, error view) never lands in a redirected file.
        /// </summary>
        public override bool SupportsVirtualTerminal { get; } =
            !Console.IsOutputRedirected && !Console.IsErrorRedirected &&
            !string.Equals(Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal);

        internal static bool IsInteractive => !Console.IsInputRedirected;

        // ---- output -------------------------------------------------------------------------

        public override void Write(string value)
        {
            lock (_sync)
            {
                ClearProgressLine();
                Console.Out.Write(ForStream(value, toError: false));
            }
        }

        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) =>
            WriteColored(Console.Out, foregroundColor, backgroundColor, value, newLine: false);

        public override void WriteLine(string value)
        {
            lock (_sync)
            {
                ClearProgressLine();
                Console.Out.WriteLine(ForStream(value, toError: false));
            }
        }

        public override void WriteLine(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) =>
            WriteColored(Console.Out, foregroundColor, backgroundColor, value, newLine: true);

        public override void WriteErrorLine(string value) =>
            WriteColored(Console.Error, ConsoleColor.Red, _rawUI.BackgroundColor, value, newLine: true);

        public override void WriteWarningLine(string message) =>
            WriteColored(Console.Error, ConsoleColor.Yellow, _rawUI.BackgroundColor, "WARNING: " + message, newLine: true);

        public override void WriteVerboseLine(string message) =>
            WriteColored(Console.Error, ConsoleColor.Yellow, _rawUI.BackgroundColor, "VERBOSE: " + message, newLine: true);

        public override void WriteDebugLine(string message) =>
            WriteColored(Console.Error, ConsoleColor.Yellow, _rawUI.BackgroundColor, "DEBUG: " + message, newLine: true);

        // WriteInformation is deliberately not overridden: for records whose preference is
        // Continue the engine already writes the message through WriteLine (overriding it printed
        // every Write-Information message twice).

        /// <summary>
        /// One compact, self-overwriting line on stderr, and only when stderr is a terminal:
        /// progress in a redirected log is noise.
        /// </summary>
        public override void WriteProgress(long sourceId, ProgressRecord record)
        {
            if (record is null || Console.IsErrorRedirected)
            {
                return;
            }

            lock (_sync)
            {
                if (record.RecordType == ProgressRecordType.Completed)
                {
                    ClearProgressLine();
                    return;
                }

                var text = new StringBuilder(record.Activity);
                if (!string.IsNullOrEmpty(record.StatusDescription))
                {
                    text.Append(": ").Append(record.StatusDescription);
                }

                if (record.PercentComplete >= 0)
                {
                    text.Append(' ').Append(record.PercentComplete.ToString(CultureInfo.InvariantCulture)).Append('%');
                }

                if (!string.IsNullOrEmpty(record.CurrentOperation))
                {
                    text.Append(" - ").Append(record.CurrentOperation);
                }

                var width = Math.Max(10, ShellRawUserInterface.Width - 1);
                var line = text.Length > width ? text.ToString(0, width) : text.ToString().PadRight(width);
                Console.Error.Write("\r" + line);
                _progressLineShown = true;
            }
        }

        // ---- input --------------------------------------------------------------------------

        public override string ReadLine()
        {
            // EOF on a redirected stdin reads as an empty answer rather than null: callers such
            // as Read-Host do not expect null.
            return Console.ReadLine() ?? string.Empty;
        }

        public override SecureString ReadLineAsSecureString()
        {
            var secure = new SecureString();
            if (Console.IsInputRedirected)
            {
                // No echo to suppress: take the next line as it is.
                foreach (var c in Console.ReadLine() ?? string.Empty)
                {
                    secure.AppendChar(c);
                }
            }
            else
            {
                while (true)
                {
                    var key = Console.ReadKey(intercept: true);
                    if (key.Key == ConsoleKey.Enter)
                    {
                        break;
                    }

                    if (key.Key == ConsoleKey.Backspace)
                    {
                        if (secure.Length > 0)
                        {
                            secure.RemoveAt(secure.Length - 1);
                            Console.Out.Write("\b \b");
                        }

                        continue;
                    }

                    if (!char.IsControl(key.KeyChar))
                    {
                        secure.AppendChar(key.KeyChar);
                        Console.Out.Write('*');
                    }
                }

                Console.Out.WriteLine();
            }

            secure.MakeReadOnly();
            return secure;
        }

        /// <summary>Prompts for missing mandatory parameters and similar field sets.</summary>
        public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions)
        {
            RequireInteractive("prompt for " + string.Join(", ", FieldNames(descriptions)));
            WriteCaption(caption, message);

            var results = new Dictionary<string, PSObject>(StringComparer.OrdinalIgnoreCase);
            foreach (var field in descriptions)
            {
                var label = string.IsNullOrEmpty(field.Label) ? field.Name : field.Label.Replace("&", string.Empty);
                var typeName = field.ParameterTypeFullName ?? string.Empty;

                if (typeName == typeof(SecureString).FullName)
                {
                    Write(label + ": ");
                    results[field.Name] = PSObject.AsPSObject(ReadLineAsSecureString());
                }
                else if (typeName == typeof(PSCredential).FullName)
                {
                    results[field.Name] = PSObject.AsPSObject(PromptForCredential(caption, message, string.Empty, string.Empty));
                }
                else if (typeName.EndsWith("[]", StringComparison.Ordinal))
                {
                    // Arrays: one element per line, an empty line ends the list (as in pwsh).
                    var items = new List<string>();
                    for (var i = 0; ; i++)
                    {
                        Write(string.Format(CultureInfo.InvariantCulture, "{0}[{1}]: ", label, i));
                        var line = ReadLine();
                        if (line.Length == 0)
                        {
                            break;
                        }

                        items.Add(line);
                    }

                    results[field.Name] = PSObject.AsPSObject(items.ToArray());
                }
                else
                {
                    Write(label + ": ");
                    results[field.Name] = PSObject.AsPSObject(ReadLine());
                }
            }

            return results;
        }

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
            PromptForCredential(caption, message, userName, targetName, PSCredentialTypes.Default, PSCredentialUIOptions.Default);

        public override PSCredential PromptForCredential(
            string caption,
            string message,
            string userName,
            string targetName,
            PSCredentialTypes allowedCredentialTypes,
            PSCredentialUIOptions options)
        {
            RequireInteractive("prompt for a credential");
            WriteCaption(caption, message);

            if (string.IsNullOrEmpty(userName))
            {
                Write("User: ");
                userName = ReadLine();
            }

            Write(string.Format(CultureInfo.CurrentCulture, "Password for user {0}: ", userName));
            return new PSCredential(userName, ReadLineAsSecureString());
        }

        /// <summary>
        /// ShouldProcess/ShouldContinue confirmations. Non-interactive runs take the default
        /// choice (there is nobody to ask); with no default that is an error, not a guess.
        /// </summary>
        public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
        {
            if (!IsInteractive)
            {
                if (defaultChoice >= 0 && defaultChoice < choices.Count)
                {
                    return defaultChoice;
                }

                throw new PSInvalidOperationException(
                    "PortalIo.Shell cannot ask for a choice: standard input is redirected (non-interactive) and the prompt has no default. " +
                    "Pass -Confirm:$false or -Force to the command instead.");
            }

            WriteCaption(caption, message);

            var hotkeys = new string[choices.Count];
            var prompt = new StringBuilder();
            for (var i = 0; i < choices.Count; i++)
            {
                var (hotkey, label) = ParseLabel(choices[i].Label);
                hotkeys[i] = hotkey;
                prompt.Append('[').Append(hotkey.Length > 0 ? hotkey : label).Append("] ").Append(label).Append("  ");
            }

            prompt.Append("[?] Help");
            if (defaultChoice >= 0 && defaultChoice < choices.Count)
            {
                var (hotkey, label) = ParseLabel(choices[defaultChoice].Label);
                prompt.Append(" (default is \"").Append(hotkey.Length > 0 ? hotkey : label).Append("\")");
            }

            prompt.Append(": ");

            while (true)
            {
                Write(prompt.ToString());
                var answer = ReadLine().Trim();

                if (answer.Length == 0 && defaultChoice >= 0 && defaultChoice < choices.Count)
                {
                    return defaultChoice;
                }

                if (answer == "?")
                {
                    for (var i = 0; i < choices.Count; i++)
                    {
                        var (hotkey, label) = ParseLabel(choices[i].Label);
                        WriteLine((hotkey.Length > 0 ? hotkey : label) + " - " + choices[i].HelpMessage);
                    }

                    continue;
                }

                for (var i = 0; i < choices.Count; i++)
                {
                    var (hotkey, label) = ParseLabel(choices[i].Label);
                    if (string.Equals(answer, hotkey, StringComparison.OrdinalIgnoreCase) ||
                        string.Equals(answer, label, StringComparison.OrdinalIgnoreCase))
                    {
                        return i;
                    }
                }
            }
        }

        // ---- helpers ------------------------------------------------------------------------

        private static void RequireInteractive(string what)
        {
            if (!IsInteractive)
            {
                throw new PSInvalidOperationException(
                    $"PortalIo.Shell cannot {what}: standard input is redirected (non-interactive). " +
                    "Pass the value as a parameter instead.");
            }
        }

        private static IEnumerable<string> FieldNames(Collection<FieldDescription> descriptions)
        {
            foreach (var d in descriptions)
            {
                yield return d.Name;
            }
        }

        private void WriteCaption(string caption, string message)
        {
            if (!string.IsNullOrEmpty(caption))
            {
                WriteLine(caption);
            }

            if (!string.IsNullOrEmpty(message))
            {
                WriteLine(message);
            }
        }

        /// <summary>"&amp;Yes" → ("Y", "Yes"): the character after the ampersand is the hotkey.</summary>
        private static (string Hotkey, string Label) ParseLabel(string label)
        {
            var amp = label.IndexOf('&');
            var clean = label.Replace("&", string.Empty);
            var hotkey = amp >= 0 && amp + 1 < label.Length ? label.Substring(amp + 1, 1).ToUpperInvariant() : string.Empty;
            return (hotkey, clean);
        }

        private void WriteColored(System.IO.TextWriter writer, ConsoleColor foreground, ConsoleColor background, string value, bool newLine)
        {
            lock (_sync)
            {
                ClearProgressLine();

                // Only touch the console's colours when a colour other than the current one is asked
                // for; .NET itself emits nothing when the output is redirected.
                var changeForeground = foreground != _rawUI.ForegroundColor && IsValid(foreground);
                var changeBackground = background != _rawUI.BackgroundColor && IsValid(background);
                if (changeForeground)
                {
                    Console.ForegroundColor = foreground;
                }

                if (changeBackground)
                {
                    Console.BackgroundColor = background;
                }

                value = ForStream(value, toError: ReferenceEquals(writer, Console.Error));
                try
                {
                    if (newLine)
                    {
                        writer.WriteLine(value);
                    }
                    else
                    {
                        writer.Write(value);
                    }
                }
                finally
                {
                    if (changeForeground || changeBackground)
                    {
                        writer.Flush();
                        Console.ResetColor();
                    }
                }
            }
        }

        // CSI (ESC [ ... final byte) and OSC (ESC ] ... BEL or ESC \) sequences, as $PSStyle emits them.
        private static readonly Regex AnsiSequence = new(
            @"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)",
            RegexOptions.Compiled | RegexOptions.CultureInvariant);

        /// <summary>
        /// The engine styles text with ANSI escapes ($PSStyle: table headers, error view) and
        /// leaves it to the host to drop them, as pwsh does, where they would not be rendered:
        /// with $PSStyle.OutputRendering = Host (the default) that is whenever the stream is not a
        /// terminal; PlainText always strips them and Ansi always keeps them.
        /// </summary>
        private static string ForStream(string value, bool toError)
        {
            if (string.IsNullOrEmpty(value) || value.IndexOf('\x1b') < 0)
            {
                return value;
            }

            var keep = PSStyle.Instance.OutputRendering switch
            {
                OutputRendering.Ansi => true,
                OutputRendering.PlainText => false,
                _ => toError ? !Console.IsErrorRedirected : !Console.IsOutputRedirected,
            };
            return keep ? value : AnsiSequence.Replace(value, string.Empty);
        }

        private static bool IsValid(ConsoleColor color) => color >= ConsoleColor.Black && color <= ConsoleColor.White;

        private void ClearProgressLine()
        {
            if (_progressLineShown)
            {
                Console.Error.Write("\r" + new string(' ', Math.Max(10, ShellRawUserInterface.Width - 1)) + "\r");
                _progressLineShown = false;
            }
        }
    }
}
