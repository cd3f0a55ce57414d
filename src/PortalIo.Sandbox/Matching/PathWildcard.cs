using System;
using System.Text;
using System.Text.RegularExpressions;

namespace PortalIo.Sandbox.Matching
{
    /// <summary>
    /// A path pattern with PowerShell's wildcard rules (<c>*</c> any run of characters, <c>?</c> one
    /// character, <c>[abc]</c> or <c>[a-z]</c> one of a set, a backtick escapes the next character),
    /// matched case-insensitively against the whole path without its query. The journal queries and
    /// the scripted fault rules share it, so a pattern that selects requests in one selects the same
    /// requests in the other. A pattern that does not start with '/' or a wildcard gets a leading '/':
    /// request paths always have one, and 'public/proposals/*' is what people type.
    /// </summary>
    internal sealed class PathWildcard
    {
        private readonly Regex _regex;

        private PathWildcard(string pattern, Regex regex)
        {
            Pattern = pattern;
            _regex = regex;
        }

        /// <summary>The pattern as it is matched (with the leading '/' added where it was missing).</summary>
        public string Pattern { get; }

        public static readonly PathWildcard Any = Parse("*");

        /// <exception cref="ArgumentException">Empty pattern, or a '[' without its ']'.</exception>
        public static PathWildcard Parse(string pattern)
        {
            if (string.IsNullOrWhiteSpace(pattern)) throw new ArgumentException("A path pattern is required, e.g. '/public/proposals/*'.", nameof(pattern));
            pattern = pattern.Trim();
            if (pattern[0] != '/' && pattern[0] != '*' && pattern[0] != '?' && pattern[0] != '[') pattern = "/" + pattern;
            var regex = new StringBuilder("^");
            for (int i = 0; i < pattern.Length; i++)
            {
                char c = pattern[i];
                switch (c)
                {
                    case '*': regex.Append(".*"); break;
                    case '?': regex.Append('.'); break;
                    case '`':
                        if (i + 1 < pattern.Length) regex.Append(Regex.Escape(pattern[++i].ToString()));
                        else regex.Append(Regex.Escape("`"));
                        break;
                    case '[':
                        int close = pattern.IndexOf(']', i + 1);
                        if (close < 0 || close == i + 1)
                            throw new ArgumentException("The path pattern '" + pattern + "' has a '[' without a closing ']' (write `[ for a literal bracket).", nameof(pattern));
                        regex.Append('[').Append(SetOf(pattern.Substring(i + 1, close - i - 1))).Append(']');
                        i = close;
                        break;
                    default: regex.Append(Regex.Escape(c.ToString())); break;
                }
            }
            regex.Append('$');
            return new PathWildcard(pattern, new Regex(regex.ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline));
        }

        /// <summary>The inside of a [set]: ranges stay ranges, everything else is literal.</summary>
        private static string SetOf(string set)
        {
            var result = new StringBuilder();
            for (int i = 0; i < set.Length; i++)
            {
                if (set[i] == '-' && i > 0 && i < set.Length - 1) result.Append('-');
                else result.Append(Regex.Escape(set[i].ToString()).Replace("]", "\\]").Replace("-", "\\-"));
            }
            return result.ToString();
        }

        public bool IsMatch(string path) => _regex.IsMatch(path ?? "");

        public override string ToString() => Pattern;
    }
}
