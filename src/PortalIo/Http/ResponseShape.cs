using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Linq.Expressions;
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
    /// This runs on every response, so it is kept cheap: per type, the children that can hold a
    /// module object are found once and read through compiled getters; the walk allocates nothing;
    /// and the path to the null is only worked out, by a second walk, when there is one. A
    /// deserialized response is a tree: no cycle check is needed.
    /// </remarks>
    internal static class ResponseShape
    {
        private const int MaxDepth = 32;
        private static readonly Assembly Module = typeof(ResponseShape).Assembly;
        private static readonly ConcurrentDictionary<Type, Child[]> s_children = new ConcurrentDictionary<Type, Child[]>();
        private static readonly ConcurrentDictionary<Type, Type?> s_moduleItemType = new ConcurrentDictionary<Type, Type?>();

        private sealed class Child
        {
            public Child(string name, Func<object, object?> get)
            {
                Name = name;
                Get = get;
            }

            public string Name { get; }
            public Func<object, object?> Get { get; }
        }

        /// <exception cref="JsonException">A list of module objects holds a null item.</exception>
        public static void Check(object? value)
        {
            if (!HasNullItem(value, 0)) return;
            var path = new List<string>();
            var itemType = FindNull(value, path, 0);
            throw new JsonException("The response has null at $" + string.Concat(path) + " where " + Article(itemType?.Name ?? "object") + " was expected.");
        }

        private static bool HasNullItem(object? value, int depth)
        {
            if (value is null || depth > MaxDepth) return false;
            if (value is IList list)
            {
                if (s_moduleItemType.GetOrAdd(value.GetType(), ModuleItemType) is null) return false;
                for (var i = 0; i < list.Count; i++)
                {
                    var item = list[i];
                    if (item is null || HasNullItem(item, depth + 1)) return true;
                }
                return false;
            }
            var type = value.GetType();
            if (type.Assembly != Module) return false;
            foreach (var child in s_children.GetOrAdd(type, ChildrenOf))
            {
                if (HasNullItem(child.Get(value), depth + 1)) return true;
            }
            return false;
        }

        /// <summary>The slow walk, only after a null was found: fills in the path and returns the expected item type.</summary>
        private static Type? FindNull(object? value, List<string> path, int depth)
        {
            if (value is null || depth > MaxDepth) return null;
            if (value is IList list)
            {
                var itemType = s_moduleItemType.GetOrAdd(value.GetType(), ModuleItemType);
                if (itemType is null) return null;
                for (var i = 0; i < list.Count; i++)
                {
                    path.Add("[" + i + "]");
                    if (list[i] is null) return itemType;
                    var found = FindNull(list[i], path, depth + 1);
                    if (found != null) return found;
                    path.RemoveAt(path.Count - 1);
                }
                return null;
            }
            var type = value.GetType();
            if (type.Assembly != Module) return null;
            foreach (var child in s_children.GetOrAdd(type, ChildrenOf))
            {
                path.Add("." + JsonName(child.Name));
                var found = FindNull(child.Get(value), path, depth + 1);
                if (found != null) return found;
                path.RemoveAt(path.Count - 1);
            }
            return null;
        }

        /// <summary>The readable properties that can hold a module object or a list of them, with compiled getters.</summary>
        private static Child[] ChildrenOf(Type type) =>
            type.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
                .Where(p => !p.PropertyType.IsValueType && p.PropertyType != typeof(string))
                .Where(p => p.PropertyType.Assembly == Module || (typeof(IList).IsAssignableFrom(p.PropertyType) && ModuleItemType(p.PropertyType) != null))
                .Select(p => new Child(p.Name, Getter(type, p)))
                .ToArray();

        private static Func<object, object?> Getter(Type type, PropertyInfo property)
        {
            var instance = Expression.Parameter(typeof(object), "instance");
            var read = Expression.Property(Expression.Convert(instance, type), property);
            return Expression.Lambda<Func<object, object?>>(Expression.Convert(read, typeof(object)), instance).Compile();
        }

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
