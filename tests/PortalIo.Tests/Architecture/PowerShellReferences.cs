using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;

namespace PortalIo.Tests.Architecture
{
    /// <summary>
    /// Finds every place where a compiled type uses a PowerShell type: its base type and interfaces,
    /// attributes, fields, properties, events, method signatures, and the types, methods and fields
    /// its method bodies name (read from the IL, so a local variable or a call counts too).
    /// </summary>
    internal static class PowerShellReferences
    {
        private const string EngineAssembly = "System.Management.Automation";

        private static readonly Dictionary<short, OpCode> s_opCodes = typeof(OpCodes)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (OpCode)f.GetValue(null)!)
            .ToDictionary(o => o.Value);

        private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance |
            BindingFlags.Static | BindingFlags.DeclaredOnly;

        /// <summary>One line per use, "Type.Member: what it uses".</summary>
        public static IReadOnlyList<string> In(Type type)
        {
            var found = new List<string>();
            void Check(string where, Type? used)
            {
                if (used != null && IsPowerShell(used)) found.Add(type.FullName + where + ": " + used.FullName);
            }

            Check(" (base type)", type.BaseType);
            foreach (var i in type.GetInterfaces()) Check(" (interface)", i);
            foreach (var a in type.CustomAttributes) Check(" (attribute)", a.AttributeType);
            foreach (var field in type.GetFields(Declared))
            {
                Check("." + field.Name, field.FieldType);
                foreach (var a in field.CustomAttributes) Check("." + field.Name + " (attribute)", a.AttributeType);
            }
            foreach (var property in type.GetProperties(Declared))
            {
                Check("." + property.Name, property.PropertyType);
                foreach (var a in property.CustomAttributes) Check("." + property.Name + " (attribute)", a.AttributeType);
            }
            foreach (var e in type.GetEvents(Declared)) Check("." + e.Name, e.EventHandlerType);
            foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
            {
                var where = "." + method.Name;
                if (method is MethodInfo info) Check(where + " (returns)", info.ReturnType);
                foreach (var p in method.GetParameters()) Check(where + " (parameter " + p.Name + ")", p.ParameterType);
                foreach (var a in method.CustomAttributes) Check(where + " (attribute)", a.AttributeType);
                var body = method.GetMethodBody();
                if (body is null) continue;
                foreach (var local in body.LocalVariables) Check(where + " (local)", local.LocalType);
                foreach (var member in MembersNamedBy(method, body.GetILAsByteArray() ?? Array.Empty<byte>()))
                {
                    switch (member)
                    {
                        case Type t: Check(where + " (uses type)", t); break;
                        case FieldInfo f:
                            Check(where + " (uses field " + f.Name + ")", f.DeclaringType);
                            Check(where + " (uses field " + f.Name + ")", f.FieldType);
                            break;
                        case MethodBase m:
                            Check(where + " (calls " + m.Name + ")", m.DeclaringType);
                            if (m is MethodInfo mi) Check(where + " (calls " + m.Name + ")", mi.ReturnType);
                            foreach (var p in m.GetParameters()) Check(where + " (calls " + m.Name + ")", p.ParameterType);
                            foreach (var g in m.IsGenericMethod ? m.GetGenericArguments() : Type.EmptyTypes) Check(where + " (calls " + m.Name + ")", g);
                            break;
                    }
                }
            }
            return found;
        }

        /// <summary>A PowerShell type, or a constructed type (array, generic, by-ref) built on one.</summary>
        public static bool IsPowerShell(Type type)
        {
            if (type.HasElementType) return IsPowerShell(type.GetElementType()!);
            if (type.IsGenericType && !type.IsGenericTypeDefinition && type.GetGenericArguments().Any(IsPowerShell)) return true;
            if (type.IsGenericParameter) return false;
            return type.Assembly.GetName().Name == EngineAssembly ||
                (type.Namespace ?? string.Empty).StartsWith(EngineAssembly, StringComparison.Ordinal);
        }

        /// <summary>The members a method body's IL names through metadata tokens (calls, field accesses, type tokens).</summary>
        private static IEnumerable<MemberInfo> MembersNamedBy(MethodBase method, byte[] il)
        {
            var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
            var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
            var position = 0;
            while (position < il.Length)
            {
                short value = il[position++];
                if (value == 0xFE) value = unchecked((short)(0xFE00 | il[position++]));
                if (!s_opCodes.TryGetValue(value, out var opCode))
                    throw new InvalidOperationException("Unknown opcode 0x" + value.ToString("X") + " in " + method.DeclaringType + "." + method.Name);
                switch (opCode.OperandType)
                {
                    case OperandType.InlineField:
                    case OperandType.InlineMethod:
                    case OperandType.InlineTok:
                    case OperandType.InlineType:
                        var token = BitConverter.ToInt32(il, position);
                        position += 4;
                        yield return method.Module.ResolveMember(token, typeArguments, methodArguments)!;
                        break;
                    case OperandType.InlineSwitch:
                        var count = BitConverter.ToInt32(il, position);
                        position += 4 + 4 * count;
                        break;
                    case OperandType.InlineNone:
                        break;
                    case OperandType.ShortInlineBrTarget:
                    case OperandType.ShortInlineI:
                    case OperandType.ShortInlineVar:
                        position += 1;
                        break;
                    case OperandType.InlineVar:
                        position += 2;
                        break;
                    case OperandType.InlineI8:
                    case OperandType.InlineR:
                        position += 8;
                        break;
                    default:
                        position += 4;
                        break;
                }
            }
        }
    }
}
