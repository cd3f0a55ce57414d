using PortalIo.Sandbox.Http;
using PortalIo.Sandbox.Model;

namespace PortalIo.Sandbox.Security
{
    /// <summary>Outcome of <see cref="RequestAuthenticator"/>: either a failure response or the caller.</summary>
    internal sealed class AuthenticationResult
    {
        public AuthenticationResult(DealerUser? user, EmulatorResponse? failure, bool signatureValid)
        {
            User = user;
            Failure = failure;
            SignatureValid = signatureValid;
        }

        public DealerUser? User { get; }
        public EmulatorResponse? Failure { get; }
        public bool SignatureValid { get; }
        public bool Succeeded => Failure == null;

        /// <summary>True only for a hash mismatch, the failure a signer bug produces.</summary>
        public bool IsSignatureMismatch { get; set; }
    }
}
