namespace PortalIo.Http
{
    /// <summary>
    /// What may be sent as the value of a header the module sets from a key (X-MSS-API-APPID,
    /// X-MSS-API-USERKEY): visible ASCII only. A CR or LF would end the header line, and what
    /// follows would be read as another header or even a second request carrying the signed
    /// headers; a space or control character is not part of any key Portal.io issues; a non-ASCII
    /// character is refused by the HTTP stack only once the request is under way. Checked before
    /// any request, and the message never contains the value.
    /// </summary>
    internal static class HeaderValueRule
    {
        /// <summary>Why the value cannot be sent ("contains a line break (CR or LF)"), or null when it can.</summary>
        public static string? Problem(string? value)
        {
            if (string.IsNullOrEmpty(value)) return "is empty";
            foreach (var c in value!)
            {
                if (c == '\r' || c == '\n') return "contains a line break (CR or LF)";
            }
            foreach (var c in value!)
            {
                if (c > '~') return "contains a non-ASCII character";
                if (c == ' ') return "contains a space";
                if (c < ' ') return "contains a control character";
            }
            return null;
        }

        public static bool IsValid(string? value) => Problem(value) is null;
    }
}
