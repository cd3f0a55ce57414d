using System;
using System.Runtime.InteropServices;
using System.Security;

namespace PortalIo.Session
{
    /// <summary>
    /// SecureString in and out. Secrets enter the module only as SecureString or PSCredential;
    /// the plain text exists only where it must (the HMAC key, the header, the exchange query).
    /// </summary>
    internal static class SecretText
    {
        public static string Reveal(SecureString secure)
        {
            if (secure is null) throw new ArgumentNullException(nameof(secure));
            var pointer = IntPtr.Zero;
            try
            {
                pointer = Marshal.SecureStringToGlobalAllocUnicode(secure);
                // By length, not up to the first NUL: "key\0more" must not be revealed (and sent) as "key".
                return Marshal.PtrToStringUni(pointer, secure.Length) ?? string.Empty;
            }
            finally
            {
                if (pointer != IntPtr.Zero) Marshal.ZeroFreeGlobalAllocUnicode(pointer);
            }
        }

        public static SecureString Protect(string plain)
        {
            var secure = new SecureString();
            foreach (var c in plain ?? string.Empty) secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }
    }
}
