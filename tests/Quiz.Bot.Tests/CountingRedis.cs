using System.Reflection;
using System.Runtime.ExceptionServices;
using StackExchange.Redis;

namespace Quiz.Bot.Tests;

/// <summary>A real Redis connection whose databases count the commands sent through them (each call is one round trip).</summary>
public sealed class CountingRedis
{
    private int calls;

    public IConnectionMultiplexer Multiplexer { get; private set; } = null!;

    public int Calls => Volatile.Read(ref calls);

    public static CountingRedis Wrap(IConnectionMultiplexer inner)
    {
        var counting = new CountingRedis();
        var multiplexer = DispatchProxy.Create<IConnectionMultiplexer, MultiplexerProxy>();
        ((MultiplexerProxy)(object)multiplexer).Init(inner, counting);
        counting.Multiplexer = multiplexer;
        return counting;
    }

    internal void Count() => Interlocked.Increment(ref calls);

    public class MultiplexerProxy : DispatchProxy
    {
        private IConnectionMultiplexer inner = null!;
        private CountingRedis counter = null!;

        internal void Init(IConnectionMultiplexer multiplexer, CountingRedis counting) => (inner, counter) = (multiplexer, counting);

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            var result = targetMethod!.Invoke(inner, args);
            if (targetMethod.Name != nameof(IConnectionMultiplexer.GetDatabase)) return result;
            var database = DispatchProxy.Create<IDatabase, DatabaseProxy>();
            ((DatabaseProxy)(object)database).Init((IDatabase)result!, counter);
            return database;
        }
    }

    public class DatabaseProxy : DispatchProxy
    {
        private IDatabase inner = null!;
        private CountingRedis counter = null!;

        internal void Init(IDatabase database, CountingRedis counting) => (inner, counter) = (database, counting);

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            if (typeof(Task).IsAssignableFrom(targetMethod!.ReturnType)) counter.Count();
            try
            {
                return targetMethod.Invoke(inner, args);
            }
            catch (TargetInvocationException ex) when (ex.InnerException is { } thrown)
            {
                ExceptionDispatchInfo.Capture(thrown).Throw();
                throw;
            }
        }
    }
}
