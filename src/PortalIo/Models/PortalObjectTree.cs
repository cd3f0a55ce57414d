using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace PortalIo.Models
{
    /// <summary>
    /// The <see cref="PortalObject"/>s of an answer: the object itself and those it holds, directly
    /// or in lists, at every depth (a proposal, its areas, their options, their line items, its
    /// financial summary and currency...). An answer is a tree: no cycle check is needed.
    /// </summary>
    internal static class PortalObjectTree
    {
        private const int MaxDepth = 32;
        private static readonly ConcurrentDictionary<Type, PropertyInfo[]> s_children = new ConcurrentDictionary<Type, PropertyInfo[]>();

        public static IEnumerable<PortalObject> Of(object? root)
        {
            var pending = new Stack<(object Value, int Depth)>();
            if (root != null) pending.Push((root, 0));
            while (pending.Count > 0)
            {
                var (value, depth) = pending.Pop();
                if (value is PortalObject node)
                {
                    yield return node;
                    if (depth >= MaxDepth) continue;
                    foreach (var child in s_children.GetOrAdd(node.GetType(), ChildrenOf))
                    {
                        var held = child.GetValue(node);
                        if (held != null) pending.Push((held, depth + 1));
                    }
                }
                else if (value is IEnumerable list && depth < MaxDepth)
                {
                    foreach (var item in list)
                        if (item != null) pending.Push((item, depth + 1));
                }
            }
        }

        /// <summary>The public properties that hold a PortalObject or a list of them.</summary>
        private static PropertyInfo[] ChildrenOf(Type type) =>
            type.GetProperties(BindingFlags.Instance | BindingFlags.Public)
                .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
                .Where(p => typeof(PortalObject).IsAssignableFrom(p.PropertyType) || ListOfPortalObjects(p.PropertyType))
                .ToArray();

        private static bool ListOfPortalObjects(Type type) =>
            type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) && typeof(PortalObject).IsAssignableFrom(type.GetGenericArguments()[0]);
    }
}
