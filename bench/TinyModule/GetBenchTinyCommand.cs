using System.Management.Automation;

namespace PortalIo.BenchTiny
{
    /// <summary>The one cmdlet of the import baseline module.</summary>
    [Cmdlet(VerbsCommon.Get, "BenchTiny")]
    [OutputType(typeof(int))]
    public sealed class GetBenchTinyCommand : PSCmdlet
    {
        [Parameter(Position = 0)]
        public int Value { get; set; }

        protected override void ProcessRecord() => WriteObject(Value);
    }
}
