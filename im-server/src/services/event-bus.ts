// Wakes open event streams after a commit. Events themselves live in the store (so a reconnect can
// replay them); the bus only says "user X has something new", and each stream reads its backlog.

type Listener = () => void;

export class EventBus {
  private readonly listeners = new Map<string, Set<Listener>>();

  subscribe(userId: string, listener: Listener): () => void {
    let set = this.listeners.get(userId);
    if (!set) this.listeners.set(userId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(userId);
    };
  }

  notify(userIds: Iterable<string>): void {
    for (const userId of userIds) for (const listener of this.listeners.get(userId) ?? []) listener();
  }

  subscriberCount(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }
}
