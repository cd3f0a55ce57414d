using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using PortalIo.PowerShell.Errors;

namespace PortalIo.PowerShell.Pipeline
{
    /// <summary>
    /// The pipeline binding rule (about_PortalIo, "Pipeline binding"). PowerShell binds -Id by
    /// property name from any object that has an Id, so an area piped to Set-PortalProposal would
    /// name proposal 5001, its area id. A cmdlet whose -Id is a resource's id (<see cref="IdOfAttribute"/>)
    /// therefore also takes the object itself, through a hidden InputObject parameter that binds from
    /// the same input, and asks <see cref="Admit"/> before it uses the input: a PortalIo object of the
    /// resource keeps its Id, another one gives the id it carries of that resource (an area its
    /// ProposalId), and any other PortalIo object, or an input that binds to nothing, gets an error
    /// record that names its type and the parameter, and nothing is sent for it. Untyped objects
    /// (Import-Csv rows, pscustomobject, numbers) keep PowerShell's binding by property name.
    /// </summary>
    internal sealed class PipelineInput
    {
        public const string ParameterName = "InputObject";

        private readonly PSCmdlet _cmdlet;
        private readonly Action<ErrorRecord> _writeRefusal;
        private readonly string[] _givenOnCommandLine;

        /// <summary>Call in BeginProcessing: what is bound then was given on the command line.</summary>
        /// <param name="writeRefusal">Writes a refused input's error record (in its place among the inputs, for a fan-out).</param>
        public PipelineInput(PSCmdlet cmdlet, Action<ErrorRecord> writeRefusal)
        {
            _cmdlet = cmdlet;
            _writeRefusal = writeRefusal;
            // A copy of a handful of names, searched only when an input comes: cheaper per command than a set.
            _givenOnCommandLine = cmdlet.MyInvocation.BoundParameters.Keys.ToArray();
        }

        /// <summary>
        /// True when the cmdlet may use what the pipeline bound for <paramref name="input"/> (-Id
        /// re-pointed to the id the input carries of the cmdlet's resource); otherwise writes the
        /// input's error record and returns false.
        /// </summary>
        public bool Admit(PSObject? input)
        {
            if (input is null) return true;
            var shape = CmdletShape.Of(_cmdlet.GetType());
            var portalType = PortalTypeOf(input);
            if (shape.Id != null && portalType != null && BoundFromThisInput(shape.Id))
            {
                var source = PipelineIds.SourceProperty(shape.Resource, portalType);
                if (source is null) return Refuse(input, shape.Id.Name, WrongResource(shape, portalType, input));
                if (!TryReadId(input, source, out var id)) return Refuse(input, shape.Id.Name, MissingId(shape, portalType, source));
                var value = LanguagePrimitives.ConvertTo(id, shape.Id.PropertyType, CultureInfo.InvariantCulture);
                shape.Id.SetValue(_cmdlet, value);
                _cmdlet.MyInvocation.BoundParameters[shape.Id.Name] = value;
                return true;
            }
            if (shape.PipelineParameters.Any(BoundFromThisInput)) return true;
            return Refuse(input, shape.PipelineParameters.FirstOrDefault()?.Name ?? ParameterName, NothingBound(shape, portalType, input));
        }

        /// <summary>
        /// Bound from the current input: PowerShell leaves the previous input's value in
        /// BoundParameters when this one does not bind the parameter (it only resets the property
        /// to its default), so the property must also hold that very value.
        /// </summary>
        private bool BoundFromThisInput(PropertyInfo parameter)
        {
            if (GivenOnCommandLine(parameter.Name)) return false;
            if (!_cmdlet.MyInvocation.BoundParameters.TryGetValue(parameter.Name, out var bound)) return false;
            var current = parameter.GetValue(_cmdlet);
            return ReferenceEquals(current, bound) || (current != null && current.GetType().IsValueType && current.Equals(bound));
        }

        private bool GivenOnCommandLine(string parameter) =>
            Array.Exists(_givenOnCommandLine, name => string.Equals(name, parameter, StringComparison.OrdinalIgnoreCase));

        /// <summary>The PortalIo type an input is, live, deserialized (Import-Clixml, jobs) or narrowed by Select-Object; null for others.</summary>
        internal static string? PortalTypeOf(PSObject input)
        {
            foreach (var name in input.TypeNames)
            {
                var bare = name;
                foreach (var prefix in new[] { "Deserialized.", "Selected." })
                    if (bare.StartsWith(prefix, StringComparison.Ordinal)) bare = bare.Substring(prefix.Length);
                if (bare.StartsWith("PortalIo.", StringComparison.Ordinal)) return bare;
            }
            return null;
        }

        private static bool TryReadId(PSObject input, string property, out long id)
        {
            id = 0;
            var value = input.Properties[property]?.Value;
            if (value is PSObject wrapped) value = wrapped.BaseObject;
            return value != null && LanguagePrimitives.TryConvertTo(value, CultureInfo.InvariantCulture, out id) && id >= 1;
        }

        private bool Refuse(PSObject input, string parameter, (string Message, string Action) why)
        {
            _writeRefusal(new ErrorRecord(new ArgumentException(why.Message, parameter), ErrorIds.PipelineInputRefused, ErrorCategory.InvalidArgument, input)
            {
                ErrorDetails = new ErrorDetails(why.Message) { RecommendedAction = why.Action },
            });
            return false;
        }

        private string CommandName => _cmdlet.MyInvocation.MyCommand?.Name ?? _cmdlet.GetType().Name;

        private (string, string) WrongResource(CmdletShape shape, string portalType, PSObject input)
        {
            var noun = PipelineIds.Noun(shape.Resource);
            var id = input.Properties["Id"]?.Value;
            return (CommandName + " -" + shape.Id!.Name + " takes the id of a " + noun + "; the " + ShortName(portalType) + " on the pipeline" +
                    (id != null ? " (Id " + id + ")" : string.Empty) + " is not a " + noun + ", so nothing was sent for it.",
                "Pipe " + PipelineIds.Givers(shape.Resource) + ", or numbers; or give -" + shape.Id.Name + " yourself.");
        }

        private (string, string) MissingId(CmdletShape shape, string portalType, string source) =>
            ("The " + ShortName(portalType) + " on the pipeline has no " + source + ", so " + CommandName + " -" + shape.Id!.Name +
                " has no " + PipelineIds.Noun(shape.Resource) + " to use; nothing was sent for it.",
             "Give -" + shape.Id.Name + " yourself, or pipe " + PipelineIds.Givers(shape.Resource) + ".");

        private (string, string) NothingBound(CmdletShape shape, string? portalType, PSObject input)
        {
            var what = portalType != null ? ShortName(portalType) : input.BaseObject?.GetType().Name ?? "object";
            var parameters = string.Join(", ", shape.PipelineParameters.Select(p => "-" + p.Name));
            var given = shape.PipelineParameters.Where(p => GivenOnCommandLine(p.Name)).Select(p => "-" + p.Name).ToList();
            return ("The " + what + " on the pipeline binds to no parameter of " + CommandName + " (it takes " + parameters + " from the pipeline" +
                    (given.Count > 0 ? "; " + string.Join(", ", given) + " was given on the command line" : string.Empty) + "), so nothing was sent for it.",
                shape.Id != null
                    ? "Pipe " + PipelineIds.Givers(shape.Resource) + ", or numbers; or give -" + shape.Id.Name + " without pipeline input."
                    : "Pipe objects with the properties " + parameters.Replace("-", string.Empty) + ".");
        }

        private static string ShortName(string typeFullName) => typeFullName.Substring(typeFullName.LastIndexOf('.') + 1);

        /// <summary>Per cmdlet type: the resource -Id, and the other parameters that bind from the pipeline.</summary>
        private sealed class CmdletShape
        {
            private static readonly ConcurrentDictionary<Type, CmdletShape> s_shapes = new ConcurrentDictionary<Type, CmdletShape>();

            private CmdletShape(Type cmdletType)
            {
                var parameters = new List<PropertyInfo>();
                foreach (var property in cmdletType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    if (property.Name == ParameterName) continue;
                    var attributes = property.GetCustomAttributes<ParameterAttribute>(true).ToList();
                    if (!attributes.Any(a => a.ValueFromPipeline || a.ValueFromPipelineByPropertyName)) continue;
                    parameters.Add(property);
                    var idOf = property.GetCustomAttribute<IdOfAttribute>(true);
                    if (idOf != null)
                    {
                        Id = property;
                        Resource = idOf.Resource;
                    }
                }
                PipelineParameters = parameters;
            }

            public PropertyInfo? Id { get; }
            public PortalResource Resource { get; }
            public IReadOnlyList<PropertyInfo> PipelineParameters { get; }

            public static CmdletShape Of(Type cmdletType) => s_shapes.GetOrAdd(cmdletType, t => new CmdletShape(t));
        }
    }
}
