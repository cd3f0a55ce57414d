using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using PortalIo.Sandbox.AiBuilder;
using PortalIo.Sandbox.Data;
using PortalIo.Sandbox.Http;
using PortalIo.Sandbox.Model;
using PortalIo.Sandbox.Routing;

namespace PortalIo.Sandbox.Routes
{
    /// <summary>
    /// The AI Builder routes. Content, content-delete and outline GET are also served under
    /// /public/api/proposals/…, and so is the upload: the documentation uses both prefixes (see
    /// docs/api-decisions.md, 'AI Builder routes'). Upload transport: the documented form-urlencoded body carries
    /// Name plus the text itself in a <c>Content</c> field (optional <c>FileName</c>, default
    /// Name + ".txt", decides the type); multipart/form-data with file parts and a Name field is
    /// accepted too. IsMultiChunkUpload is bound (must be a boolean) but chunking is not emulated.
    /// </summary>
    internal sealed class AiBuilderRoutes
    {
        public const long MaxUploadBytes = 25L * 1024 * 1024;

        /// <summary>Extension → sourceType. Documents and images are "Text" sources (their text is extracted).</summary>
        private static readonly Dictionary<string, string> AllowedTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [".txt"] = "Text", [".md"] = "Text", [".pdf"] = "Text", [".docx"] = "Text", [".doc"] = "Text", [".rtf"] = "Text",
            [".png"] = "Text", [".jpg"] = "Text", [".jpeg"] = "Text",
            [".mp3"] = "Audio", [".wav"] = "Audio", [".m4a"] = "Audio",
            [".mp4"] = "Video", [".mov"] = "Video", [".webm"] = "Video",
        };

        private readonly EmulatorStore _store;
        private readonly AiBuilderEngine _engine;

        public AiBuilderRoutes(EmulatorStore store, AiBuilderEngine engine)
        {
            _store = store;
            _engine = engine;
        }

        public void Register(Router router)
        {
            foreach (var prefix in new[] { "/public/proposals/{proposalId}/ai", "/public/api/proposals/{proposalId}/ai" })
            {
                router.Map("POST", prefix + "/content", RouteAccess.PublicWrite, Upload);
                router.Map("GET", prefix + "/content", RouteAccess.PublicRead, ListContent);
                router.Map("DELETE", prefix + "/content/{contentId}", RouteAccess.PublicWrite, DeleteContent);
                router.Map("GET", prefix + "/outline", RouteAccess.PublicRead, GetOutline);
            }
            router.Map("POST", "/public/proposals/{proposalId}/ai/outline", RouteAccess.PublicWrite, StartOutline);
            router.Map("POST", "/public/proposals/{proposalId}/ai/build", RouteAccess.PublicWrite, StartBuild);
        }

        private EmulatorResponse Upload(EmulatorRequest request)
        {
            var proposalId = request.RouteInt("proposalId");
            if (proposalId == null) return ErrorBodies.BadRequestBare();

            ParameterBag fields;
            var files = new List<(string FileName, byte[] Content)>();
            if (request.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            {
                var multipart = MultipartForm.Parse(request.ContentType, request.BodyBytes);
                if (multipart == null) return ErrorBodies.BadRequestBare();
                fields = multipart.Fields;
                files.AddRange(multipart.Files.Select(f => (f.FileName, f.Content)));
            }
            else
            {
                var form = request.Form;
                if (form == null) return ErrorBodies.BadRequestBare();
                fields = form;
                var content = form.Get("Content");
                if (!string.IsNullOrEmpty(content))
                {
                    var fileName = form.Get("FileName")?.Trim();
                    files.Add((string.IsNullOrEmpty(fileName) ? (form.Get("Name")?.Trim() ?? "content") + ".txt" : fileName!, Encoding.UTF8.GetBytes(content)));
                }
            }
            if (!FormReading.TryBool(fields, "IsMultiChunkUpload", out _)) return ErrorBodies.BadRequestBare();

            var errors = new List<FieldError>();
            var name = fields.Get("Name")?.Trim() ?? "";
            if (name.Length == 0) errors.Add(FormReading.NotEmpty("Name", "Name"));
            if (files.Count == 0) errors.Add(new FieldError("NotEmpty", "File", "At least one file must be included."));
            string sourceType = "Text";
            foreach (var file in files)
            {
                var extension = Path.GetExtension(file.FileName);
                if (!AllowedTypes.TryGetValue(extension ?? "", out var type))
                    errors.Add(new FieldError("InvalidContentType", "File", "'" + file.FileName + "' is not an allowed content type. Allowed: " + string.Join(" ", AllowedTypes.Keys) + "."));
                else if (type != "Text") sourceType = type;
            }
            long size = files.Sum(f => (long)f.Content.Length);
            if (size > MaxUploadBytes)
                errors.Add(new FieldError("FileTooLarge", "File", "The upload is " + size + " bytes; the maximum is " + MaxUploadBytes + " bytes (25 MB)."));
            if (errors.Count > 0) return FormReading.ValidationFailed(errors);

            var me = request.User!;
            lock (_store.SyncRoot)
            {
                var proposal = FindDraft(proposalId.Value, me, out var refusal);
                if (proposal == null) return refusal!;
                var now = DateTime.UtcNow;
                var item = new AiContentItem
                {
                    Id = _store.NextAiContentId(),
                    Proposal = proposal,
                    Name = name,
                    FileName = string.Join(", ", files.Select(f => f.FileName)),
                    SourceType = sourceType,
                    SizeBytes = size,
                    Text = string.Join("\n", files.Where(f => IsPlainText(f.FileName)).Select(f => Encoding.UTF8.GetString(f.Content))),
                    CreatedDate = ProposalRoutes.Now(),
                    UploadedAtUtc = now,
                    UserCreated = me,
                };
                _store.AddAiContent(item);
                return EmulatorResponse.Json(200, JsonOutput.Write(w => WriteContent(w, item, now)));
            }
        }

        private EmulatorResponse ListContent(EmulatorRequest request)
        {
            var proposalId = request.RouteInt("proposalId");
            if (proposalId == null) return ErrorBodies.BadRequestBare();
            lock (_store.SyncRoot)
            {
                var proposal = _store.FindProposalInAccount(proposalId.Value, request.User!.Account);
                if (proposal == null) return ErrorBodies.NotFound("Proposal " + proposalId.Value + " was not found.");
                var now = DateTime.UtcNow;
                var items = _store.AiContentOf(proposal).ToList();
                return EmulatorResponse.Json(200, JsonOutput.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteStartArray("items");
                    foreach (var item in items) WriteContent(w, item, now);
                    w.WriteEndArray();
                    w.WriteEndObject();
                }));
            }
        }

        private EmulatorResponse DeleteContent(EmulatorRequest request)
        {
            var proposalId = request.RouteInt("proposalId");
            var contentId = request.RouteInt("contentId");
            if (proposalId == null || contentId == null) return ErrorBodies.BadRequestBare();
            lock (_store.SyncRoot)
            {
                var proposal = FindDraft(proposalId.Value, request.User!, out var refusal);
                if (proposal == null) return refusal!;
                var item = _store.FindAiContent(proposal, contentId.Value);
                if (item == null) return ErrorBodies.NotFound("Content " + contentId.Value + " was not found in proposal " + proposal.Id + ".");
                _store.RemoveAiContent(item);
                return EmulatorResponse.Json(200, JsonOutput.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteNumber("id", item.Id);
                    w.WriteBoolean("deleted", true);
                    w.WriteEndObject();
                }));
            }
        }

        /// <summary>Outline generation reads content and writes nothing to the proposal, so it needs no Draft; it needs Transcribed content.</summary>
        private EmulatorResponse StartOutline(EmulatorRequest request) =>
            StartJob(request, (proposal, now) =>
            {
                var sources = _store.AiContentOf(proposal).Where(c => c.StatusAt(now, _engine.Step) == "Transcribed").ToList();
                if (sources.Count == 0)
                    return (null, ErrorBodies.Structured(400, "NoTranscribedContent",
                        "Proposal " + proposal.Id + " has no transcribed content to generate an outline from. Upload content and wait until its status is Transcribed."));
                _engine.StartOutline(proposal, sources, now);
                return ("Generating", null);
            });

        /// <summary>The build edits the proposal: terminal proposals answer 409 like every edit; no Completed outline answers 400.</summary>
        private EmulatorResponse StartBuild(EmulatorRequest request) =>
            StartJob(request, (proposal, now) =>
            {
                if (proposal.IsLocked) return (null, ErrorBodies.ProposalLocked(proposal.Id, proposal.Status.ToString()));
                var outline = _store.FindOutline(proposal);
                if (outline == null || outline.FinalStatus != AiBuilderEngine.Completed)
                    return (null, ErrorBodies.Structured(400, "NoCompletedOutline",
                        "Proposal " + proposal.Id + " has no completed outline. Generate one and wait until its status is Completed."));
                _engine.StartBuild(proposal, outline, now);
                return ("Building", null);
            });

        private EmulatorResponse StartJob(EmulatorRequest request, Func<Proposal, DateTime, (string? Status, EmulatorResponse? Refusal)> start)
        {
            var proposalId = request.RouteInt("proposalId");
            if (proposalId == null) return ErrorBodies.BadRequestBare();
            var body = request.Form;
            if (body == null) return ErrorBodies.BadRequestBare();
            if (!FormReading.TryInt(body, "proposalId", out var bodyId)) return ErrorBodies.BadRequestBare();
            // Documented as required and equal to the path id.
            if (bodyId == null) return ErrorBodies.Validation(FormReading.NotEmpty("ProposalId", "Proposal Id"));
            if (bodyId.Value != proposalId.Value)
                return ErrorBodies.Validation(new FieldError("Equal", "ProposalId",
                    "'Proposal Id' in the body (" + bodyId.Value + ") must equal the ProposalId in the path (" + proposalId.Value + ")."));
            lock (_store.SyncRoot)
            {
                var proposal = _store.FindProposalInAccount(proposalId.Value, request.User!.Account);
                if (proposal == null) return ErrorBodies.NotFound("Proposal " + proposalId.Value + " was not found.");
                var now = DateTime.UtcNow;
                _engine.Advance(now);
                var (status, refusal) = start(proposal, now);
                if (refusal != null) return refusal;
                return EmulatorResponse.Json(200, JsonOutput.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteNumber("proposalId", proposal.Id);
                    w.WriteString("status", status);
                    w.WriteEndObject();
                }));
            }
        }

        private EmulatorResponse GetOutline(EmulatorRequest request)
        {
            var proposalId = request.RouteInt("proposalId");
            if (proposalId == null) return ErrorBodies.BadRequestBare();
            lock (_store.SyncRoot)
            {
                var proposal = _store.FindProposalInAccount(proposalId.Value, request.User!.Account);
                if (proposal == null) return ErrorBodies.NotFound("Proposal " + proposalId.Value + " was not found.");
                _engine.Advance(DateTime.UtcNow);
                var job = _store.FindOutline(proposal);
                if (job == null) return ErrorBodies.NotFound("No outline has been generated for proposal " + proposal.Id + ".");
                var status = job.FinalStatus ?? "Generating";
                return EmulatorResponse.Json(200, JsonOutput.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteNumber("proposalId", proposal.Id);
                    w.WriteString("status", status);
                    w.WriteNullableString("outline", status == AiBuilderEngine.Completed ? job.Outline : null);
                    w.WriteEndObject();
                }));
            }
        }

        /// <summary>Content changes need a Draft proposal (409 otherwise, terminal or merely sent).</summary>
        private Proposal? FindDraft(int proposalId, DealerUser me, out EmulatorResponse? refusal)
        {
            refusal = null;
            var proposal = _store.FindProposalInAccount(proposalId, me.Account);
            if (proposal == null)
            {
                refusal = ErrorBodies.NotFound("Proposal " + proposalId + " was not found.");
                return null;
            }
            if (proposal.Status != ProposalStatus.Draft)
            {
                refusal = ErrorBodies.Conflict("Proposal " + proposalId + " is " + proposal.Status + ": AI Builder content can only change on a Draft proposal.");
                return null;
            }
            return proposal;
        }

        private void WriteContent(Utf8JsonWriter w, AiContentItem item, DateTime nowUtc)
        {
            var status = item.StatusAt(nowUtc, _engine.Step);
            w.WriteStartObject();
            w.WriteNumber("id", item.Id);
            w.WriteString("name", item.Name);
            // The summary exists once processing is done, as the docs say ("may be empty until processing finishes").
            w.WriteString("summary", status == "Transcribed" ? Summary(item) : "");
            w.WriteString("status", status);
            w.WriteString("sourceType", item.SourceType);
            w.WriteDate("createdDate", item.CreatedDate);
            w.WriteStartObject("userCreated");
            w.WriteNumber("id", item.UserCreated.Id);
            w.WriteString("firstName", item.UserCreated.FirstName);
            w.WriteString("lastName", item.UserCreated.LastName);
            w.WriteString("email", item.UserCreated.Email);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        private static string Summary(AiContentItem item)
        {
            var text = item.Text.Trim();
            if (text.Length == 0) return item.SourceType + " source \"" + item.Name + "\" (" + item.SizeBytes + " bytes).";
            return text.Length <= 200 ? text : text.Substring(0, 200) + "…";
        }

        private static bool IsPlainText(string fileName)
        {
            var extension = Path.GetExtension(fileName);
            return extension.Equals(".txt", StringComparison.OrdinalIgnoreCase) || extension.Equals(".md", StringComparison.OrdinalIgnoreCase);
        }
    }
}
