using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using PortalIo.Http;
using PortalIo.Models;

namespace PortalIo.Api
{
    /// <summary>
    /// AI Builder routes under /public/proposals/{id}/ai/: content (upload, list, delete), outline
    /// (start, read) and build (see docs/api-decisions.md, 'AI Builder routes').
    /// </summary>
    internal static class AiBuilderApi
    {
        /// <summary>The multipart field of the file (see docs/api-decisions.md, 'AI Builder uploads').</summary>
        public const string FileField = "File";

        private static string Base(int proposalId) => "public/proposals/" + Wire.Text(proposalId) + "/ai";

        /// <summary>
        /// Uploads one file as multipart/form-data with the documented fields Name and
        /// IsMultiChunkUpload=false (see docs/api-decisions.md, 'AI Builder uploads').
        /// </summary>
        /// <remarks>
        /// The proposal's content ids are read first: after a lost answer, a new id with this name
        /// is this upload, and no new id means it was not added, so it is sent again (a duplicate
        /// upload would be transcribed twice).
        /// </remarks>
        public static Task<AiContent> UploadAsync(PortalCall call, int proposalId, string name, string fileName, byte[] content) =>
            new Upload(proposalId, name, fileName, content).RunAsync(call);

        public static async Task<IReadOnlyList<AiContent>> ListContentAsync(PortalCall call, int proposalId)
        {
            var request = PortalRequest.Get(Base(proposalId) + "/content");
            var list = await call.SendAsync<AiContentList>(request).ConfigureAwait(false);
            // An answer without the list is not a proposal without content: a read-back must not take it for "not uploaded".
            var items = list.Items ?? throw call.InvalidResponse(request, 200, "the answer holds no 'items' list");
            foreach (var item in items) item.ProposalId = proposalId;
            return items;
        }

        /// <summary>Deletes a content item. A lost answer is settled by reading the list back: gone means deleted; still there means not, and it is sent again.</summary>
        public static Task<WriteDone> DeleteContentAsync(PortalCall call, int proposalId, int contentId) =>
            new DeleteContent(proposalId, contentId).RunAsync(call);

        /// <summary>
        /// Starts generating the outline. Idempotent, so retried like a GET: generating reads the
        /// content and writes nothing to the proposal, and starting it again only starts it again.
        /// </summary>
        public static async Task<AiOutline> StartOutlineAsync(PortalCall call, int proposalId)
        {
            var request = new PortalRequest(HttpMethod.Post, Base(proposalId) + "/outline") { Body = RequestBody.Json(new ProposalIdBody(proposalId)), IsIdempotent = true };
            var outline = await call.SendAsync<AiOutline>(request).ConfigureAwait(false);
            if (outline.ProposalId == 0) outline.ProposalId = proposalId;
            return outline;
        }

        public static async Task<AiOutline> GetOutlineAsync(PortalCall call, int proposalId)
        {
            var outline = await call.SendAsync<AiOutline>(PortalRequest.Get(Base(proposalId) + "/outline")).ConfigureAwait(false);
            if (outline.ProposalId == 0) outline.ProposalId = proposalId;
            return outline;
        }

        /// <summary>
        /// Starts building. Never resent when its answer is lost: a build adds areas to the
        /// proposal, and there is no build-status route to read back; the proposal changes only
        /// when the build ends, minutes later.
        /// </summary>
        public static async Task<AiBuild> StartBuildAsync(PortalCall call, int proposalId)
        {
            var request = new PortalRequest(HttpMethod.Post, Base(proposalId) + "/build") { Body = RequestBody.Json(new ProposalIdBody(proposalId)) };
            var build = await WriteSettlement.SendUnsettledAsync<AiBuild>(call, request,
                "a build has no status to read back (the proposal changes only when it ends, minutes later), and starting it twice would build twice, so it is not sent again").ConfigureAwait(false);
            if (build.ProposalId == 0) build.ProposalId = proposalId;
            return build;
        }

        /// <summary>
        /// The build's completion signal (the API has no build-status route): Portal.io modifies the
        /// proposal when the build ends, so its lastModifiedDate moves past the value it had before
        /// the build started, or its set of areas changes.
        /// </summary>
        public static bool BuildChanged(Proposal before, Proposal now)
        {
            if (now.LastModifiedDate.HasValue && (!before.LastModifiedDate.HasValue || now.LastModifiedDate.Value > before.LastModifiedDate.Value))
                return true;
            var beforeAreas = new HashSet<int>();
            foreach (var area in before.Areas ?? new List<Area>()) beforeAreas.Add(area.Id);
            var nowAreas = new HashSet<int>();
            foreach (var area in now.Areas ?? new List<Area>()) nowAreas.Add(area.Id);
            return !beforeAreas.SetEquals(nowAreas);
        }

        internal static string MediaTypeOf(string fileName)
        {
            switch (System.IO.Path.GetExtension(fileName).ToLowerInvariant())
            {
                case ".txt": return "text/plain";
                case ".md": return "text/markdown";
                case ".pdf": return "application/pdf";
                case ".doc": return "application/msword";
                case ".docx": return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
                case ".rtf": return "application/rtf";
                case ".png": return "image/png";
                case ".jpg":
                case ".jpeg": return "image/jpeg";
                case ".mp3": return "audio/mpeg";
                case ".wav": return "audio/wav";
                case ".m4a": return "audio/mp4";
                case ".mp4": return "video/mp4";
                case ".mov": return "video/quicktime";
                case ".webm": return "video/webm";
                default: return "application/octet-stream";
            }
        }

        private sealed class Upload : SnapshotWrite<AiContent>
        {
            private readonly int _proposalId;
            private readonly string _name;
            private readonly string _fileName;
            private readonly byte[] _content;

            public Upload(int proposalId, string name, string fileName, byte[] content)
            {
                _proposalId = proposalId;
                _name = name;
                _fileName = fileName;
                _content = content;
            }

            protected override string What => "AI content '" + _name + "' of proposal " + _proposalId;
            protected override string ItemNoun => "content item";
            protected override string Owner => "the proposal";

            protected override async Task<IEnumerable<AiContent>> ReadSiblingsAsync(PortalCall call) =>
                await ListContentAsync(call, _proposalId).ConfigureAwait(false);

            protected override bool IsThisOne(AiContent item) => string.Equals(item.Name, _name, StringComparison.Ordinal);

            protected override async Task<AiContent> SendOnceAsync(PortalCall call)
            {
                var fields = new[] { Wire.Field("Name", _name), Wire.Field("IsMultiChunkUpload", "false") };
                // A fresh body (and multipart boundary) per attempt: the Content-Type is signed with it.
                var request = new PortalRequest(HttpMethod.Post, Base(_proposalId) + "/content")
                {
                    Body = RequestBody.Multipart(fields, FileField, _fileName, MediaTypeOf(_fileName), _content),
                };
                var item = await call.SendAsync<AiContent>(request).ConfigureAwait(false);
                item.ProposalId = _proposalId;
                return item;
            }
        }

        private sealed class DeleteContent : SettledWrite<WriteDone>
        {
            private readonly int _proposalId;
            private readonly int _contentId;

            public DeleteContent(int proposalId, int contentId)
            {
                _proposalId = proposalId;
                _contentId = contentId;
            }

            protected override string What => "the deletion of AI content " + _contentId + " of proposal " + _proposalId;

            protected override async Task<WriteDone> SendOnceAsync(PortalCall call)
            {
                var request = new PortalRequest(HttpMethod.Delete, Base(_proposalId) + "/content/" + Wire.Text(_contentId));
                await call.SendAsync<AiContentDeleteResult>(request).ConfigureAwait(false);
                return WriteDone.Instance;
            }

            protected override async Task<ReadBack<WriteDone>> ReadBackAsync(PortalCall call) =>
                (await ListContentAsync(call, _proposalId).ConfigureAwait(false)).Any(c => c.Id == _contentId)
                    ? ReadBack<WriteDone>.NotAppliedYet()
                    : ReadBack<WriteDone>.Applied(WriteDone.Instance);
        }

        /// <summary>The JSON body of outline and build: { "proposalId": n } (must equal the path id).</summary>
        internal sealed class ProposalIdBody
        {
            public ProposalIdBody(int proposalId) { ProposalId = proposalId; }
            public int ProposalId { get; }
        }
    }
}
