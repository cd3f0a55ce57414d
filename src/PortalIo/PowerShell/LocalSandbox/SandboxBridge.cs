using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using PortalIo.Sandbox;
using PortalIo.Sandbox.Faults;

namespace PortalIo.PowerShell.LocalSandbox
{
    /// <summary>
    /// The only code that touches PortalIo.Sandbox types (the local sandbox). Every member is kept out
    /// of line so the sandbox assembly is loaded when a sandbox cmdlet first runs, not when the
    /// module is imported (bench scenario import, row "lazy loading", checks it). What it hands back
    /// is in this assembly's types: PortalSandbox, PortalSandboxRequest, PortalSandboxFault,
    /// PortalSandboxWebhookDelivery, strings.
    /// </summary>
    internal static class SandboxBridge
    {
        /// <exception cref="FormatException">The fixture breaks a rule (the message names the place).</exception>
        /// <exception cref="InvalidOperationException">No port could be bound.</exception>
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static PortalSandbox Start(SandboxStartSettings settings)
        {
            var options = new SandboxOptions
            {
                Port = settings.Port,
                Latency = settings.Latency,
                FaultRate = settings.FaultRate,
                FaultKinds = settings.FaultKinds?.Select(k => (FaultKind)Enum.Parse(typeof(FaultKind), k, ignoreCase: true)).ToList(),
                Empty = settings.Empty,
                Data = settings.DataJson == null ? null : SandboxData.FromJson(settings.DataJson),
                RateLimit = settings.RateLimit,
            };
            if (settings.AiStepDuration.HasValue) options.AiStepDuration = settings.AiStepDuration.Value;
            var server = SandboxServer.Start(options);
            return new PortalSandbox(server, server.BaseUri, server.ApplicationKey, server.SecretKey, server.UserName, server.Password);
        }

        /// <summary>The names Start-PortalSandbox -FaultKind accepts.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static string[] FaultKindNames() => Enum.GetNames(typeof(FaultKind));

        /// <summary>The names Set-PortalSandboxFault -Mode accepts.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static string[] FaultModeNames() => Enum.GetNames(typeof(SandboxFaultMode));

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void Stop(object server) => ((SandboxServer)server).Stop();

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static bool IsRunning(object server) => ((SandboxServer)server).IsRunning;

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static long RequestCount(object server) => ((SandboxServer)server).RequestCount;

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static string StartKind(object server) => ((SandboxServer)server).StartKind.ToString();

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static TimeSpan Latency(object server) => ((SandboxServer)server).Latency;

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static double FaultRate(object server) => ((SandboxServer)server).FaultRate;

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static int RateLimit(object server) => ((SandboxServer)server).RateLimit;

        // ---- The journal ------------------------------------------------------------------------

        /// <exception cref="ArgumentException">A malformed wildcard (ParamName "path") or last below 1.</exception>
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static List<PortalSandboxRequest> GetRequests(object server, string? method, string? path, int? last) =>
            ((SandboxServer)server).GetRequests(method, path, last).Select(ToRequest).ToList();

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void ClearRequests(object server) => ((SandboxServer)server).ClearRequests();

        private static PortalSandboxRequest ToRequest(SandboxRequestRecord record)
        {
            var query = new Hashtable(StringComparer.OrdinalIgnoreCase);
            foreach (var pair in record.QueryParameters)
                query[pair.Key] = pair.Value.Count == 1 ? (object)pair.Value[0] : pair.Value.ToArray();
            return new PortalSandboxRequest
            {
                Sequence = record.Sequence,
                Time = new DateTimeOffset(DateTime.SpecifyKind(record.ReceivedAtUtc, DateTimeKind.Utc)).ToLocalTime(),
                Method = record.Method,
                Path = record.Path,
                Query = query,
                Body = PlainValue(record.ParsedBody),
                BodyKind = record.BodyKind.ToString(),
                BodyText = record.Body,
                ContentType = record.ContentType,
                StatusCode = record.StatusCode,
                Outcome = record.Outcome.ToString(),
                Fault = record.Fault,
                Processed = record.Processed,
                RateLimited = record.RateLimited,
                InFlightOnArrival = record.InFlightOnArrival,
                UserName = record.UserName,
                SignatureValid = record.SignatureValid,
            };
        }

        /// <summary>The journal's read-only dictionaries and lists as what PowerShell users index and compare: hashtables and arrays.</summary>
        private static object? PlainValue(object? value)
        {
            switch (value)
            {
                case null:
                    return null;
                case string _:
                    return value;
                case SandboxUploadedFile file:
                    return new Hashtable(StringComparer.OrdinalIgnoreCase) { ["FileName"] = file.FileName, ["ContentType"] = file.ContentType, ["Length"] = file.Length };
                case IReadOnlyDictionary<string, object?> fields:
                    var table = new Hashtable(StringComparer.OrdinalIgnoreCase);
                    foreach (var pair in fields) table[pair.Key] = PlainValue(pair.Value);
                    return table;
                case IReadOnlyList<string> repeated:
                    return repeated.ToArray();
                case IReadOnlyList<object?> items:
                    return items.Select(PlainValue).ToArray();
                default:
                    return value;
            }
        }

        // ---- Scripted faults --------------------------------------------------------------------

        /// <exception cref="ArgumentException">A parameter breaks its rule; ParamName is method, path, mode, status or count.</exception>
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static PortalSandboxFault AddFault(object server, string? method, string path, string mode, int? status, int count)
        {
            var parsed = (SandboxFaultMode)Enum.Parse(typeof(SandboxFaultMode), mode, ignoreCase: true);
            return ToFault(((SandboxServer)server).AddFault(method, path, parsed, status, count));
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static List<PortalSandboxFault> Faults(object server) => ((SandboxServer)server).ScriptedFaults.Select(ToFault).ToList();

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void ClearFaults(object server) => ((SandboxServer)server).ClearFaults();

        private static PortalSandboxFault ToFault(SandboxFaultRule rule) => new PortalSandboxFault
        {
            Method = rule.Method,
            Path = rule.Path,
            Mode = rule.Mode.ToString(),
            Status = rule.Status,
            Count = rule.Count,
            Remaining = rule.Remaining,
        };

        // ---- State ------------------------------------------------------------------------------

        /// <exception cref="InvalidOperationException">The sandbox was stopped.</exception>
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void Reset(object server) => ((SandboxServer)server).Reset();

        /// <summary>The current data as a fixture (JSON text), and how much of each kind it holds.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static (string Json, string Summary) ExportData(object server)
        {
            var data = ((SandboxServer)server).ExportData();
            return (data.ToJson(), data.ContactCount + " contacts, " + data.ProposalCount + " proposals, " + data.CatalogItemCount + " catalog items, " + data.WebhookCount + " webhooks");
        }

        /// <summary>Checks a fixture without starting anything.</summary>
        /// <exception cref="FormatException">It breaks a rule (the message names the place).</exception>
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void CheckData(string json) => SandboxData.FromJson(json);

        // ---- Back doors -------------------------------------------------------------------------

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void SetProposalStatus(object server, int proposalId, string status) =>
            ((SandboxServer)server).SetProposalStatus(proposalId, status);

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void ModifyContact(object server, int contactId, string field, string value) =>
            ((SandboxServer)server).ModifyContact(contactId, field, value);

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void ModifyContact(object server, int contactId, IEnumerable<KeyValuePair<string, string>> changes) =>
            ((SandboxServer)server).ModifyContact(contactId, changes);

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void AddLineItem(object server, int proposalId, int optionId, int catalogItemId, decimal quantity) =>
            ((SandboxServer)server).AddLineItem(proposalId, optionId, catalogItemId, quantity);

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void RouteWebhookHost(object server, string publicHost, Uri localTarget) =>
            ((SandboxServer)server).RouteWebhookHost(publicHost, localTarget);

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static bool UnrouteWebhookHost(object server, string publicHost) =>
            ((SandboxServer)server).UnrouteWebhookHost(publicHost);

        // ---- Webhook deliveries -----------------------------------------------------------------

        /// <summary>The deliveries, each event to each subscription once with its attempts, in the order of their first attempt.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static List<PortalSandboxWebhookDelivery> WebhookDeliveries(object server) =>
            ((SandboxServer)server).WebhookDeliveries
                .GroupBy(a => a.EventId)
                .Select(attempts =>
                {
                    var ordered = attempts.OrderBy(a => a.Attempt).ToList();
                    var last = ordered[ordered.Count - 1];
                    return new PortalSandboxWebhookDelivery
                    {
                        EventId = last.EventId,
                        EventType = last.EventType,
                        SubscriptionId = last.SubscriptionId,
                        Url = last.Url,
                        DeliveredTo = last.DeliveredTo,
                        Body = last.Body,
                        Attempts = ordered.Select(a => new PortalSandboxWebhookAttempt
                        {
                            Attempt = a.Attempt,
                            Time = new DateTimeOffset(DateTime.SpecifyKind(a.AttemptedAtUtc, DateTimeKind.Utc)).ToLocalTime(),
                            DeliveredTo = a.DeliveredTo,
                            StatusCode = a.StatusCode,
                            Error = a.Error,
                            WillRetry = a.WillRetry,
                        }).ToList(),
                    };
                })
                .OrderBy(d => d.FirstAttempt)
                .ToList();

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static int WebhookAttemptsInProgress(object server) => ((SandboxServer)server).WebhookAttemptsInProgress;
    }
}
