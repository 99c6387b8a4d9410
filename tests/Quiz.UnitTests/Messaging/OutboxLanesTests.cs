using Quiz.Core.Economy;
using Quiz.Core.Game;
using Quiz.Core.Messaging;
using Quiz.Core.Tournaments;

namespace Quiz.UnitTests.Messaging;

/// <summary>Every outbox kind and notice topic gets its lane in one place (issue #14 item 4).</summary>
public sealed class OutboxLanesTests
{
    [Theory]
    [InlineData(OutboxKinds.SendMessage, OutboxLane.Interactive)]
    [InlineData(OutboxKinds.EditMessage, OutboxLane.Interactive)]
    [InlineData(OutboxKinds.DeleteMessage, OutboxLane.Interactive)]
    [InlineData(OutboxKinds.SendInvoice, OutboxLane.Interactive)]
    [InlineData(OutboxKinds.RefundStarPayment, OutboxLane.Payment)]
    [InlineData(OutboxKinds.CancelStarSubscription, OutboxLane.Payment)]
    [InlineData(OutboxKinds.ReconcileStarTransactions, OutboxLane.Payment)]
    [InlineData(OutboxKinds.Announcement, OutboxLane.Bulk)]
    [InlineData("a_kind_added_later", OutboxLane.Bulk)]
    public void A_kind_has_its_lane(string kind, OutboxLane lane) => Assert.Equal(lane, OutboxLanes.Of(kind, new object()));

    [Theory]
    [InlineData(GameNotices.QuestionTimedOut, OutboxLane.Interactive)]
    [InlineData(GameNotices.GameEnded, OutboxLane.Interactive)]
    [InlineData(EconomyNotices.PurchaseCompleted, OutboxLane.Payment)]
    [InlineData(EconomyNotices.SubscriptionRenewed, OutboxLane.Payment)]
    [InlineData(EconomyNotices.PurchaseFlagged, OutboxLane.Payment)]
    [InlineData(EconomyNotices.Refunded, OutboxLane.Payment)]
    [InlineData(EconomyNotices.SupportClosed, OutboxLane.Payment)]
    [InlineData(TournamentNotices.Started, OutboxLane.Bulk)]
    [InlineData(TournamentNotices.Result, OutboxLane.Bulk)]
    [InlineData(TournamentNotices.Cancelled, OutboxLane.Bulk)]
    [InlineData(GameNotices.GameIdleEnded, OutboxLane.Bulk)]
    [InlineData(GameNotices.DuelResult, OutboxLane.Bulk)]
    [InlineData(GameNotices.DuelExpired, OutboxLane.Bulk)]
    public void A_notice_has_the_lane_of_its_topic(string topic, OutboxLane lane) =>
        Assert.Equal(lane, OutboxLanes.Of(OutboxKinds.Notice, new NoticePayload(topic)));

    [Fact]
    public void Every_lane_is_stored_as_a_positive_number_so_the_database_default_is_never_taken_by_mistake() =>
        Assert.All(Enum.GetValues<OutboxLane>(), lane => Assert.InRange((short)lane, (short)1, (short)3));
}
