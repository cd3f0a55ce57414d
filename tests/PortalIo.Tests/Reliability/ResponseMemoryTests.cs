using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using PortalIo.Http;
using PortalIo.Models;
using PortalIo.Tests.Http;
using PortalIo.Tests.PowerShell;
using Xunit;
using Xunit.Abstractions;

namespace PortalIo.Tests.Reliability
{
    /// <summary>
    /// Issue #13, item 3, from its repros: -MaxResponseSizeMB 2047 with a 1 GiB gzip body ended in
    /// an OutOfMemoryException, and typed cmdlets peaked at 3x the body (a doubling buffer, then a
    /// copy of it, then the objects). The cap is now clamped to what the process can hold, and a
    /// body is read once, in segments, and deserialized from them.
    /// </summary>
    [Collection(ReliabilityCollection.Name)]
    [Trait("Category", "Reliability")]
    public class ResponseMemoryTests
    {
        private const long Mb = 1024 * 1024;
        private readonly ITestOutputHelper _output;

        public ResponseMemoryTests(ITestOutputHelper output) => _output = output;

        /// <summary>A users answer of about <c>size</c> bytes, generated as it is read, with no declared length (as a decompressed body arrives).</summary>
        private sealed class UsersStream : Stream
        {
            private readonly long _size;
            private long _next;
            private long _emitted;
            private byte[] _pending = Encoding.ASCII.GetBytes("{\"users\":[");
            private int _at;
            private bool _closed;

            public UsersStream(long size) => _size = size;

            /// <summary>How many users the body holds (known once it has been read).</summary>
            public long Users => _next;

            // One row buffer, rewritten in place for each id, so that generating the body allocates
            // nothing the measurement could mistake for the client's (the id is padded with spaces,
            // which JSON allows before a number).
            private static readonly byte[] Template = Encoding.ASCII.GetBytes(",{\"id\":       ,\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"email\":\"ada@example.com\",\"permissionGroup\":\"Sales\"}");
            private const int IdEnd = 13;
            private readonly byte[] _row = (byte[])Template.Clone();

            private byte[] Row(long id)
            {
                for (var i = IdEnd; i > IdEnd - 7; i--)
                {
                    _row[i] = id > 0 ? (byte)('0' + id % 10) : (byte)' ';
                    id /= 10;
                }
                return _row;
            }

            public override int Read(byte[] buffer, int offset, int count)
            {
                var written = 0;
                while (written < count)
                {
                    if (_at == _pending.Length)
                    {
                        _emitted += _pending.Length - (_next == 1 ? 1 : 0);
                        // Rows up to the size, less room for the closing bracket and count.
                        if (_closed) break;
                        _at = 0;
                        if (_emitted + Template.Length + 40 <= _size)
                        {
                            _pending = Row(++_next);
                            if (_next == 1) _at = 1; // no comma before the first row
                        }
                        else
                        {
                            _pending = Encoding.ASCII.GetBytes("],\"usersCount\":" + _next + "}");
                            _closed = true;
                        }
                    }
                    var take = Math.Min(count - written, _pending.Length - _at);
                    Buffer.BlockCopy(_pending, _at, buffer, offset + written, take);
                    _at += take;
                    written += take;
                }
                return written;
            }

            public override bool CanRead => true;
            public override bool CanSeek => false;
            public override bool CanWrite => false;
            public override long Length => throw new NotSupportedException();
            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
            public override void Flush() { }
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();
            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }

        /// <summary>
        /// Bytes allocated by the whole process during <paramref name="call"/> (an upper bound of how
        /// far the heap can have grown meanwhile), and what the heap still holds afterwards with the result alive.
        /// </summary>
        private static async Task<(long Allocated, long Retained, T Result)> Measure<T>(Func<Task<T>> call)
        {
            var baseline = GC.GetTotalMemory(forceFullCollection: true);
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var result = await call();
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            var retained = GC.GetTotalMemory(forceFullCollection: true) - baseline;
            GC.KeepAlive(result);
            return (allocated, retained, result);
        }

        [Fact]
        public async Task A_large_body_costs_its_own_size_once_and_is_deserialized_from_its_segments()
        {
            const long size = 64 * Mb;
            var raw = new ClientTestKit(maxResponseBytes: 2 * size);
            raw.Handler.Then(HttpStatusCode.OK, "", r => r.Content = new StreamContent(new UsersStream(size), 64 * 1024));
            var (rawAllocated, rawRetained, response) = await Measure(() => raw.Client.SendAsync(PortalRequest.Get("public/users"), null, CancellationToken.None));
            var body = response.Body.Length;

            var typed = new ClientTestKit(maxResponseBytes: 2 * size);
            var stream = new UsersStream(size);
            typed.Handler.Then(HttpStatusCode.OK, "", r => r.Content = new StreamContent(stream, 64 * 1024));
            var (typedAllocated, typedRetained, users) = await Measure(() => typed.Client.SendAsync<UserList>(PortalRequest.Get("public/users"), null, CancellationToken.None));

            // The heap's peak growth lies between what it holds afterwards and what was allocated meanwhile.
            ReliabilityFigures.Report(_output, "memory: one 64 MB body without a declared length (scripted handler)",
                ("body MB", Math.Round(body / (double)Mb, 1)),
                ("raw read: peak heap growth MB (between held afterwards and allocated)", Math.Round(rawRetained / (double)Mb, 1) + " to " + Math.Round(rawAllocated / (double)Mb, 1)),
                ("raw read: peak / body, at most", Math.Round(rawAllocated / (double)body, 2)),
                ("typed read: users", users.Users!.Count),
                ("typed read: peak heap growth MB (the objects and at most one body)", Math.Round(typedRetained / (double)Mb, 1) + " to " + Math.Round(typedAllocated / (double)Mb, 1)),
                ("typed read: allocated beyond the body, MB (the objects, parsing)", Math.Round((typedAllocated - body) / (double)Mb, 1)),
                ("before issue 13", "a MemoryStream doubling to 128 MB of capacity, then a 64 MB copy, then the objects"));

            Assert.InRange(body, size - 200, size);
            Assert.Equal(stream.Users, users.Users!.Count);
            // The body once, and little else: no doubling buffer, no final copy.
            Assert.True(rawAllocated < body * 1.1, "a raw read allocated " + rawAllocated + " bytes for a body of " + body);
            GC.KeepAlive(response);
        }

        [Fact]
        public void The_size_cap_is_clamped_to_what_the_process_can_hold()
        {
            const long asked = 2047 * Mb;
            Assert.Equal(asked, ResponseSizeLimit.Clamp(asked, 64L * 1024 * Mb, is64BitProcess: true));
            Assert.Equal(1024 * Mb, ResponseSizeLimit.Clamp(asked, 2048 * Mb, is64BitProcess: true));
            Assert.Equal(512 * Mb, ResponseSizeLimit.Clamp(asked, null, is64BitProcess: false));
            Assert.Equal(ResponseSizeLimit.LargestArray, ResponseSizeLimit.Clamp(long.MaxValue, null, is64BitProcess: true));
            Assert.Equal(64 * Mb, ResponseSizeLimit.Clamp(64 * Mb, 2048 * Mb, is64BitProcess: false));
        }

        [Fact]
        public void A_gzip_body_that_unpacks_to_256_MB_is_read_once_at_2047_MB_and_ends_as_an_InvalidResponse_not_an_OutOfMemoryException()
        {
            const long unpacked = 256 * Mb;
            var gzip = new MemoryStream();
            using (var zip = new GZipStream(gzip, CompressionLevel.Fastest, leaveOpen: true))
            {
                var spaces = new byte[Mb];
                Array.Fill(spaces, (byte)' ');
                spaces[0] = (byte)'[';
                zip.Write(spaces);
                spaces[0] = (byte)' ';
                for (var i = 1; i < unpacked / Mb; i++) zip.Write(spaces);
            }
            var packed = gzip.ToArray();
            using var server = new HostileServer();
            server.Answer(async c =>
            {
                c.Response.StatusCode = 200;
                c.Response.ContentType = "application/json";
                c.Response.AddHeader("Content-Encoding", "gzip");
                c.Response.ContentLength64 = packed.Length;
                await c.Response.OutputStream.WriteAsync(packed);
                c.Response.Close();
            });
            using var rs = new ModuleRunspace();
            var connect = rs.Run("Connect-Portal -BaseUri $b -ApplicationKey app -SecretKey $k -UserKey $k -MaxRetries 0 -MaxResponseSizeMB 2047 -TimeoutSec 120",
                new Dictionary<string, object?> { ["b"] = server.BaseUri, ["k"] = SandboxFixture.Secure("not-a-secret") });
            Assert.Empty(connect.Errors);

            GC.Collect();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var run = rs.Run("Get-PortalUser");
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

            var error = run.FirstError;
            ReliabilityFigures.Report(_output, "memory: a gzip body that unpacks to 256 MB, -MaxResponseSizeMB 2047",
                ("bytes on the wire", packed.Length), ("MB allocated by the process for the call", allocated / Mb),
                ("error", HostileWorldTally.ErrorId(error) + ": " + error.Exception.Message));
            HostileWorldTally.Add(_output, "gzip bomb", 1, HostileWorldTally.Crash(run) is null ? 0 : 1, 0, 0);

            Assert.Null(HostileWorldTally.Crash(run));
            Assert.Equal("PortalIo.InvalidResponse", HostileWorldTally.ErrorId(error));
            Assert.True(allocated < unpacked * 1.25, "the call allocated " + allocated / Mb + " MB for a 256 MB body");
        }
    }
}
