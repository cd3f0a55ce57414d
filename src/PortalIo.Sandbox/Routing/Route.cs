using System;
using System.Collections.Generic;
using PortalIo.Sandbox.Http;

namespace PortalIo.Sandbox.Routing
{
    /// <summary>One method + path template ("/public/proposals/{proposalId}/area") and its handler.</summary>
    internal sealed class Route
    {
        private readonly string[] _segments;

        public Route(string method, string template, RouteAccess access, Func<EmulatorRequest, EmulatorResponse> handler)
        {
            Method = method;
            Template = template;
            Access = access;
            Handler = handler;
            _segments = Split(template);
        }

        public string Method { get; }
        public string Template { get; }
        public RouteAccess Access { get; }
        public Func<EmulatorRequest, EmulatorResponse> Handler { get; }

        /// <summary>Literal segments match case-insensitively, as ServiceStack routes do; {name} segments capture anything.</summary>
        public bool TryMatch(string[] pathSegments, out Dictionary<string, string> values)
        {
            values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (pathSegments.Length != _segments.Length) return false;
            for (int i = 0; i < _segments.Length; i++)
            {
                var template = _segments[i];
                if (template.StartsWith("{", StringComparison.Ordinal) && template.EndsWith("}", StringComparison.Ordinal))
                    values[template.Substring(1, template.Length - 2)] = pathSegments[i];
                else if (!string.Equals(template, pathSegments[i], StringComparison.OrdinalIgnoreCase))
                    return false;
            }
            return true;
        }

        public static string[] Split(string path) => path.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
    }
}
