using System;
using System.Collections.Generic;
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
        public static async Task<AiContent> UploadAsync(PortalCall call, int proposalId, string name, string fileName, byte[] content)
        {
            var fields = new[] { Wire.Field("Name", name), Wire.Field("IsMultiChunkUpload", "false") };
            var request = new PortalRequest(HttpMethod.Post, Base(proposalId) + "/content")
            {
                Body = RequestBody.Multipart(fields, FileField, fileName, MediaTypeOf(fileName), content),
            };
            var item = await call.SendAsync<AiContent>(request).ConfigureAwait(false);
            item.ProposalId = proposalId;
            return item;
        }

        public static async Task<IReadOnlyList<AiContent>> ListContentAsync(PortalCall call, int proposalId)
        {
            var list = await call.SendAsync<AiContentList>(PortalRequest.Get(Base(proposalId) + "/content")).ConfigureAwait(false);
            var items = list.Items ?? new List<AiContent>();
            foreach (var item in items) item.ProposalId = proposalId;
            return items;
        }

        public static async Task<bool> DeleteContentAsync(PortalCall call, int proposalId, int contentId)
        {
            var request = new PortalRequest(HttpMethod.Delete, Base(proposalId) + "/content/" + Wire.Text(contentId));
            var result = await call.SendAsync<AiContentDeleteResult>(request).ConfigureAwait(false);
            return result.Deleted;
        }

        public static async Task<AiOutline> StartOutlineAsync(PortalCall call, int proposalId)
        {
            var request = new PortalRequest(HttpMethod.Post, Base(proposalId) + "/outline") { Body = RequestBody.Json(new ProposalIdBody(proposalId)) };
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

        public static async Task<AiBuild> StartBuildAsync(PortalCall call, int proposalId)
        {
            var request = new PortalRequest(HttpMethod.Post, Base(proposalId) + "/build") { Body = RequestBody.Json(new ProposalIdBody(proposalId)) };
            var build = await call.SendAsync<AiBuild>(request).ConfigureAwait(false);
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

        /// <summary>The JSON body of outline and build: { "proposalId": n } (must equal the path id).</summary>
        internal sealed class ProposalIdBody
        {
            public ProposalIdBody(int proposalId) { ProposalId = proposalId; }
            public int ProposalId { get; }
        }
    }
}
