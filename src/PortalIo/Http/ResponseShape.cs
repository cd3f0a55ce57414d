using System;
using System.Collections;
using System.Collections.Generic;
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
    internal static class ResponseShape
    {
        private const int MaxDepth = 32;
        private static readonly Assembly Module = typeof(ResponseShape).Assembly;

        /// <exception cref="JsonException">A list of module objects holds a null item.</exception>
        public static void Check(object? value) => Check(value, "$", 0, new HashSet<object>(ReferenceEqualityComparer.Instance));

        private static void Check(object? value, string path, int depth, HashSet<object> seen)
        {
            if (value is null || depth > MaxDepth || !seen.Add(value)) return;
            var type = value.GetType();
            if (value is IList list && !(value is string))
            {
                for (var i = 0; i < list.Count; i++)
                {
                    var item = list[i];
                    if (item is null)
                    {
                        var itemType = ItemType(type);
                        if (itemType != null && itemType.Assembly == Module)
                            throw new JsonException("The response has null at " + path + "[" + i + "] where " + Article(itemType.Name) + " was expected.");
                        continue;
                    }
                    Check(item, path + "[" + i + "]", depth + 1, seen);
                }
                return;
            }
            if (type.Assembly != Module) return;
            foreach (var property in type.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            {
                if (property.GetIndexParameters().Length != 0 || !property.CanRead) continue;
                var propertyType = property.PropertyType;
                if (propertyType.IsValueType || propertyType == typeof(string)) continue;
                if (!(propertyType.Assembly == Module || typeof(IList).IsAssignableFrom(propertyType))) continue;
                object? child;
                try { child = property.GetValue(value); }
                catch (TargetInvocationException) { continue; }
                Check(child, path + "." + JsonName(property.Name), depth + 1, seen);
            }
        }

        private static Type? ItemType(Type listType)
        {
            if (listType.IsArray) return listType.GetElementType();
            foreach (var i in listType.GetInterfaces())
                if (i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IList<>)) return i.GetGenericArguments()[0];
            return null;
        }

        private static string JsonName(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name.Substring(1);

        private static string Article(string name) => ("AEIOU".IndexOf(name[0]) >= 0 ? "an " : "a ") + name;

        private sealed class ReferenceEqualityComparer : IEqualityComparer<object>
        {
            public static readonly ReferenceEqualityComparer Instance = new ReferenceEqualityComparer();
            public new bool Equals(object? x, object? y) => ReferenceEquals(x, y);
            public int GetHashCode(object obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
        }
    }
}
