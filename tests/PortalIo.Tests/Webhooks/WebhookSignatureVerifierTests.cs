using System;
using System.Text;
using PortalIo.Webhooks;
using Xunit;

namespace PortalIo.Tests.Webhooks
{
    /// <summary>
    /// Known answers computed outside the code under test, with
    /// <c>printf '%s' "$t.$body" | openssl dgst -sha256 -hmac "$secret"</c>.
    /// </summary>
    public class WebhookSignatureVerifierTests
    {
        private const string Secret = "whsec_example";
        private const string T = "1710000000";
        private const string Body = "{\"id\":\"evt_abc123\",\"type\":\"proposal.status_changed\",\"created\":\"2026-04-06T00:22:19Z\",\"data\":{}}";
        private const string Expected = "19ec6eb6a88b60b6645eea9eaa08cfee71f2bfdb377e8e7909a3495206d02b47";
        private static readonly DateTimeOffset SignedAt = DateTimeOffset.FromUnixTimeSeconds(1710000000);

        private static WebhookSignatureResult Verify(string body, string header, string secret = Secret, DateTimeOffset? now = null, TimeSpan? tolerance = null) =>
            WebhookSignatureVerifier.Verify(Encoding.UTF8.GetBytes(body), header, secret, now ?? SignedAt.AddSeconds(30),
                tolerance ?? WebhookSignatureVerifier.DefaultTolerance);

        [Fact]
        public void Known_answer_of_the_reference_example()
        {
            Assert.Equal(Expected, WebhookSignatureVerifier.ComputeSignatureHex(Secret, T, Encoding.UTF8.GetBytes(Body)));
            var result = Verify(Body, "t=" + T + ",v1=" + Expected);
            Assert.True(result.IsValid, result.Reason);
            Assert.Equal(SignedAt, result.Timestamp);
        }

        [Theory]
        // key and body with non-ASCII letters: both are UTF-8 bytes
        [InlineData("clé_secrète", "héllo", "8adcc058a07c38031510ee2d2b243acdb911af545157912910501743daec2fc1")]
        // empty body: the message is just "t."
        [InlineData("whsec_example", "", "fb65960b14faefae0b075b644775ffababf2a7ddaec6d467a709ca57b408cd80")]
        public void Known_answers_with_utf8_and_empty_bodies(string secret, string body, string expected)
        {
            Assert.Equal(expected, WebhookSignatureVerifier.ComputeSignatureHex(secret, T, Encoding.UTF8.GetBytes(body)));
            Assert.True(Verify(body, "t=" + T + ",v1=" + expected, secret).IsValid);
        }

        [Fact]
        public void Upper_case_hex_spaces_and_order_do_not_matter()
        {
            Assert.True(Verify(Body, "v1=" + Expected.ToUpperInvariant() + " , t=" + T).IsValid);
        }

        [Fact]
        public void Any_of_several_v1_values_may_match_and_other_schemes_are_ignored()
        {
            var other = new string('0', 64);
            Assert.True(Verify(Body, "t=" + T + ",v0=abc,v1=" + other + ",v1=" + Expected).IsValid);
        }

        [Fact]
        public void A_tampered_body_is_refused()
        {
            var result = Verify(Body.Replace("evt_abc123", "evt_abc124"), "t=" + T + ",v1=" + Expected);
            Assert.False(result.IsValid);
            Assert.Contains("does not match", result.Reason);
        }

        [Fact]
        public void A_reserialized_body_is_refused()
        {
            Assert.False(Verify(Body.Replace(":", ": "), "t=" + T + ",v1=" + Expected).IsValid);
        }

        [Fact]
        public void A_changed_timestamp_is_refused()
        {
            Assert.False(Verify(Body, "t=1710000001,v1=" + Expected, now: SignedAt).IsValid);
        }

        [Fact]
        public void The_wrong_secret_is_refused()
        {
            var result = Verify(Body, "t=" + T + ",v1=" + Expected, secret: "whsec_other");
            Assert.False(result.IsValid);
            Assert.Contains("wrong secret", result.Reason);
        }

        [Fact]
        public void A_replay_older_than_the_tolerance_is_refused()
        {
            var header = "t=" + T + ",v1=" + Expected;
            Assert.True(Verify(Body, header, now: SignedAt.AddMinutes(5)).IsValid);
            var late = Verify(Body, header, now: SignedAt.AddMinutes(5).AddSeconds(1));
            Assert.False(late.IsValid);
            Assert.Contains("old", late.Reason);
            Assert.True(Verify(Body, header, now: SignedAt.AddHours(1), tolerance: TimeSpan.FromHours(2)).IsValid);
        }

        [Fact]
        public void A_timestamp_too_far_in_the_future_is_refused()
        {
            var result = Verify(Body, "t=" + T + ",v1=" + Expected, now: SignedAt.AddMinutes(-6));
            Assert.False(result.IsValid);
            Assert.Contains("future", result.Reason);
        }

        [Theory]
        [InlineData("", "empty")]
        [InlineData("   ", "empty")]
        [InlineData("v1=19ec6eb6a88b60b6645eea9eaa08cfee71f2bfdb377e8e7909a3495206d02b47", "no timestamp")]
        [InlineData("t=1710000000", "no signature")]
        [InlineData("t=1710000000,v1=", "hexadecimal")]
        [InlineData("t=1710000000,v1=zz", "hexadecimal")]
        [InlineData("t=1710000000,v1=19ec6eb6a88b60b6645eea9eaa08cfee71f2bfdb377e8e7909a3495206d02b4g", "hexadecimal")]
        [InlineData("t=1710000000,v1=19ec6eb6a88b60b6645eea9eaa08cfee71f2bfdb377e8e7909a3495206d02b", "hexadecimal")]
        [InlineData("t=abc,v1=19ec6eb6a88b60b6645eea9eaa08cfee71f2bfdb377e8e7909a3495206d02b47", "Unix time")]
        [InlineData("t=-5,v1=19ec6eb6a88b60b6645eea9eaa08cfee71f2bfdb377e8e7909a3495206d02b47", "Unix time")]
        [InlineData("t=1.5,v1=19ec6eb6a88b60b6645eea9eaa08cfee71f2bfdb377e8e7909a3495206d02b47", "Unix time")]
        [InlineData("t=1,t=2,v1=19ec6eb6a88b60b6645eea9eaa08cfee71f2bfdb377e8e7909a3495206d02b47", "more than one t")]
        [InlineData("garbage", "name=value")]
        public void Malformed_headers_are_errors_that_say_what_is_wrong(string header, string expectedText)
        {
            var ex = Assert.Throws<FormatException>(() => Verify(Body, header));
            Assert.Contains(expectedText, ex.Message);
        }

        [Fact]
        public void A_timestamp_out_of_the_date_range_is_refused_not_thrown()
        {
            var result = Verify(Body, "t=999999999999999999,v1=" + Expected);
            Assert.False(result.IsValid);
            Assert.Contains("not a valid date", result.Reason);
        }

        [Fact]
        public void Fixed_time_equals_compares_whole_arrays()
        {
            var a = new byte[] { 1, 2, 3, 4 };
            Assert.True(WebhookSignatureVerifier.FixedTimeEquals(a, new byte[] { 1, 2, 3, 4 }));
            Assert.False(WebhookSignatureVerifier.FixedTimeEquals(a, new byte[] { 0, 2, 3, 4 }));
            Assert.False(WebhookSignatureVerifier.FixedTimeEquals(a, new byte[] { 1, 2, 3, 5 }));
            Assert.False(WebhookSignatureVerifier.FixedTimeEquals(a, new byte[] { 1, 2, 3 }));
            Assert.True(WebhookSignatureVerifier.FixedTimeEquals(new byte[0], new byte[0]));
            Assert.Throws<ArgumentNullException>(() => WebhookSignatureVerifier.FixedTimeEquals(a, null!));
        }

        [Fact]
        public void Fixed_time_equals_does_not_stop_at_the_first_difference()
        {
            // Structural check: the method is marked so the JIT neither inlines nor optimizes it
            // (an early-exit rewrite would be a timing oracle), and a first-byte difference still
            // compares every byte: time the two cases over many runs and allow generous noise.
            var method = typeof(WebhookSignatureVerifier).GetMethod(nameof(WebhookSignatureVerifier.FixedTimeEquals))!;
            var flags = method.MethodImplementationFlags;
            Assert.True(flags.HasFlag(System.Reflection.MethodImplAttributes.NoInlining));
            Assert.True(flags.HasFlag(System.Reflection.MethodImplAttributes.NoOptimization));

            var left = new byte[1 << 16];
            var firstDiffers = (byte[])left.Clone();
            firstDiffers[0] = 1;
            var lastDiffers = (byte[])left.Clone();
            lastDiffers[^1] = 1;
            double Time(byte[] other)
            {
                var best = double.MaxValue;
                for (var round = 0; round < 15; round++)
                {
                    var watch = System.Diagnostics.Stopwatch.StartNew();
                    for (var i = 0; i < 20; i++) WebhookSignatureVerifier.FixedTimeEquals(left, other);
                    best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
                }
                return best;
            }
            Time(firstDiffers); // warm-up
            var first = Time(firstDiffers);
            var last = Time(lastDiffers);
            // An early-exit comparison would make "first" hundreds of times faster than "last".
            Assert.True(first > last / 5, "first-byte difference " + first + " ms vs last-byte difference " + last + " ms");
        }

        [Fact]
        public void The_verifier_uses_the_fixed_time_comparison()
        {
            // A v1 of the right length that differs from the expected one only in its last byte is
            // still refused, and one equal to it is accepted: the comparison is over decoded bytes.
            var nearly = Expected.Substring(0, 62) + "48";
            Assert.False(Verify(Body, "t=" + T + ",v1=" + nearly).IsValid);
            var decoded = WebhookSignatureVerifier.DecodeHex(Expected)!;
            Assert.True(WebhookSignatureVerifier.FixedTimeEquals(decoded, WebhookSignatureVerifier.ComputeSignature(Secret, T, Encoding.UTF8.GetBytes(Body))));
        }
    }
}
