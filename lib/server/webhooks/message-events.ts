import "server-only";
import type { LiveEventDraft } from "@/lib/schemas/live-event";
import { publishEvent } from "@/lib/server/live/bus";

/**
 * `message.sent` events, gathered per group (docs/webhooks.md § Messages): with Group.CallbackAfterSendMsg on, a
 * lively group would otherwise send every open console one event per message, and each one refetches the page.
 * The first message of a quiet group goes out at once; those that follow within the window go out together at its
 * end, as one event with `count` (how many it stands for) and the newest message's sender and time.
 */
export const MESSAGE_WINDOW_MS = 1000;

type Window = { count: number; newest: LiveEventDraft | null; timer: NodeJS.Timeout };

// One window per group that had a message in the last second: bounded by the groups, not by the messages.
const holder = globalThis as typeof globalThis & { __messageWindows?: Map<string, Window> };
const windows = () => (holder.__messageWindows ??= new Map());

export function publishMessageSent(event: LiveEventDraft): void {
  const groupId = event.groupId ?? "";
  const open = windows().get(groupId);
  if (open) {
    open.count++;
    open.newest = event;
    return;
  }
  publishEvent(event);
  openWindow(groupId);
}

function openWindow(groupId: string) {
  const timer = setTimeout(() => closeWindow(groupId), MESSAGE_WINDOW_MS);
  // A window never keeps a stopping process alive; what it held is only a hint to refetch.
  timer.unref?.();
  windows().set(groupId, { count: 0, newest: null, timer });
}

function closeWindow(groupId: string) {
  const window = windows().get(groupId);
  windows().delete(groupId);
  if (!window?.newest || window.count === 0) return;
  publishEvent({ ...window.newest, count: window.count });
  // Still busy: the next second is gathered too, so a steady stream is one event a second.
  openWindow(groupId);
}
