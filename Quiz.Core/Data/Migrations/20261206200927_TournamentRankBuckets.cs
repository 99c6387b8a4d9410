using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Quiz.Core.Data.Migrations
{
    /// <summary>
    /// ADR 0019: how many entries of a tournament stand at each score (-1: not answered yet), in 16 shards per score
    /// so concurrent answers rarely wait on the same row; kept by a trigger on <c>tournament_entries</c> in the
    /// transaction that changes the entry, so a live read adds the buckets above a player instead of counting
    /// every entry ahead. Not in the EF model: only the trigger writes it and only <c>TournamentRankingSql</c> reads it.
    /// </summary>
    public partial class TournamentRankBuckets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE tournament_rank_buckets (
                    tournament_id uuid NOT NULL,
                    points integer NOT NULL,
                    shard smallint NOT NULL,
                    entries integer NOT NULL,
                    CONSTRAINT pk_tournament_rank_buckets PRIMARY KEY (tournament_id, points, shard),
                    CONSTRAINT ck_tournament_rank_buckets_entries CHECK (entries >= 0),
                    CONSTRAINT ck_tournament_rank_buckets_points CHECK (points >= -1),
                    CONSTRAINT ck_tournament_rank_buckets_shard CHECK (shard >= 0 AND shard < 16)
                );

                -- No foreign key to tournaments on purpose: its check would take a key-share lock on the tournament row, which
                -- the finish holds for update while it waits for answering sessions — an answer opening a new bucket would
                -- deadlock with it (TournamentRaceTests). The rows are derived from entries, which reference the tournament.
                -- The entry leaves its old bucket, then joins its new one. Points only grow, so every transaction locks
                -- bucket rows in ascending order of points (no deadlock between two answers).
                CREATE FUNCTION tournament_rank_buckets_follow() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP <> 'INSERT' THEN
                        UPDATE tournament_rank_buckets SET entries = entries - 1
                        WHERE tournament_id = OLD.tournament_id AND shard = OLD.player_id % 16
                          AND points = CASE WHEN OLD.answered THEN OLD.points ELSE -1 END;
                    END IF;
                    IF TG_OP <> 'DELETE' THEN
                        INSERT INTO tournament_rank_buckets AS b (tournament_id, points, shard, entries)
                        VALUES (NEW.tournament_id, CASE WHEN NEW.answered THEN NEW.points ELSE -1 END, NEW.player_id % 16, 1)
                        ON CONFLICT (tournament_id, points, shard) DO UPDATE SET entries = b.entries + 1;
                    END IF;
                    RETURN NULL;
                END $$;

                CREATE TRIGGER tr_tournament_entries_rank_bucket AFTER INSERT OR DELETE ON tournament_entries
                    FOR EACH ROW EXECUTE FUNCTION tournament_rank_buckets_follow();
                -- Only a change of score or of "answered" moves an entry; the finish stamping finished_at does not fire it.
                CREATE TRIGGER tr_tournament_entries_rank_bucket_move
                    AFTER UPDATE OF points, answered, tournament_id, player_id ON tournament_entries
                    FOR EACH ROW WHEN (OLD.points IS DISTINCT FROM NEW.points OR OLD.answered IS DISTINCT FROM NEW.answered
                        OR OLD.tournament_id IS DISTINCT FROM NEW.tournament_id OR OLD.player_id IS DISTINCT FROM NEW.player_id)
                    EXECUTE FUNCTION tournament_rank_buckets_follow();

                INSERT INTO tournament_rank_buckets (tournament_id, points, shard, entries)
                SELECT e.tournament_id, CASE WHEN e.answered THEN e.points ELSE -1 END, e.player_id % 16, count(*)
                FROM tournament_entries e
                GROUP BY 1, 2, 3;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER tr_tournament_entries_rank_bucket_move ON tournament_entries;
                DROP TRIGGER tr_tournament_entries_rank_bucket ON tournament_entries;
                DROP FUNCTION tournament_rank_buckets_follow();
                DROP TABLE tournament_rank_buckets;
                """);
        }
    }
}
