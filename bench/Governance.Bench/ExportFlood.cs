using System.Diagnostics;
using System.Net;

namespace Governance.Bench;

/// <summary>
/// Parallel CSV exports of all the applications a caller sees, each worker firing its next one as soon as the last
/// ended: the workers take the callers in turn (one caller for all of them is one user's flood). A refused export
/// (429) is fired again at once, or after its <c>Retry-After</c> when <paramref name="honourRetryAfter"/>.
/// Counts the exports read to the end, the refused ones and the seconds the completed ones took.
/// </summary>
internal sealed class ExportFlood(HttpClient[] callers, int workers, bool honourRetryAfter)
{
    public const string Url = "/api/v1/service-centre/applications/export?format=csv";

    private readonly CancellationTokenSource _stop = new();
    private Task[] _workers = [];
    private int _completed, _refused;
    private long _ticks;

    public int Completed => _completed;
    public int Refused => _refused;
    public double MeanSeconds => _completed == 0 ? 0 : TimeSpan.FromTicks(_ticks / _completed).TotalSeconds;

    public ExportFlood Start()
    {
        _workers = Enumerable.Range(0, workers).Select(i => Task.Run(() => Work(callers[i % callers.Length])))
            .ToArray();
        return this;
    }

    /// <summary>Stops the workers, the exports in flight cancelled (not counted).</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_workers);
    }

    private async Task Work(HttpClient http)
    {
        try
        {
            while (true)
            {
                var sw = Stopwatch.StartNew();
                using var response = await http.GetAsync(Url, HttpCompletionOption.ResponseHeadersRead, _stop.Token);
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    Interlocked.Increment(ref _refused);
                    if (honourRetryAfter)
                        await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(5), _stop.Token);
                    continue;
                }
                response.EnsureSuccessStatusCode();
                await (await response.Content.ReadAsStreamAsync(_stop.Token)).CopyToAsync(Stream.Null, _stop.Token);
                Interlocked.Add(ref _ticks, sw.Elapsed.Ticks);
                Interlocked.Increment(ref _completed);
            }
        }
        catch (Exception) when (_stop.IsCancellationRequested) // however the cancelled read ended
        {
        }
    }
}
