using System.Collections;
using System.Diagnostics;

namespace GxProtocol.Backend.Tests.Tracing;

/// <summary>The in-memory exporter's target: spans end on many threads while the test reads them.</summary>
public sealed class SpanRecorder : ICollection<Activity>
{
    private readonly List<Activity> _spans = [];

    public IReadOnlyList<Activity> Snapshot()
    {
        lock (_spans)
        {
            return _spans.ToList();
        }
    }

    public void Add(Activity item)
    {
        lock (_spans)
        {
            _spans.Add(item);
        }
    }

    public void Clear()
    {
        lock (_spans)
        {
            _spans.Clear();
        }
    }

    public int Count => Snapshot().Count;
    public bool IsReadOnly => false;
    public bool Contains(Activity item) => Snapshot().Contains(item);
    public void CopyTo(Activity[] array, int arrayIndex) => Snapshot().ToList().CopyTo(array, arrayIndex);
    public bool Remove(Activity item)
    {
        lock (_spans)
        {
            return _spans.Remove(item);
        }
    }

    public IEnumerator<Activity> GetEnumerator() => Snapshot().GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>One line per span, for a failure message: what was recorded, not just that something was missing.</summary>
    public static string Describe(IEnumerable<Activity> spans) => string.Join('\n', spans.Select(s =>
        $"{s.Source.Name} | {s.DisplayName} | {s.Kind} | trace {s.TraceId} span {s.SpanId} parent {s.ParentSpanId} | links {string.Join(',', s.Links.Select(l => $"{l.Context.TraceId}/{l.Context.SpanId}"))}"));
}
