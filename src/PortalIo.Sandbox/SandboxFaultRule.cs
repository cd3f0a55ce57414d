using System;
using System.Globalization;
using System.Threading;
using PortalIo.Sandbox.Matching;

namespace PortalIo.Sandbox
{
    /// <summary>
    /// A scripted fault: the next <see cref="Count"/> requests that match <see cref="Method"/> and
    /// <see cref="Path"/> are struck as <see cref="Mode"/> says. Made by SandboxServer.AddFault; a rule
    /// whose count is used up leaves SandboxServer.ScriptedFaults.
    /// </summary>
    public sealed class SandboxFaultRule
    {
        public const int DefaultStatus = 500;

        private readonly PathWildcard _path;
        private int _remaining;

        internal SandboxFaultRule(string? method, string path, SandboxFaultMode mode, int? status, int count)
        {
            if (!Enum.IsDefined(typeof(SandboxFaultMode), mode))
                throw new ArgumentOutOfRangeException(nameof(mode), "Unknown fault mode " + mode + ". Valid: " + string.Join(", ", Enum.GetNames(typeof(SandboxFaultMode))) + ".");
            if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), "Count must be at least 1 (how many matching requests the fault strikes).");
            method = string.IsNullOrWhiteSpace(method) ? null : method!.Trim().ToUpperInvariant();
            if (method != null && !IsToken(method))
                throw new ArgumentException("The method '" + method + "' is not an HTTP method name (e.g. GET, POST, DELETE).", nameof(method));
            var usesStatus = mode == SandboxFaultMode.FailWithStatus || mode == SandboxFaultMode.ApplyThenStatus;
            if (status.HasValue && !usesStatus)
                throw new ArgumentException("Status applies only to the FailWithStatus and ApplyThenStatus modes; " + mode + " sends no status.", nameof(status));
            var effective = status ?? DefaultStatus;
            if (mode == SandboxFaultMode.FailWithStatus && (effective < 400 || effective > 599))
                throw new ArgumentOutOfRangeException(nameof(status), "Status for FailWithStatus must be an error status from 400 to 599; got " + effective + ".");
            if (mode == SandboxFaultMode.ApplyThenStatus && (effective < 500 || effective > 599))
                throw new ArgumentOutOfRangeException(nameof(status), "Status for ApplyThenStatus must be a server error from 500 to 599 (the write was applied); got " + effective + ".");

            _path = PathWildcard.Parse(path);
            Method = method;
            Mode = mode;
            Status = usesStatus ? effective : (int?)null;
            Count = count;
            _remaining = count;
        }

        /// <summary>The HTTP method a request must have (upper case), or null for any.</summary>
        public string? Method { get; }

        /// <summary>The path wildcard (PowerShell rules, case-insensitive, matched against the path without query).</summary>
        public string Path => _path.Pattern;

        public SandboxFaultMode Mode { get; }

        /// <summary>The status sent by FailWithStatus and ApplyThenStatus; null for the other modes.</summary>
        public int? Status { get; }

        /// <summary>How many matching requests the rule strikes in all.</summary>
        public int Count { get; }

        /// <summary>How many it has still to strike.</summary>
        public int Remaining => Volatile.Read(ref _remaining);

        internal bool Matches(string method, string path) =>
            (Method == null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase)) && _path.IsMatch(path);

        /// <summary>Takes one use of the rule; false when another request took the last one first.</summary>
        internal bool TryConsume()
        {
            while (true)
            {
                var left = Volatile.Read(ref _remaining);
                if (left <= 0) return false;
                if (Interlocked.CompareExchange(ref _remaining, left - 1, left) == left) return true;
            }
        }

        public override string ToString() =>
            (Method ?? "*") + " " + Path + " -> " + Mode + (Status.HasValue ? " " + Status.Value.ToString(CultureInfo.InvariantCulture) : "")
            + " (" + Remaining + " of " + Count + " left)";

        private static bool IsToken(string text)
        {
            foreach (var c in text)
                if (!(c >= 'A' && c <= 'Z')) return false;
            return text.Length > 0;
        }
    }
}
