using System.Collections.Generic;

namespace PortalIo.Sandbox.Routing
{
    /// <summary>The result of routing: a route, or "known path, wrong method" (405), or nothing (404).</summary>
    internal sealed class RouteMatch
    {
        public RouteMatch(Route? route, IReadOnlyDictionary<string, string> values, IReadOnlyList<string> allowedMethods)
        {
            Route = route;
            Values = values;
            AllowedMethods = allowedMethods;
        }

        public Route? Route { get; }
        public IReadOnlyDictionary<string, string> Values { get; }
        /// <summary>Methods the path supports, when the path is known but the method is not.</summary>
        public IReadOnlyList<string> AllowedMethods { get; }
    }
}
