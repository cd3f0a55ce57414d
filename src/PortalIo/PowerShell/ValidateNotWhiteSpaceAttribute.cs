using System;
using System.Collections;
using System.Management.Automation;

namespace PortalIo.PowerShell
{
    /// <summary>Refuses null, empty and whitespace-only strings (also inside arrays), before any request.</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class ValidateNotWhiteSpaceAttribute : ValidateArgumentsAttribute
    {
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            if (arguments is string text) Check(text);
            else if (arguments is IEnumerable items)
                foreach (var item in items) Check(item as string);
            else if (arguments is null) Check(null);
        }

        private static void Check(string? text)
        {
            if (string.IsNullOrWhiteSpace(text))
                throw new ValidationMetadataException("The value is empty or only white space; give a non-blank value.");
            for (var i = 0; i < text!.Length; i++)
            {
                var c = text[i];
                if (char.IsControl(c) && c != '\n' && c != '\r' && c != '\t')
                    throw new ValidationMetadataException("The value contains a control character (U+" + ((int)c).ToString("X4") + "); remove it.");
                // Half of a surrogate pair is not a character: UTF-8 cannot carry it, so it would arrive as U+FFFD.
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
                if (char.IsSurrogate(c))
                    throw new ValidationMetadataException("The value contains half of a surrogate pair (U+" + ((int)c).ToString("X4") + "), which is not a character; remove it.");
            }
        }
    }
}
