using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using PortalIo.Http;
using PortalIo.Models;

namespace PortalIo.Api
{
    /// <summary>
    /// AI Builder routes 29–34 under /public/proposals/{id}/ai/… (GAPS G32: some doc versions give
    /// /public/api/proposals/… for the content and outline routes; reach that variant with
    /// Invoke-PortalRequest -Path /public/api/proposals/{id}/ai/content).
    /// </summary>
    public static class AiBuilderApi
    {
        /// <summary>The multipart field of the file (G33: undocumented; the docs' error text calls it "File").</summary>
        public const string FileField = "File";

        private static string Base(int proposalId) => "public/proposals/" + ProposalsApi.Id(proposalId) + "/ai";

        /// <summary>
        /// Uploads one file as multipart/form-data with the documented fields Name and
        /// IsMultiChunkUpload=false (G33: the documented form-urlencoded body cannot carry a file).
        /// </summary>
        public static async Task<AiContent> UploadAsync(PortalClient client, int proposalId, string name, string fileName, byte[] content,
            IPortalLog? log, CancellationToken cancellationToken)
        {
            var fields = new[] { ProposalsApi.Field("Name", name), ProposalsApi.Field("IsMultiChunkUpload", "false") };
            var request = new PortalRequest(HttpMethod.Post, Base(proposalId) + "/content")
            {
                Body = RequestBody.Multipart(fields, FileField, fileName, MediaTypeOf(fileName), content),
            };
            var item = await client.SendAsync<AiContent>(request, log, cancellationToken).ConfigureAwait(false);
            item.ProposalId = proposalId;
            return item;
        }

        public static async Task<IReadOnlyList<AiContent>> ListContentAsync(PortalClient client, int proposalId, IPortalLog? log, CancellationToken cancellationToken)
        {
            var list = await client.SendAsync<AiContentList>(PortalRequest.Get(Base(proposalId) + "/content"), log, cancellationToken).ConfigureAwait(false);
            var items = (list.Items ?? new List<AiContent>()).FindAll(i => i != null);
            foreach (var item in items) item.ProposalId = proposalId;
            return items;
        }

        public static async Task<bool> DeleteContentAsync(PortalClient client, int proposalId, int contentId, IPortalLog? log, CancellationToken cancellationToken)
        {
            var request = new PortalRequest(HttpMethod.Delete, Base(proposalId) + "/content/" + ProposalsApi.Id(contentId));
            var result = await client.SendAsync<AiContentDeleteResult>(request, log, cancellationToken).ConfigureAwait(false);
            return result.Deleted;
        }

        public static async Task<AiOutline> StartOutlineAsync(PortalClient client, int proposalId, IPortalLog? log, CancellationToken cancellationToken)
        {
            var request = new PortalRequest(HttpMethod.Post, Base(proposalId) + "/outline") { Body = RequestBody.Json(new ProposalIdBody(proposalId)) };
            var outline = await client.SendAsync<AiOutline>(request, log, cancellationToken).ConfigureAwait(false);
            if (outline.ProposalId == 0) outline.ProposalId = proposalId;
            return outline;
        }

        public static async Task<AiOutline> GetOutlineAsync(PortalClient client, int proposalId, IPortalLog? log, CancellationToken cancellationToken)
        {
            var outline = await client.SendAsync<AiOutline>(PortalRequest.Get(Base(proposalId) + "/outline"), log, cancellationToken).ConfigureAwait(false);
            if (outline.ProposalId == 0) outline.ProposalId = proposalId;
            return outline;
        }

        public static async Task<AiBuild> StartBuildAsync(PortalClient client, int proposalId, IPortalLog? log, CancellationToken cancellationToken)
        {
            var request = new PortalRequest(HttpMethod.Post, Base(proposalId) + "/build") { Body = RequestBody.Json(new ProposalIdBody(proposalId)) };
            var build = await client.SendAsync<AiBuild>(request, log, cancellationToken).ConfigureAwait(false);
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
