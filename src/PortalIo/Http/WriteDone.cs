namespace PortalIo.Http
{
    /// <summary>The result of a write that returns nothing (a deletion): it was applied.</summary>
    internal sealed class WriteDone
    {
        public static readonly WriteDone Instance = new WriteDone();

        private WriteDone()
        {
        }
    }
}
