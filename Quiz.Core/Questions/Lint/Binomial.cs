namespace Quiz.Core.Questions.Lint;

/// <summary>The one-sided binomial test the linter's bank-wide statistics use.</summary>
public static class Binomial
{
    /// <summary>P(X ≥ k) for X ~ Binomial(n, p): how likely k or more hits are by chance alone.</summary>
    public static double UpperTail(int k, int n, double p)
    {
        if (k <= 0) return 1;
        if (k > n) return 0;
        double sum = 0;
        for (var i = k; i <= n; i++) sum += Math.Exp(LogChoose(n, i) + (i * Math.Log(p)) + ((n - i) * Math.Log(1 - p)));
        return Math.Min(1, sum);
    }

    private static double LogChoose(int n, int k) => LogFactorial(n) - LogFactorial(k) - LogFactorial(n - k);

    private static double LogFactorial(int n)
    {
        double sum = 0;
        for (var i = 2; i <= n; i++) sum += Math.Log(i);
        return sum;
    }
}
