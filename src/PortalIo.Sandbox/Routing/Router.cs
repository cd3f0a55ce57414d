using System;
using System.Collections.Generic;
using System.Linq;
using PortalIo.Sandbox.Http;

namespace PortalIo.Sandbox.Routing
{
    /// <summary>The route table. Each resource registers its routes (see the *Routes classes), so new slices only add a class.</summary>
    internal sealed class Router
    {
        private readonly List<Route> _routes = new List<Route>();

        public IReadOnlyList<Route> Routes => _routes;

        public void Map(string method, string template, RouteAccess access, Func<EmulatorRequest, EmulatorResponse> handler) =>
            _routes.Add(new Route(method, template, access, handler));

        public RouteMatch Match(string method, string path)
        {
            var segments = Route.Split(path);
            var allowed = new List<string>();
            foreach (var route in _routes)
            {
                if (!route.TryMatch(segments, out var values)) continue;
                if (string.Equals(route.Method, method, StringComparison.OrdinalIgnoreCase))
                    return new RouteMatch(route, values, new string[0]);
                allowed.Add(route.Method);
            }
            return new RouteMatch(null, new Dictionary<string, string>(), allowed.Distinct().ToList());
        }
    }
}
