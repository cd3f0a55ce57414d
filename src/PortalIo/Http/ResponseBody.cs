using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace PortalIo.Http
{
    /// <summary>
    /// A response body as it was read: in segments of at most 64 KB, never copied into one array.
    /// A large body thus costs its own size once (no doubling buffer, no final copy, no array on the
    /// large-object heap), and JSON is read straight from the segments. Immutable once read.
    /// </summary>
    internal sealed class ResponseBody
    {
        private const int MaxSegment = 64 * 1024;
        private const int FirstUndeclaredSegment = 16 * 1024;

        /// <summary>How much of an error body is read as text: no error message needs more.</summary>
        public const int MaxErrorTextBytes = 1024 * 1024;

        public static readonly ResponseBody Empty = new ResponseBody(new List<byte[]>(), 0);

        private readonly List<byte[]> _segments;

        private ResponseBody(List<byte[]> segments, long length)
        {
            _segments = segments;
            Length = length;
        }

        public long Length { get; }

        public static ResponseBody FromBytes(byte[] bytes) => new ResponseBody(new List<byte[]> { bytes }, bytes.Length);

        public static ResponseBody FromText(string text) => FromBytes(Encoding.UTF8.GetBytes(text));

        /// <summary>
        /// Reads the stream to its end; null when it holds more than <paramref name="limit"/> bytes
        /// (reading stops there). A declared length sizes the segments exactly.
        /// </summary>
        public static Task<ResponseBody?> ReadAsync(Stream stream, long? declaredLength, long limit, CancellationToken cancellationToken) =>
            ReadCoreAsync(stream, declaredLength, limit, blocking: false, cancellationToken);

        /// <summary>
        /// As <see cref="ReadAsync"/>, on the calling thread with the stream's blocking Read: the
        /// returned task is complete. The caller ends a stalled read by disposing the stream.
        /// </summary>
        public static ResponseBody? Read(Stream stream, long? declaredLength, long limit) =>
            ReadCoreAsync(stream, declaredLength, limit, blocking: true, CancellationToken.None).GetAwaiter().GetResult();

        private static async Task<ResponseBody?> ReadCoreAsync(Stream stream, long? declaredLength, long limit, bool blocking, CancellationToken cancellationToken)
        {
            var segments = new List<byte[]>();
            long length = 0;
            // A body of its declared length is complete: the next read would only find its end.
            while (!declaredLength.HasValue || length < declaredLength.Value)
            {
                var size = declaredLength.HasValue
                    ? (int)Math.Max(1, Math.Min(MaxSegment, declaredLength.Value - length))
                    : segments.Count == 0 ? FirstUndeclaredSegment : MaxSegment;
                var segment = new byte[size];
                var filled = 0;
                while (filled < size)
                {
                    var read = blocking
                        ? stream.Read(segment, filled, size - filled)
                        : await stream.ReadAsync(segment, filled, size - filled, cancellationToken).ConfigureAwait(false);
                    if (read == 0) break;
                    filled += read;
                    if (length + filled > limit) return null;
                }
                if (filled == 0) break;
                if (filled < size) Array.Resize(ref segment, filled);
                segments.Add(segment);
                length += filled;
                if (filled < size) break;
            }
            return new ResponseBody(segments, length);
        }

        /// <summary>The body when it is one segment (every body up to 64 KB of declared length), else null.</summary>
        public byte[]? SingleSegment => _segments.Count == 1 ? _segments[0] : null;

        /// <summary>The body as one sequence, for a JSON reader (no copy).</summary>
        public ReadOnlySequence<byte> AsSequence()
        {
            if (_segments.Count == 0) return ReadOnlySequence<byte>.Empty;
            if (_segments.Count == 1) return new ReadOnlySequence<byte>(_segments[0]);
            var first = new Segment(_segments[0], 0);
            var last = first;
            for (var i = 1; i < _segments.Count; i++) last = last.Append(_segments[i]);
            return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
        }

        /// <summary>The first <paramref name="maxBytes"/> bytes as UTF-8 text (invalid sequences become U+FFFD).</summary>
        public string ReadText(int maxBytes = int.MaxValue)
        {
            var take = (int)Math.Min(Length, maxBytes);
            if (take == 0) return string.Empty;
            if (_segments.Count == 1) return Encoding.UTF8.GetString(_segments[0], 0, take);
            var bytes = new byte[take];
            var at = 0;
            foreach (var segment in _segments)
            {
                var part = Math.Min(segment.Length, take - at);
                Buffer.BlockCopy(segment, 0, bytes, at, part);
                at += part;
                if (at == take) break;
            }
            return Encoding.UTF8.GetString(bytes);
        }

        private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);

        /// <summary>The whole body as text, or null when it is not valid UTF-8.</summary>
        public string? ReadValidText()
        {
            try
            {
                return _segments.Count == 1 ? StrictUtf8.GetString(_segments[0]) : StrictUtf8.GetString(AsSequence().ToArray());
            }
            catch (DecoderFallbackException)
            {
                return null;
            }
        }

        private sealed class Segment : ReadOnlySequenceSegment<byte>
        {
            public Segment(byte[] bytes, long runningIndex)
            {
                Memory = bytes;
                RunningIndex = runningIndex;
            }

            public Segment Append(byte[] bytes)
            {
                var next = new Segment(bytes, RunningIndex + Memory.Length);
                Next = next;
                return next;
            }
        }
    }
}
