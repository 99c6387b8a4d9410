using System.Globalization;

namespace Quiz.LoadDriver;

internal enum Scenario
{
    /// <summary>Mixed updates (/start, /hilfe, menu buttons, membership) against pgbench.</summary>
    Updates,

    /// <summary>Players start quick games with /spielen and answer every question by button.</summary>
    Answers,

    /// <summary>Payers run the purchase flow while chat traffic saturates the real send budget.</summary>
    Payments,

    /// <summary>A tournament of 100,000 seeded entrants through Core; start, ranking reads, finish and rewards are timed.</summary>
    Tournament,

    /// <summary>Outbox claim latency with 1,000,000 sent rows, before and after housekeeping purges them.</summary>
    Purge,

    /// <summary>Flooders send 25 commands each while a control player's /hilfe is timed (issue #12, item 1).</summary>
    Flood,

    /// <summary>Players' replies timed without and with a tournament's start notice to 100,000 entrants queued (issue #14 item 4).</summary>
    Lanes,

    /// <summary>An announcement to 100,000 players fanned out into the outbox while players' replies are timed (issue #15 item 5).</summary>
    Announce,

    /// <summary>Players tap answers through the Telegram sandbox; tap → next question visible (issue #14, item 6).</summary>
    Taps,

    /// <summary>The question statistics job over 1,000,000 seeded answer events, then one minute of new ones (issue #16 item 3).</summary>
    Stats,

    /// <summary>The console's charts and their worker rollup on 1,000,000 answers and 100,000 players (issue #15, item 1).</summary>
    Dashboard,
}

/// <summary>
/// <c>[--scenario updates|answers|payments|tournament|purge|flood|lanes|announce|taps|stats|dashboard] [--bank N] [--payers N] [--rounds N] [--backlog N] [--backlog-lane L] [--warmup seconds] [--bot DLL] [seconds] [concurrency] [players]</c>;
/// the positional arguments keep their order from before there were scenarios.
/// </summary>
internal sealed record DriverOptions(Scenario Scenario, int Seconds, int Concurrency, int Players, int Bank, int Warmup, int Payers = 10, int Rounds = 3, int Backlog = 100_000, int BacklogLane = 3, string? Bot = null)
{
    public const string Usage = """
        Usage: Quiz.LoadDriver [--scenario updates|answers|payments|tournament|purge|flood|lanes|announce|taps|stats|dashboard] [--bank N] [--payers N] [--rounds N] [--backlog N] [--backlog-lane L] [--warmup seconds] [--bot DLL] [seconds=20] [concurrency=16] [players=5000]
          --scenario updates   mixed webhook updates from <players> players, then pgbench as the reference (default)
          --scenario answers   <concurrency> players each play quick games (/spielen, then a button press per question)
          --scenario payments  <concurrency> clients send /hilfe and /profil from <players> players (defaults 30 s, 40, 200) with the
                               real send budget, while <payers> payers buy; pre-checkout and confirm latency
          --scenario tournament  <players> entrants (default 100000) seeded by bulk SQL into one tournament, the start timed; ranking
                               reads while <concurrency> (default 8) more players play through Core (no Telegram); finish and rewards timed
          --scenario stats     the question statistics job over 1,000,000 answer events seeded by bulk SQL, then one minute of new ones
          --scenario purge     outbox claim latency with 1,000,000 sent rows, before and after housekeeping purges them (no other arguments)
          --scenario flood     <concurrency> flooders (default 40) each send 25 commands while a control player sends /hilfe every 2 s,
                               real send limiter, stub with Telegram's limits; <rounds> rounds of new flooders; control latency, replies per flooder
          --scenario taps      <concurrency> players (default 4) play quick games through the Telegram sandbox (its rate limits on, the
                               bot's real limits) for <seconds> (default 60) at a human pace (3 s think), then new players tap back to back;
                               tap → next question visible, p50/p95/p99
          --scenario lanes     <concurrency> players (default 16) ask /hilfe and wait for the reply, think 2.5 s; <seconds> (default 30)
                               quiet, then <backlog> start notices queued and <seconds> more; real send limiter, stub with Telegram's
                               limits; the players' reply latency without and with the backlog
          --scenario announce  as lanes, but after the quiet phase an announcement to <backlog> seeded players (default 100000) is
                               sent through Core and fanned out by the worker's code; fan-out time, rows exactly once, reply latency
          --backlog N          lanes: start notices queued; announce: players seeded (default 100000)
          --backlog-lane L     lanes only: their outbox lane, 3 bulk (default) or 1 the reply lane (as if there were no lanes)
          --scenario dashboard  the Übersicht's charts: 100,000 players, 1,000,000 answers over 30 days; the worker's rollup and the
                               console's reads are timed (no other arguments)
          --bank N             answers only: pad the imported question content with copies up to N questions
          --payers N           payments only: concurrent payers (default 10)
          --rounds N           flood only: floods one after another, each with new flooders (default 3)
          --warmup seconds     unmeasured load before the measured run (default 5)
          --bot DLL            flood: run the bot as its own process from a `dotnet publish` output (DLL: its Quiz.Bot.dll), as
                               production does, instead of in the driver's process; BOT_<NAME>=value in the driver's environment
                               becomes <NAME>=value in the bot's alone (e.g. BOT_DOTNET_TieredPGO=0). SQL commands are not counted then
        """;

    public static bool TryParse(string[] args, out DriverOptions options, out string? error)
    {
        options = new DriverOptions(Scenario.Updates, 20, 16, 5000, 0, 5);
        error = null;
        var positional = new List<int>();
        for (var i = 0; i < args.Length; i++)
        {
            var first = i;
            var (name, value) = Split(args, ref i);
            switch (name)
            {
                case "--scenario" when Enum.TryParse<Scenario>(value, ignoreCase: true, out var scenario):
                    options = options with { Scenario = scenario };
                    break;
                case "--bank" when Number(value) is { } bank:
                    options = options with { Bank = bank };
                    break;
                case "--payers" when Number(value) is { } payers:
                    options = options with { Payers = payers };
                    break;
                case "--rounds" when Number(value) is { } rounds:
                    options = options with { Rounds = rounds };
                    break;
                case "--backlog" when Number(value) is { } backlog:
                    options = options with { Backlog = backlog };
                    break;
                case "--backlog-lane" when Number(value) is { } lane and >= 1 and <= 3:
                    options = options with { BacklogLane = lane };
                    break;
                case "--bot" when File.Exists(value):
                    options = options with { Bot = Path.GetFullPath(value) };
                    break;
                case "--warmup" when Number(value) is { } warmup:
                    options = options with { Warmup = warmup };
                    break;
                case null when Number(value) is { } number && positional.Count < 3:
                    positional.Add(number);
                    break;
                default:
                    error = $"Unknown or invalid argument: {string.Join(' ', args[first..(i + 1)])}";
                    return false;
            }
        }
        if (options.Scenario == Scenario.Payments) options = options with { Seconds = 30, Concurrency = 40, Players = 200 };
        if (options.Scenario == Scenario.Tournament) options = options with { Concurrency = 8, Players = 100_000 };
        if (options.Scenario == Scenario.Flood) options = options with { Concurrency = 40 };
        if (options.Scenario is Scenario.Lanes or Scenario.Announce) options = options with { Seconds = 30 };
        if (options.Scenario == Scenario.Taps) options = options with { Seconds = 60, Concurrency = 4 };
        if (positional.Count > 0) options = options with { Seconds = positional[0] };
        if (positional.Count > 1) options = options with { Concurrency = positional[1] };
        if (positional.Count > 2) options = options with { Players = positional[2] };
        if (options.Seconds < 1 || options.Concurrency < 1 || options.Players < 1 || options.Payers < 1 || options.Rounds < 1) error = "seconds, concurrency, players, payers and rounds must be positive";
        return error is null;
    }

    /// <summary><c>--name value</c>, <c>--name=value</c> or a positional value (name null).</summary>
    private static (string? Name, string? Value) Split(string[] args, ref int i)
    {
        var arg = args[i];
        if (!arg.StartsWith("--", StringComparison.Ordinal)) return (null, arg);
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        if (equals > 0) return (arg[..equals], arg[(equals + 1)..]);
        return i + 1 < args.Length ? (arg, args[++i]) : (arg, null);
    }

    private static int? Number(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}
