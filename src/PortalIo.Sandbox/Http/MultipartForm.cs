using System;
using System.Collections.Generic;
using System.Text;

namespace PortalIo.Sandbox.Http
{
    /// <summary>
    /// A small multipart/form-data reader for the AI content upload (the documented form-urlencoded
    /// body cannot carry a file, so multipart is accepted too; see docs/api-decisions.md, 'AI
    /// Builder uploads'), and for the request journal. Parts with a filename are files; the others
    /// are fields.
    /// </summary>
    internal sealed class MultipartForm
    {
        // ISO-8859-1 maps every byte to one char and back, so binary parts survive the string search.
        private static readonly Encoding Latin1 = Encoding.GetEncoding("iso-8859-1");

        public ParameterBag Fields { get; } = new ParameterBag();
        public List<UploadedFile> Files { get; } = new List<UploadedFile>();

        /// <summary>Null when the content type has no boundary or the body is not well-formed multipart.</summary>
        public static MultipartForm? Parse(string? contentType, byte[] body)
        {
            var boundary = BoundaryOf(contentType);
            if (boundary == null) return null;
            var text = Latin1.GetString(body);
            var delimiter = "--" + boundary;
            int position = text.IndexOf(delimiter, StringComparison.Ordinal);
            if (position < 0) return null;
            var form = new MultipartForm();
            while (true)
            {
                position += delimiter.Length;
                if (string.CompareOrdinal(text, position, "--", 0, 2) == 0) return form; // closing delimiter
                if (string.CompareOrdinal(text, position, "\r\n", 0, 2) != 0) return null;
                position += 2;
                int headerEnd = text.IndexOf("\r\n\r\n", position, StringComparison.Ordinal);
                if (headerEnd < 0) return null;
                var headers = text.Substring(position, headerEnd - position);
                int contentStart = headerEnd + 4;
                int next = text.IndexOf("\r\n" + delimiter, contentStart, StringComparison.Ordinal);
                if (next < 0) return null;
                var content = Latin1.GetBytes(text.Substring(contentStart, next - contentStart));
                if (!form.AddPart(headers, content)) return null;
                position = next + 2;
            }
        }

        private bool AddPart(string headers, byte[] content)
        {
            string? name = null, fileName = null, partType = null;
            foreach (var line in headers.Split(new[] { "\r\n" }, StringSplitOptions.RemoveEmptyEntries))
            {
                int colon = line.IndexOf(':');
                if (colon < 0) continue;
                var headerName = line.Substring(0, colon).Trim();
                var value = line.Substring(colon + 1).Trim();
                if (headerName.Equals("Content-Disposition", StringComparison.OrdinalIgnoreCase))
                {
                    name = ParameterOf(value, "name");
                    fileName = ParameterOf(value, "filename");
                }
                else if (headerName.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
                {
                    partType = value;
                }
            }
            if (name == null) return false;
            // Header values are UTF-8 on the wire (RFC 7578); they were read as Latin-1 above.
            name = Utf8(name);
            if (fileName != null) Files.Add(new UploadedFile(name, Utf8(fileName), partType, content));
            else Fields.Add(name, Encoding.UTF8.GetString(content));
            return true;
        }

        private static string Utf8(string latin1) => Encoding.UTF8.GetString(Latin1.GetBytes(latin1));

        private static string? BoundaryOf(string? contentType)
        {
            var value = ParameterOf(contentType ?? "", "boundary");
            return string.IsNullOrEmpty(value) ? null : value;
        }

        private static string? ParameterOf(string headerValue, string parameter)
        {
            foreach (var piece in headerValue.Split(';'))
            {
                var part = piece.Trim();
                int eq = part.IndexOf('=');
                if (eq < 0) continue;
                if (!part.Substring(0, eq).Trim().Equals(parameter, StringComparison.OrdinalIgnoreCase)) continue;
                var value = part.Substring(eq + 1).Trim();
                if (value.Length >= 2 && value[0] == '"' && value[value.Length - 1] == '"') value = value.Substring(1, value.Length - 2);
                return value;
            }
            return null;
        }
    }

    internal sealed class UploadedFile
    {
        public UploadedFile(string fieldName, string fileName, string? contentType, byte[] content)
        {
            FieldName = fieldName;
            FileName = fileName;
            ContentType = contentType;
            Content = content;
        }

        public string FieldName { get; }
        public string FileName { get; }
        public string? ContentType { get; }
        public byte[] Content { get; }
    }
}
