using System;
using System.IO;
using System.Text;

namespace PortalIo.Sandbox.Http
{
    /// <summary>
    /// application/x-www-form-urlencoded decoding ('+' is a space, %XX are UTF-8 bytes). Own code
    /// instead of Uri.UnescapeDataString, which leaves '+' alone and silently tolerates broken escapes.
    /// </summary>
    internal static class UrlEncoding
    {
        /// <summary>Parses key=value pairs; returns null when strict and an escape is malformed.</summary>
        public static ParameterBag? Parse(string text, bool strict)
        {
            var bag = new ParameterBag();
            if (text.Length == 0) return bag;
            foreach (var pair in text.Split('&'))
            {
                if (pair.Length == 0) continue;
                int eq = pair.IndexOf('=');
                string rawKey = eq < 0 ? pair : pair.Substring(0, eq);
                string rawValue = eq < 0 ? "" : pair.Substring(eq + 1);
                var key = Decode(rawKey, strict);
                var value = Decode(rawValue, strict);
                if (key == null || value == null) return null;
                bag.Add(key, value);
            }
            return bag;
        }

        public static string? Decode(string text, bool strict)
        {
            if (text.IndexOf('%') < 0 && text.IndexOf('+') < 0) return text;
            using (var bytes = new MemoryStream(text.Length))
            {
                for (int i = 0; i < text.Length; i++)
                {
                    char c = text[i];
                    if (c == '+')
                    {
                        bytes.WriteByte((byte)' ');
                    }
                    else if (c == '%' && i + 2 < text.Length && IsHex(text[i + 1]) && IsHex(text[i + 2]))
                    {
                        bytes.WriteByte((byte)Convert.ToInt32(text.Substring(i + 1, 2), 16));
                        i += 2;
                    }
                    else if (c == '%' && strict)
                    {
                        return null;
                    }
                    else
                    {
                        var encoded = Encoding.UTF8.GetBytes(c.ToString());
                        if (char.IsHighSurrogate(c) && i + 1 < text.Length)
                        {
                            encoded = Encoding.UTF8.GetBytes(text.Substring(i, 2));
                            i++;
                        }
                        bytes.Write(encoded, 0, encoded.Length);
                    }
                }
                return Encoding.UTF8.GetString(bytes.ToArray());
            }
        }

        private static bool IsHex(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
