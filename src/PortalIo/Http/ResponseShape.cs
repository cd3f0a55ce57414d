using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;

namespace PortalIo.Http
{
    /// <summary>
    /// What the serializer accepts but the module cannot use: a null where the API documents an
    /// object inside a list (<c>"areas": [null]</c>). Found here, once, after deserializing, so that
    /// it becomes an InvalidResponse error naming the place instead of a NullReferenceException (or
    /// a null written to the pipeline) somewhere in a cmdlet.
    /// </summary>
    /// <remarks>
    /// This runs on every response, so the walk only visits what can hold a module object (the
    /// properties to look at are worked out once per type) and the path is only spelled out when
    /// a null is found. A deserialized response is a tree: no cycle check is needed.
    /// </remarks>
    internal static class ResponseShape
    {
        private const int MaxDepth = 32;
        private static readonly Assembly Module = typeof(ResponseShape).Assembly;
        private static readonly ConcurrentDictionary<Type, PropertyInfo[]> s_childProperties = new ConcurrentDictionary<Type, PropertyInfo[]>();
        private static readonly ConcurrentDictionary<Type, Type?> s_moduleItemType = new ConcurrentDictionary<Type, Type?>();

        /// <exception cref="JsonException">A list of module objects holds a null item.</exception>
        public static void Check(object? value) => Check(value, null, 0);

        /// <summary>Where the walk is, kept as a chain so the path costs nothing until it is needed.</summary>
        private sealed class Step
        {
            public Step(Step? parent, string? property, int index)
            {
                Parent = parent;
                Property = property;
                Index = index;
            }

            public Step? Parent { get; }
            public string? Property { get; }
            public int Index { get; }

            public static string Describe(Step? step)
            {
                var parts = new List<string>();
                for (var s = step; s != null; s = s.Parent)
                    parts.Add(s.Property != null ? "." + JsonName(s.Property) : "[" + s.Index + "]");
                parts.Reverse();
                return "$" + string.Concat(parts);
            }
        }

        private static void Check(object? value, Step? path, int depth)
        {
            if (value is null || depth > MaxDepth) return;
            var type = value.GetType();
            if (value is IList list)
            {
                var itemType = s_moduleItemType.GetOrAdd(type, ModuleItemType);
                if (itemType is null) return;
                for (var i = 0; i < list.Count; i++)
                {
                    var item = list[i];
                    if (item is null)
                        throw new JsonException("The response has null at " + Step.Describe(new Step(path, null, i)) + " where " + Article(itemType.Name) + " was expected.");
                    Check(item, new Step(path, null, i), depth + 1);
                }
                return;
            }
            if (type.Assembly != Module) return;
            foreach (var property in s_childProperties.GetOrAdd(type, ChildProperties))
            {
                object? child;
                try { child = property.GetValue(value); }
                catch (TargetInvocationException) { continue; }
                if (child != null) Check(child, new Step(path, property.Name, 0), depth + 1);
            }
        }

        /// <summary>The readable properties that can hold a module object or a list of them.</summary>
        private static PropertyInfo[] ChildProperties(Type type) =>
            type.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
                .Where(p => !p.PropertyType.IsValueType && p.PropertyType != typeof(string))
                .Where(p => p.PropertyType.Assembly == Module || (typeof(IList).IsAssignableFrom(p.PropertyType) && ModuleItemType(p.PropertyType) != null))
                .ToArray();

        /// <summary>The item type of a list when it is a module type (lists of strings or numbers are not walked).</summary>
        private static Type? ModuleItemType(Type listType)
        {
            Type? item = null;
            if (listType.IsArray) item = listType.GetElementType();
            else
            {
                foreach (var i in listType.GetInterfaces())
                {
                    if (i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IList<>))
                    {
                        item = i.GetGenericArguments()[0];
                        break;
                    }
                }
            }
            return item != null && item.Assembly == Module ? item : null;
        }

        private static string JsonName(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name.Substring(1);

        private static string Article(string name) => ("AEIOU".IndexOf(name[0]) >= 0 ? "an " : "a ") + name;
    }
}
