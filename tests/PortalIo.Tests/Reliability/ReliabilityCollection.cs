using Xunit;

namespace PortalIo.Tests.Reliability
{
    /// <summary>
    /// The reliability tests measure time and load, so they run one after another (not beside each
    /// other) on a machine whose few cores other people share.
    /// </summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class ReliabilityCollection
    {
        public const string Name = "Reliability";
    }
}
