using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Net.Http;
using System.Text.Json;
using PortalIo.Http;
using PortalIo.PowerShell;
using PortalIo.PowerShell.Errors;

namespace PortalIo.Commands.Plumbing
{
    /// <summary>
    /// Calls any route through the same signed path as every cmdlet (signing, retries, errors),
    /// for routes or variants a cmdlet does not cover. Writes the parsed JSON.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "PortalRequest", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = NoBodySet)]
    [OutputType(typeof(PSObject))]
    public sealed class InvokePortalRequestCommand : PortalApiCmdlet
    {
        private const string NoBodySet = "NoBody";
        private const string FormSet = "Form";
        private const string JsonSet = "Json";

        [Parameter(Position = 0)]
        [ValidateSet("GET", "POST", "PUT", "PATCH", "DELETE", IgnoreCase = true)]
        public string Method { get; set; } = "GET";

        /// <summary>The route below the base URI, e.g. /public/proposals/1042.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotWhiteSpace]
        public string Path { get; set; } = string.Empty;

        /// <summary>Query parameters; an array value repeats the key.</summary>
        [Parameter]
        public IDictionary? Query { get; set; }

        /// <summary>A form body (application/x-www-form-urlencoded).</summary>
        [Parameter(Mandatory = true, ParameterSetName = FormSet)]
        public IDictionary? Form { get; set; }

        /// <summary>A JSON body (application/json): a hashtable, object, array or JSON text.</summary>
        [Parameter(Mandatory = true, ParameterSetName = JsonSet)]
        public object? Json { get; set; }

        protected override void ProcessRecord()
        {
            var method = Method.ToUpperInvariant();
            if (Path.IndexOf("://", StringComparison.Ordinal) >= 0 || Path.IndexOf('?') >= 0)
            {
                WriteError(ErrorRecordFactory.InvalidArgument(nameof(Path),
                    "-Path is the route below the session's base URI, without scheme, host or query (e.g. /public/proposals/1042); give query parameters with -Query.", Path));
                return;
            }
            if (method == "GET" && (Form != null || Json != null))
            {
                WriteError(ErrorRecordFactory.InvalidArgument(ParameterSetName == FormSet ? nameof(Form) : nameof(Json),
                    "A GET request has no body: use -Query, or another -Method.", Path));
                return;
            }

            var request = new PortalRequest(new HttpMethod(method), Path);
            foreach (var pair in Pairs(Query)) request.Query.Add(pair);
            if (Form != null)
            {
                var fields = Pairs(Form).ToList();
                // The exchange password, wherever it is put, is scrubbed from whatever the server echoes.
                foreach (var field in fields)
                    if (string.Equals(field.Key, PortalRequest.PasswordField, StringComparison.OrdinalIgnoreCase)) request.AddSecret(field.Value);
                request.Body = RequestBody.Form(fields);
            }
            else if (Json != null)
            {
                if (Json is IDictionary dictionary)
                    foreach (var field in Pairs(dictionary))
                        if (string.Equals(field.Key, PortalRequest.PasswordField, StringComparison.OrdinalIgnoreCase)) request.AddSecret(field.Value);
                request.Body = Json is string text ? RequestBody.RawJson(text) : RequestBody.Json(PowerShellToJson.Convert(Json));
            }
            else if (method == "POST" || method == "PUT" || method == "PATCH") request.Body = RequestBody.EmptyForm();

            if (method != "GET" && !ShouldProcess(request.DescribeUri(Call.BaseUri), method)) return;

            ForInput(Path, () =>
            {
                // A write sent through here cannot be read back to settle a lost answer: it is never sent again.
                var response = Await(method == "GET"
                    ? Call.SendForSuccessAsync(request)
                    : WriteSettlement.SendUnsettledForSuccessAsync(Call, request,
                        "Invoke-PortalRequest cannot know how to read this route back, so it is not sent again"));
                if (response.Body.Length == 0) return;
                var output = Parse(request, response);
                if (output is object[] items)
                    foreach (var item in items) Emit(item);
                else
                    Emit(output);
            });
        }

        /// <summary>
        /// JSON as PowerShell objects, other text as a string; a body that is neither, or JSON a
        /// PowerShell object cannot carry, is this input's InvalidResponse error (never a terminating one).
        /// </summary>
        private object? Parse(PortalRequest request, PortalResponse response)
        {
            try
            {
                using var document = JsonDocument.Parse(response.Body.AsSequence());
                return JsonToPowerShell.Convert(document.RootElement);
            }
            catch (JsonException)
            {
                return response.Body.ReadValidText() ?? throw Call.InvalidResponse(request, response.StatusCode, "the body is neither JSON nor UTF-8 text");
            }
            catch (FormatException ex)
            {
                throw Call.InvalidResponse(request, response.StatusCode, ex.Message);
            }
        }

        private static IEnumerable<KeyValuePair<string, string>> Pairs(IDictionary? dictionary)
        {
            if (dictionary is null) yield break;
            foreach (DictionaryEntry entry in dictionary)
            {
                var key = entry.Key?.ToString() ?? string.Empty;
                var value = entry.Value is PSObject ps ? ps.BaseObject : entry.Value;
                if (value is IEnumerable sequence && !(value is string))
                {
                    foreach (var item in sequence) yield return new KeyValuePair<string, string>(key, Text(item));
                }
                else
                {
                    yield return new KeyValuePair<string, string>(key, Text(value));
                }
            }
        }

        private static string Text(object? value)
        {
            value = value is PSObject ps ? ps.BaseObject : value;
            switch (value)
            {
                case null: return string.Empty;
                case bool b: return b ? "true" : "false";
                case DateTime d: return d.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
                case DateTimeOffset o: return o.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
                case IFormattable f: return f.ToString(null, CultureInfo.InvariantCulture);
                default: return value.ToString() ?? string.Empty;
            }
        }
    }
}
