namespace PortalIo.Http
{
    /// <summary>What reading back after a lost answer showed about a write: applied (with its result), not applied, or undecided.</summary>
    internal sealed class ReadBack<T> where T : class
    {
        private ReadBack(T? result, bool notApplied, string? undecided)
        {
            Result = result;
            NotApplied = notApplied;
            Undecided = undecided;
        }

        /// <summary>The write's result when it was applied.</summary>
        public T? Result { get; }

        /// <summary>True when the read proves it was not applied: it may be sent again.</summary>
        public bool NotApplied { get; }

        /// <summary>Why the read cannot tell, when it cannot.</summary>
        public string? Undecided { get; }

        public static ReadBack<T> Applied(T result) => new ReadBack<T>(result, false, null);

        public static ReadBack<T> NotAppliedYet() => new ReadBack<T>(null, true, null);

        public static ReadBack<T> CannotTell(string why) => new ReadBack<T>(null, false, why);
    }
}
