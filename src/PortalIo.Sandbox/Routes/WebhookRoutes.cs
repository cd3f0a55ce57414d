using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using PortalIo.Sandbox.Data;
using PortalIo.Sandbox.Http;
using PortalIo.Sandbox.Model;
using PortalIo.Sandbox.Routing;
using PortalIo.Sandbox.Webhooks;

namespace PortalIo.Sandbox.Routes
{
    /// <summary>
    /// Webhook subscriptions. Unknown or other-account ids answer 400, not 404, on update and
    /// delete, as documented. The list omits secretKey (one of the documented versions of the list
    /// page; see docs/api-decisions.md, 'Webhook secrets'): the key is shown by the create and
    /// update calls, never by the list.
    /// </summary>
    internal sealed class WebhookRoutes
    {
        private readonly EmulatorStore _store;

        public WebhookRoutes(EmulatorStore store) { _store = store; }

        public void Register(Router router)
        {
            router.Map("POST", "/public/webhook/subscribe", RouteAccess.PublicWrite, Subscribe);
            router.Map("GET", "/public/webhook/subscriptions", RouteAccess.PublicRead, List);
            router.Map("POST", "/public/webhook/subscription/{subscriptionId}", RouteAccess.PublicWrite, Update);
            router.Map("DELETE", "/public/webhook/unsubscribe/{subscriptionId}", RouteAccess.PublicWrite, Delete);
        }

        private EmulatorResponse Subscribe(EmulatorRequest request)
        {
            var form = request.Form;
            if (form == null) return ErrorBodies.BadRequestBare();
            var errors = new List<FieldError>();
            var url = (form.Get("Url") ?? "").Trim();
            if (url.Length == 0) errors.Add(FormReading.NotEmpty("Url", "Url"));
            else CheckUrl(url, errors);
            var events = FormReading.Multi(form, "Events");
            if (events.Count == 0) errors.Add(FormReading.NotEmpty("Events", "Events"));
            var canonical = CanonicalEvents(events, errors);
            if (errors.Count > 0) return FormReading.ValidationFailed(errors);

            var me = request.User!;
            lock (_store.SyncRoot)
            {
                var subscription = new WebhookSubscription
                {
                    Id = _store.NextSubscriptionId(),
                    Account = me.Account,
                    Url = url,
                    Description = form.Get("Description")?.Trim() ?? "",
                    Enabled = true,
                    SecretKey = NewSecretKey(),
                    Events = canonical,
                    CreatedDate = ProposalRoutes.Now(),
                };
                _store.AddSubscription(subscription);
                return EmulatorResponse.Json(ProposalRoutes.CreatedStatusCode, JsonOutput.Write(w => Write(w, subscription, includeSecret: true)));
            }
        }

        private EmulatorResponse List(EmulatorRequest request)
        {
            var me = request.User!;
            lock (_store.SyncRoot)
            {
                var mine = _store.Subscriptions.Where(s => s.Account == me.Account).OrderBy(s => s.Id).ToList();
                return EmulatorResponse.Json(200, JsonOutput.Write(w =>
                {
                    w.WriteStartArray();
                    foreach (var s in mine) Write(w, s, includeSecret: false);
                    w.WriteEndArray();
                }));
            }
        }

        /// <summary>Patch: only given fields change (an empty value counts as not given); at least one is required; the secret never changes.</summary>
        private EmulatorResponse Update(EmulatorRequest request)
        {
            var id = RouteLong(request);
            if (id == null) return ErrorBodies.BadRequestBare();
            var form = request.Form;
            if (form == null) return ErrorBodies.BadRequestBare();
            if (!FormReading.TryBool(form, "Enabled", out var enabled)) return ErrorBodies.BadRequestBare();
            var url = form.Get("Url")?.Trim();
            var description = form.Get("Description");
            var events = FormReading.Multi(form, "Events");
            var errors = new List<FieldError>();
            bool anyField = !string.IsNullOrEmpty(url) || enabled.HasValue || !string.IsNullOrEmpty(description) || events.Count > 0;
            if (!anyField)
                errors.Add(new FieldError("NotEmpty", "Url", "At least one of 'Url', 'Events', 'Enabled' or 'Description' must be specified."));
            if (!string.IsNullOrEmpty(url)) CheckUrl(url!, errors);
            var canonical = CanonicalEvents(events, errors);
            if (errors.Count > 0) return FormReading.ValidationFailed(errors);

            lock (_store.SyncRoot)
            {
                var subscription = _store.FindSubscriptionInAccount(id.Value, request.User!.Account);
                if (subscription == null) return NoSuchSubscription(id.Value);
                if (!string.IsNullOrEmpty(url)) subscription.Url = url!;
                if (events.Count > 0) subscription.Events = canonical;
                if (enabled.HasValue) subscription.Enabled = enabled.Value;
                if (!string.IsNullOrEmpty(description)) subscription.Description = description!.Trim();
                // The update page says the full subscription, secretKey (unchanged) included, comes back.
                return EmulatorResponse.Json(200, JsonOutput.Write(w => Write(w, subscription, includeSecret: true)));
            }
        }

        private EmulatorResponse Delete(EmulatorRequest request)
        {
            var id = RouteLong(request);
            if (id == null) return ErrorBodies.BadRequestBare();
            lock (_store.SyncRoot)
            {
                var subscription = _store.FindSubscriptionInAccount(id.Value, request.User!.Account);
                if (subscription == null) return NoSuchSubscription(id.Value);
                _store.RemoveSubscription(subscription);
                return EmulatorResponse.Json(200, JsonOutput.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteBoolean("success", true);
                    w.WriteNumber("subscriptionId", subscription.Id);
                    w.WriteEndObject();
                }));
            }
        }

        private static void Write(Utf8JsonWriter w, WebhookSubscription s, bool includeSecret)
        {
            w.WriteStartObject();
            w.WriteNumber("subscriptionId", s.Id);
            w.WriteString("url", s.Url);
            w.WriteString("description", s.Description);
            w.WriteBoolean("enabled", s.Enabled);
            if (includeSecret) w.WriteString("secretKey", s.SecretKey);
            w.WriteStartArray("events");
            foreach (var e in s.Events) w.WriteStringValue(e);
            w.WriteEndArray();
            w.WriteEndObject();
        }

        private static void CheckUrl(string url, List<FieldError> errors)
        {
            var problem = WebhookUrlRules.Check(url);
            if (problem != null) errors.Add(new FieldError("InvalidUrl", "Url", problem));
        }

        private static List<string> CanonicalEvents(List<string> names, List<FieldError> errors)
        {
            var result = new List<string>();
            foreach (var name in names)
            {
                var canonical = WebhookEventNames.ToCanonical(name);
                if (canonical == null)
                    errors.Add(new FieldError("InvalidEvent", "Events", "'" + name + "' is not a known event. Valid: " + WebhookEventNames.ValidNamesText + "."));
                else if (!result.Contains(canonical))
                    result.Add(canonical);
            }
            return result;
        }

        private static EmulatorResponse NoSuchSubscription(long id) =>
            ErrorBodies.Structured(400, "SubscriptionNotFound", "No active webhook subscription with id " + id + " exists for this account.");

        private static long? RouteLong(EmulatorRequest request) =>
            request.RouteValues.TryGetValue("subscriptionId", out var text)
            && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : (long?)null;

        /// <summary>"whsec_" + 32 base64url characters (24 random bytes).</summary>
        private static string NewSecretKey()
        {
            var bytes = new byte[24];
            using (var rng = RandomNumberGenerator.Create()) rng.GetBytes(bytes);
            return "whsec_" + Convert.ToBase64String(bytes).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        }
    }
}
