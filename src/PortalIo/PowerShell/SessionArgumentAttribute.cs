using System.Management.Automation;
using System.Runtime.CompilerServices;
using System.Runtime.Serialization;
using PortalIo.Session;

namespace PortalIo.PowerShell
{
    /// <summary>
    /// Lets a copy of a session reach the cmdlet instead of failing in the binder with a cast error:
    /// a session deserialized by Start-Job, Import-Clixml or remoting carries no keys
    /// (PortalIo.types.ps1xml keeps them out), so it becomes an unusable session that
    /// <see cref="PortalApiCmdlet"/> refuses with PortalIo.SessionNotUsable and what to do instead.
    /// </summary>
    internal sealed class SessionArgumentAttribute : ArgumentTransformationAttribute
    {
        private const string DeserializedTypeName = "Deserialized.PortalIo.Session.PortalSession";

        // The stand-ins made for copies, so the error can say where the session came from.
        private static readonly ConditionalWeakTable<PortalSession, PSObject> s_copies = new ConditionalWeakTable<PortalSession, PSObject>();

        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            if (!(inputData is PSObject wrapped) || wrapped.BaseObject is PortalSession || !wrapped.TypeNames.Contains(DeserializedTypeName))
                return inputData;
            var standIn = (PortalSession)FormatterServices.GetUninitializedObject(typeof(PortalSession));
            s_copies.Add(standIn, wrapped);
            return standIn;
        }

        /// <summary>The deserialized copy a stand-in was made for; null for any other session.</summary>
        public static PSObject? CopyBehind(PortalSession session) => s_copies.TryGetValue(session, out var copy) ? copy : null;
    }
}
