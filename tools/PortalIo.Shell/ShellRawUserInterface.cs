using System;
using System.Management.Automation.Host;

namespace PortalIo.Shell
{
    /// <summary>
    /// Minimal raw UI. The engine's formatter asks only for <see cref="BufferSize"/> (the width
    /// tables and lists wrap to) and the colours; the rest exists because the abstract class
    /// requires it, and does the least surprising thing for a line-based console.
    /// </summary>
    internal sealed class ShellRawUserInterface : PSHostRawUserInterface
    {
        /// <summary>Width used when there is no terminal to ask (output redirected, CI).</summary>
        public const int DefaultWidth = 120;

        private const int DefaultHeight = 50;

        // The colours the console had at start-up. On Unix, Console.ForegroundColor can report -1
        // ("unknown, terminal default"); Write-Host and the UI compare against these values to
        // decide whether a colour was asked for at all, so they must be valid enum values.
        private ConsoleColor _foreground = ReadColor(() => Console.ForegroundColor, ConsoleColor.Gray);
        private ConsoleColor _background = ReadColor(() => Console.BackgroundColor, ConsoleColor.Black);
        private string _windowTitle = "PortalIo.Shell";

        public override ConsoleColor ForegroundColor
        {
            get => _foreground;
            set => _foreground = value;
        }

        public override ConsoleColor BackgroundColor
        {
            get => _background;
            set => _background = value;
        }

        public override Size BufferSize
        {
            get => new(Width, 9999);
            set { /* The terminal owns its buffer; a line-based host cannot resize it. */ }
        }

        public override Coordinates CursorPosition
        {
            get
            {
                try
                {
                    return new Coordinates(Console.CursorLeft, Console.CursorTop);
                }
                catch (Exception e) when (e is System.IO.IOException or InvalidOperationException or PlatformNotSupportedException)
                {
                    return new Coordinates(0, 0);
                }
            }
            set
            {
                try
                {
                    Console.SetCursorPosition(value.X, value.Y);
                }
                catch (Exception e) when (e is System.IO.IOException or InvalidOperationException or ArgumentOutOfRangeException or PlatformNotSupportedException)
                {
                    // Not a terminal: there is no cursor to move.
                }
            }
        }

        public override int CursorSize { get; set; } = 25;

        public override bool KeyAvailable
        {
            get
            {
                try
                {
                    return !Console.IsInputRedirected && Console.KeyAvailable;
                }
                catch (InvalidOperationException)
                {
                    return false;
                }
            }
        }

        public override Size MaxPhysicalWindowSize => WindowSize;

        public override Size MaxWindowSize => WindowSize;

        public override Coordinates WindowPosition
        {
            get => new(0, 0);
            set { }
        }

        public override Size WindowSize
        {
            get => new(Width, Height);
            set { }
        }

        public override string WindowTitle
        {
            get => _windowTitle;
            set => _windowTitle = value ?? string.Empty;
        }

        /// <summary>Console.WindowWidth when stdout is a terminal that reports one; else 120.</summary>
        internal static int Width
        {
            get
            {
                if (!Console.IsOutputRedirected)
                {
                    try
                    {
                        var width = Console.WindowWidth;
                        if (width > 0)
                        {
                            return width;
                        }
                    }
                    catch (Exception e) when (e is System.IO.IOException or InvalidOperationException or PlatformNotSupportedException)
                    {
                    }
                }

                return DefaultWidth;
            }
        }

        private static int Height
        {
            get
            {
                if (!Console.IsOutputRedirected)
                {
                    try
                    {
                        var height = Console.WindowHeight;
                        if (height > 0)
                        {
                            return height;
                        }
                    }
                    catch (Exception e) when (e is System.IO.IOException or InvalidOperationException or PlatformNotSupportedException)
                    {
                    }
                }

                return DefaultHeight;
            }
        }

        public override void FlushInputBuffer()
        {
        }

        public override KeyInfo ReadKey(ReadKeyOptions options)
        {
            if (Console.IsInputRedirected)
            {
                throw new InvalidOperationException("PortalIo.Shell cannot read a key: standard input is redirected (non-interactive).");
            }

            var key = Console.ReadKey(intercept: (options & ReadKeyOptions.NoEcho) != 0);
            return new KeyInfo((int)key.Key, key.KeyChar, ToControlKeyStates(key.Modifiers), keyDown: true);
        }

        public override BufferCell[,] GetBufferContents(Rectangle rectangle) =>
            throw new NotSupportedException("PortalIo.Shell cannot read the screen buffer.");

        public override void ScrollBufferContents(Rectangle source, Coordinates destination, Rectangle clip, BufferCell fill) =>
            throw new NotSupportedException("PortalIo.Shell cannot scroll the screen buffer.");

        public override void SetBufferContents(Coordinates origin, BufferCell[,] contents) =>
            throw new NotSupportedException("PortalIo.Shell cannot write the screen buffer.");

        public override void SetBufferContents(Rectangle rectangle, BufferCell fill)
        {
            // The one use worth supporting: a rectangle of -1s means "clear the screen" (Clear-Host on Windows).
            if (rectangle.Left == -1 && rectangle.Top == -1 && rectangle.Right == -1 && rectangle.Bottom == -1)
            {
                try
                {
                    Console.Clear();
                }
                catch (System.IO.IOException)
                {
                }

                return;
            }

            throw new NotSupportedException("PortalIo.Shell cannot write the screen buffer.");
        }

        private static ControlKeyStates ToControlKeyStates(ConsoleModifiers modifiers)
        {
            ControlKeyStates states = 0;
            if ((modifiers & ConsoleModifiers.Alt) != 0)
            {
                states |= ControlKeyStates.LeftAltPressed;
            }

            if ((modifiers & ConsoleModifiers.Control) != 0)
            {
                states |= ControlKeyStates.LeftCtrlPressed;
            }

            if ((modifiers & ConsoleModifiers.Shift) != 0)
            {
                states |= ControlKeyStates.ShiftPressed;
            }

            return states;
        }

        private static ConsoleColor ReadColor(Func<ConsoleColor> read, ConsoleColor fallback)
        {
            try
            {
                var color = read();
                return color >= ConsoleColor.Black && color <= ConsoleColor.White ? color : fallback;
            }
            catch (Exception e) when (e is System.IO.IOException or InvalidOperationException or PlatformNotSupportedException)
            {
                return fallback;
            }
        }
    }
}
