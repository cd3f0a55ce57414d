using System;

namespace PortalIo.PowerShell.Pipeline
{
    /// <summary>
    /// Marks a cmdlet's -Id as the id of one resource, so <see cref="PipelineInput"/> checks which
    /// PortalIo object filled it from the pipeline (the table is <see cref="PipelineIds"/>).
    /// </summary>
    [AttributeUsage(AttributeTargets.Property)]
    internal sealed class IdOfAttribute : Attribute
    {
        public IdOfAttribute(PortalResource resource) => Resource = resource;

        public PortalResource Resource { get; }
    }
}
