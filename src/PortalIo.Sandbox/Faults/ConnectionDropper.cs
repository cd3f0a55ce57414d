using System;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace PortalIo.Sandbox.Faults
{
    /// <summary>
    /// Drops a request's connection without sending a response byte, as a crashed server or a
    /// load balancer does. On Windows, <see cref="HttpListenerResponse.Abort"/> does exactly that
    /// (http.sys cancels the request); the managed HttpListener of Linux and macOS instead closes
    /// its response stream in Abort, which sends "200 OK" with an empty body: a different fault.
    /// There the socket is found and reset (linger 0: RST) before Abort runs.
    /// </summary>
    internal static class ConnectionDropper
    {
        private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;

        /// <param name="reset">True: reset (RST), as a crash does. False: a graceful close (FIN) after
        /// what was sent, so the client reads a response that ends early.</param>
        public static void Drop(HttpListenerContext context, bool reset = true)
        {
            var socket = FindSocket(context);
            if (socket != null)
            {
                try
                {
                    if (reset)
                    {
                        Reset(socket);
                    }
                    else
                    {
                        socket.Shutdown(SocketShutdown.Both);
                        socket.Close();
                    }
                }
                catch (Exception)
                {
                    // Already closed: the client sees the connection end either way.
                }
            }
            else
            {
                // No socket to reset: at least make whatever Abort sends incomplete, never a valid answer.
                try { context.Response.ContentLength64 = 1 << 20; } catch (Exception) { }
            }
            try { context.Response.Abort(); } catch (Exception) { }
        }

        /// <summary>
        /// Resets every connection the listener still holds, before it is closed: closing the
        /// managed listener would otherwise complete each of them (a request parsed but not yet
        /// handed out, or one between requests) with an empty "200 OK". Best effort: where the
        /// listener has no such table (http.sys on Windows), closing it cancels them properly.
        /// </summary>
        public static void ResetAll(HttpListener listener)
        {
            try
            {
                for (var type = listener.GetType(); type != null; type = type.BaseType)
                {
                    foreach (var field in type.GetFields(Instance | BindingFlags.DeclaredOnly))
                    {
                        if (!(field.GetValue(listener) is System.Collections.IDictionary table)) continue;
                        var connections = new System.Collections.ArrayList();
                        lock (table.SyncRoot) connections.AddRange(table.Keys);
                        foreach (var connection in connections)
                            if (connection != null && connection.GetType().Name == "HttpConnection") Reset(FindMember(connection, t => typeof(Socket).IsAssignableFrom(t)) as Socket);
                    }
                }
            }
            catch (Exception)
            {
                // Private fields of another runtime: nothing to reset this way.
            }
        }

        private static void Reset(Socket? socket)
        {
            if (socket == null) return;
            try
            {
                socket.LingerState = new LingerOption(true, 0);
                socket.Close(0);
            }
            catch (Exception)
            {
                // Already closed.
            }
        }

        private static Socket? FindSocket(HttpListenerContext context)
        {
            try
            {
                var connection = FindMember(context, t => t.Name == "HttpConnection");
                return connection == null ? null : FindMember(connection, t => typeof(Socket).IsAssignableFrom(t)) as Socket;
            }
            catch (Exception)
            {
                return null;
            }
        }

        private static object? FindMember(object owner, Func<Type, bool> wanted)
        {
            for (var type = owner.GetType(); type != null; type = type.BaseType)
            {
                foreach (var field in type.GetFields(Instance | BindingFlags.DeclaredOnly))
                    if (wanted(field.FieldType)) return field.GetValue(owner);
                foreach (var property in type.GetProperties(Instance | BindingFlags.DeclaredOnly))
                    if (property.GetIndexParameters().Length == 0 && wanted(property.PropertyType)) return property.GetValue(owner);
            }
            return null;
        }
    }
}
