import "server-only";

/**
 * How much webhook work the console takes on at once (docs/webhooks.md § A bounded door). A webhook admitted holds
 * one place from its answer until its work is done. When every place is taken, a webhook is not worked on: its
 * group is marked, and the mark is carried out by one re-read of the group as soon as a place frees (before any
 * new webhook is admitted). So in a storm larger than the IM budget or the CPU:
 *
 * - what waits is at most `limit` webhooks' work and one mark per group, however long the storm lasts, and at
 *   most `maxMarks` marks: past that (more groups than any storm of real webhooks names, or a sender forging group
 *   IDs with a captured signature) a webhook is dropped and counted, and the next crawl brings its group in line;
 * - every group a webhook named is re-read after that webhook came, so the directory still ends matching the
 *   IM server (Tencent never sends an After-callback again, so dropping it would lose the change).
 */
export type Mark = {
  /** A member joined: the console's inbox settles every pending application of the group whose requester is in now. */
  joined: boolean;
};

export type Door = {
  /** Takes a place for one webhook's work, or answers false when all are taken (the caller marks its group instead). */
  enter(): boolean;
  /** Gives the place back; waiting marks take it first. */
  leave(): void;
  /** The group is re-read once a place frees, however many webhooks marked it meanwhile. */
  mark(groupId: string, mark: Mark): void;
  /**
   * Places taken, marks waiting, webhooks marked instead of worked on, and webhooks dropped because the marks were
   * full, since the last time this was asked.
   */
  take(): { inFlight: number; marked: number; shed: number; dropped: number };
};

/** The most groups marked at once: 20,000 group IDs of at most 48 bytes, a few MB. */
export const MAX_MARKS = 20_000;

export function createDoor(limit: number, reread: (groupId: string, mark: Mark) => Promise<void>, maxMarks = MAX_MARKS): Door {
  let inFlight = 0;
  let shed = 0;
  let dropped = 0;
  // Insertion order: the group marked first is re-read first. A group marked again keeps its place.
  const marked = new Map<string, Mark>();

  const pump = () => {
    while (inFlight < limit && marked.size > 0) {
      const [groupId, mark] = marked.entries().next().value as [string, Mark];
      // Taken off before the re-read starts: a webhook that comes while it runs marks the group again.
      marked.delete(groupId);
      inFlight++;
      // A re-read that fails is the caller's to report; the place is given back either way.
      void reread(groupId, mark)
        .catch(() => undefined)
        .finally(door.leave);
    }
  };

  const door: Door = {
    enter() {
      if (inFlight >= limit || marked.size > 0) return false;
      inFlight++;
      return true;
    },
    leave() {
      inFlight--;
      pump();
    },
    mark(groupId, mark) {
      const before = marked.get(groupId);
      if (!before && marked.size >= maxMarks) {
        dropped++;
        return;
      }
      shed++;
      marked.set(groupId, { joined: Boolean(before?.joined) || mark.joined });
      pump();
    },
    take() {
      const figures = { inFlight, marked: marked.size, shed, dropped };
      shed = 0;
      dropped = 0;
      return figures;
    },
  };
  return door;
}
