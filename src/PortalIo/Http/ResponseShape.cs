using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using PortalIo.Models;

namespace PortalIo.Http
{
    /// <summary>
    /// What the serializer accepts but the module cannot use: a null where the API documents an
    /// object inside a list (<c>"areas": [null]</c>), and a resource without its id (a 200 with
    /// <c>{}</c> read as a Proposal would be Id 0: see <see cref="ResourceIds"/>). Found here,
    /// once, after deserializing, so that it becomes an InvalidResponse error naming the place
    /// instead of a NullReferenceException, a null or an object with Id 0 written to the pipeline.
    /// A deserialized response is a tree: no cycle check is needed.
    /// </summary>
    internal static class ResponseShape
    {
        private const int MaxDepth = 32;
        private static readonly Assembly Module = typeof(ResponseShape).Assembly;

        // Per type, found once: which properties can hold a module object, and a list's module item type.
        private static readonly ConcurrentDictionary<Type, PropertyInfo[]> s_children = new ConcurrentDictionary<Type, PropertyInfo[]>();
        private static readonly ConcurrentDictionary<Type, Type?> s_moduleItemType = new ConcurrentDictionary<Type, Type?>();

        /// <exception cref="JsonException">A list of module objects holds a null item, or a resource has no id.</exception>
        public static void Check(object? value)
        {
            Type? expected = null;
            var missingId = false;
            var path = PathToProblem(value, 0, ref expected, ref missingId);
            if (path is null) return;
            if (missingId)
                throw new JsonException("The response has " + Article(expected!.Name) + " without its " + ResourceIds.IdName(expected) + " at $" + path + ".");
            throw new JsonException("The response has null at $" + path + " where " + Article(expected?.Name ?? "object") + " was expected.");
        }

        /// <summary>"a Proposal", "a list of Contact", for messages about what was expected.</summary>
        public static string Describe(Type type)
        {
            if (typeof(IList).IsAssignableFrom(type))
            {
                var item = ModuleItemType(type);
                return item != null ? "a list of " + item.Name : "a list";
            }
            return type.Assembly == Module ? Article(type.Name) : "a JSON value";
        }

        /// <summary>Whether the body is well-formed JSON (with strings that are valid UTF-8): if not, it was cut off or spoiled on the way.</summary>
        public static bool IsWellFormedJson(ResponseBody body)
        {
            try
            {
                var reader = new Utf8JsonReader(body.AsSequence(), new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
                while (reader.Read())
                {
                    if (reader.TokenType == JsonTokenType.String || reader.TokenType == JsonTokenType.PropertyName) reader.GetString();
                }
                return reader.BytesConsumed > 0;
            }
            catch (Exception ex) when (ex is JsonException || ex is InvalidOperationException)
            {
                return false;
            }
        }

        /// <summary>
        /// The path below <paramref name="value"/> to the first null item of a list of module
        /// objects or the first resource without its id, or null when there is none.
        /// </summary>
        private static string? PathToProblem(object? value, int depth, ref Type? expected, ref bool missingId)
        {
            if (value is null || depth > MaxDepth) return null;
            if (ResourceIds.IdOf(value) is long id && id <= 0)
            {
                expected = value.GetType();
                missingId = true;
                return string.Empty;
            }
            if (value is IList list)
            {
                var itemType = s_moduleItemType.GetOrAdd(value.GetType(), ModuleItemType);
                if (itemType is null) return null;
                for (var i = 0; i < list.Count; i++)
                {
                    if (list[i] is null)
                    {
                        expected = itemType;
                        return "[" + i + "]";
                    }
                    var below = PathToProblem(list[i], depth + 1, ref expected, ref missingId);
                    if (below != null) return "[" + i + "]" + below;
                }
                return null;
            }
            var type = value.GetType();
            if (type.Assembly != Module) return null;
            foreach (var child in s_children.GetOrAdd(type, ChildrenOf))
            {
                var below = PathToProblem(child.GetValue(value), depth + 1, ref expected, ref missingId);
                if (below != null) return "." + JsonName(child.Name) + below;
            }
            return null;
        }

        /// <summary>The readable properties that can hold a module object or a list of them.</summary>
        private static PropertyInfo[] ChildrenOf(Type type) =>
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
