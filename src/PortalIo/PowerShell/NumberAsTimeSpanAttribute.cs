using System;
using System.Globalization;
using System.Management.Automation;

namespace PortalIo.PowerShell
{
    /// <summary>
    /// Reads a bare number given to a TimeSpan parameter in the unit the parameter's help names
    /// (milliseconds for -Latency, seconds for -Tolerance): PowerShell's own conversion reads it as
    /// ticks (100 ns), so `-Latency 2000` would mean 0.2 ms and `-Tolerance 300` 30 µs. Whole digits
    /// in a string count as a number too (TimeSpan's parser reads "2000" as 2,000 days). Anything
    /// else (a TimeSpan, '00:00:02', [timespan]::FromSeconds(2)) is left to PowerShell's conversion.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class NumberAsTimeSpanAttribute : ArgumentTransformationAttribute
    {
        private readonly double _unitMilliseconds;

        /// <param name="unit">What a bare number counts.</param>
        public NumberAsTimeSpanAttribute(TimeSpanUnit unit)
        {
            Unit = unit;
            _unitMilliseconds = unit == TimeSpanUnit.Seconds ? 1000 : 1;
        }

        public TimeSpanUnit Unit { get; }

        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            switch (value)
            {
                case int _:
                case long _:
                case short _:
                case byte _:
                case sbyte _:
                case ushort _:
                case uint _:
                case ulong _:
                case decimal _:
                case double _:
                case float _:
                    return FromMilliseconds(Convert.ToDouble(value, CultureInfo.InvariantCulture) * _unitMilliseconds);
                case string text when IsWholeNumber(text):
                    return FromMilliseconds(double.Parse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) * _unitMilliseconds);
                default:
                    return inputData;
            }
        }

        private TimeSpan FromMilliseconds(double milliseconds)
        {
            if (double.IsNaN(milliseconds) || double.IsInfinity(milliseconds) || Math.Abs(milliseconds) >= TimeSpan.MaxValue.TotalMilliseconds)
                throw new ArgumentTransformationMetadataException("The value " + (milliseconds / _unitMilliseconds).ToString(CultureInfo.InvariantCulture) +
                    " is not a number of " + Unit.ToString().ToLowerInvariant() + " a TimeSpan can hold.");
            // Whole ticks, so that 0.5 is half a millisecond and not rounded to a whole one.
            return TimeSpan.FromTicks((long)Math.Round(milliseconds * TimeSpan.TicksPerMillisecond));
        }

        private static bool IsWholeNumber(string text)
        {
            var trimmed = text.Trim();
            if (trimmed.Length == 0 || trimmed.Length > 15) return false;
            for (var i = 0; i < trimmed.Length; i++)
                if (!(char.IsDigit(trimmed[i]) && trimmed[i] < 128) && !(i == 0 && trimmed[i] == '-')) return false;
            return trimmed != "-";
        }
    }

    /// <summary>The unit of a bare number given to a <see cref="NumberAsTimeSpanAttribute"/> parameter.</summary>
    internal enum TimeSpanUnit
    {
        Milliseconds,
        Seconds,
    }
}
