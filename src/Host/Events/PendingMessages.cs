namespace CertifyTrack.Host.Events;

/// <summary>A message waiting for a commit: its <c>NOTIFY</c> payload (topics only) and its local delivery.</summary>
internal sealed record PendingMessage(string? NotifyPayload, Func<Task> DeliverLocally);

/// <summary>
/// The messages one DbContext holds back, each bound to the transaction open when it was
/// published (null: none, it waits for the next SaveChanges). A message bound to a transaction
/// that is no longer current ended without a commit and is dropped ("stale").
/// </summary>
internal sealed class PendingMessages
{
    private readonly Lock gate = new();
    private readonly List<(Guid? Transaction, PendingMessage Message)> items = [];
    private int lease = -1;

    /// <summary>A SaveChanges without a caller's transaction runs: a transaction starting now is EF's own.</summary>
    public bool SavingWithoutTransaction { get; set; }

    /// <summary>
    /// A pooled context comes back for a new lease: what the last user left is dropped. Returns how
    /// many waited for a SaveChanges that never came (a misuse: published after the last save).
    /// </summary>
    public int StartLease(int current)
    {
        lock (gate)
        {
            if (lease == current)
            {
                return 0;
            }

            var unsaved = items.Count(i => i.Transaction is null);
            items.Clear();
            SavingWithoutTransaction = false;
            lease = current;
            return unsaved;
        }
    }

    public int Add(Guid? transaction, PendingMessage message)
    {
        lock (gate)
        {
            var dropped = DropStale(transaction);
            items.Add((transaction, message));
            return dropped;
        }
    }

    /// <summary>A caller's transaction starts: messages waiting for SaveChanges now wait for it.</summary>
    public int TransactionStarted(Guid transaction)
    {
        lock (gate)
        {
            var dropped = DropStale(transaction);
            if (!SavingWithoutTransaction)
            {
                for (var i = 0; i < items.Count; i++)
                {
                    if (items[i].Transaction is null)
                    {
                        items[i] = (transaction, items[i].Message);
                    }
                }
            }

            return dropped;
        }
    }

    public List<string> PayloadsOf(Guid? transaction)
    {
        lock (gate)
        {
            return [.. items.Where(i => i.Transaction == transaction && i.Message.NotifyPayload is not null).Select(i => i.Message.NotifyPayload!)];
        }
    }

    /// <summary>Removes and returns the messages bound to <paramref name="transaction"/>, and drops stale ones.</summary>
    public List<PendingMessage> Take(Guid? transaction, Guid? current)
    {
        lock (gate)
        {
            var taken = items.Where(i => i.Transaction == transaction).Select(i => i.Message).ToList();
            items.RemoveAll(i => i.Transaction == transaction);
            DropStale(current);
            return taken;
        }
    }

    private int DropStale(Guid? current) => items.RemoveAll(i => i.Transaction is { } t && t != current);
}
