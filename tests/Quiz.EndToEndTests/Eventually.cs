namespace Quiz.EndToEndTests;

/// <summary>Polls until a state the services reach asynchronously holds; the patience bounds the wait, it is never asserted as a time.</summary>
public static class Eventually
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    public static async Task HoldsAsync(Func<Task<bool>> done, TimeSpan? patience = null)
    {
        var deadline = DateTime.UtcNow + (patience ?? Patience);
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting for the expected state.");
            await Task.Delay(250);
        }
    }
}
