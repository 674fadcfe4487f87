import { z } from "zod";
import { ImError } from "./errors";
import type { ImSend } from "./transport";

/** The IM server's "forever" for mutes and bans: uint32 seconds. Anything at or past it is forever. */
export const WIRE_FOREVER = 4294967295;
/** Tencent's most accounts per forbid_send_msg, and per ban_group_member / unban_group_member. */
export const MUTE_BATCH = 500;
export const BAN_BATCH = 20;
const BAN_PAGE = 100;
/** How long "this IM server has no bans" is believed before a ban command asks again. */
const BANS_RECHECK_SECONDS = 600;
/**
 * Answers to a ban command that mean this app cannot ban at all: no such command (10003, an older server or
 * edition), insufficient permission (10007; the app admin has every permission, so it is the edition or the
 * console switch), and 10059 (Tencent's "not the flagship edition").
 */
const NO_BANS = new Set([10003, 10007, 10059]);

/** A wire time in Unix seconds as the console speaks it: ISO 8601, null for forever. */
export function untilFromWire(seconds: number): string | null {
  return seconds >= WIRE_FOREVER ? null : new Date(seconds * 1000).toISOString();
}

export type Sanction = { userId: string; until: string | null };

const mutedSchema = z.object({
  MutedAccountList: z.array(z.object({ Member_Account: z.string(), MutedUntil: z.number() })).default([]),
});
const bannedSchema = z.object({
  BannedAccountList: z.array(z.object({ Member_Account: z.string(), BannedUntil: z.number() })).default([]),
  NextOffset: z.number().int().min(0).default(0),
});

/**
 * What the last ban command said about bans in this app: after a "no bans here" answer, `bansUnavailable()` is
 * true for ~10 minutes, so the console says so at once instead of asking again; then a ban command asks anew.
 */
export function banMemory(clock: { unixSeconds: () => number }) {
  let missingUntil = 0;
  return {
    bansUnavailable: (): boolean => clock.unixSeconds() < missingUntil,
    /** Runs a ban command and learns from its answer. */
    async learn<T>(command: () => Promise<T>): Promise<T> {
      try {
        const answer = await command();
        missingUntil = 0;
        return answer;
      } catch (err) {
        if (err instanceof ImError && NO_BANS.has(err.code)) missingUntil = clock.unixSeconds() + BANS_RECHECK_SECONDS;
        throw err;
      }
    },
  };
}

export function moderationCommands(send: ImSend, clock: { unixSeconds: () => number }, bans: ReturnType<typeof banMemory>) {
  const banCommand = (path: string, body: Record<string, unknown>) => bans.learn(() => send(path, body));

  return {
    /** Mutes (seconds > 0) or unmutes (0) up to 500 members for `seconds`; WIRE_FOREVER is forever. */
    async muteMembers(groupId: string, userIds: string[], seconds: number): Promise<void> {
      if (userIds.length > MUTE_BATCH) throw new RangeError(`forbid_send_msg takes at most ${MUTE_BATCH} accounts`);
      await send("group_open_http_svc/forbid_send_msg", { GroupId: groupId, Members_Account: userIds, MuteTime: seconds });
    },

    /**
     * Who is muted, and until when. The IM server may still list a mute that lapsed, or an unmuted member with
     * 0: both are left out, judged against `now` (Unix seconds).
     */
    async mutedMembers(groupId: string): Promise<Sanction[]> {
      const env = await send("group_open_http_svc/get_group_muted_account", { GroupId: groupId });
      const now = clock.unixSeconds();
      return mutedSchema
        .parse(env)
        .MutedAccountList.filter((m) => m.MutedUntil > now)
        .map((m) => ({ userId: m.Member_Account, until: untilFromWire(m.MutedUntil) }));
    },

    /** Bans up to 20 accounts for `seconds` (the caller batches); `description` reaches the IM server (≤ 1,000 bytes). */
    async banMembers(groupId: string, userIds: string[], seconds: number, description?: string): Promise<void> {
      if (userIds.length > BAN_BATCH) throw new RangeError(`ban_group_member takes at most ${BAN_BATCH} accounts`);
      await banCommand("group_open_http_svc/ban_group_member", {
        GroupId: groupId,
        Members_Account: userIds,
        Duration: seconds,
        ...(description ? { Description: description } : {}),
      });
    },

    async unbanMembers(groupId: string, userIds: string[]): Promise<void> {
      if (userIds.length > BAN_BATCH) throw new RangeError(`unban_group_member takes at most ${BAN_BATCH} accounts`);
      await banCommand("group_open_http_svc/unban_group_member", { GroupId: groupId, Members_Account: userIds });
    },

    /** Every ban in force, read 100 a page until NextOffset is 0 (lapsed ones left out). */
    async bannedMembers(groupId: string): Promise<Sanction[]> {
      const out: Sanction[] = [];
      const now = clock.unixSeconds();
      const seen = new Set<number>();
      for (let offset = 0; ; ) {
        const page = bannedSchema.parse(
          await banCommand("group_open_http_svc/get_group_ban_member", { GroupId: groupId, Offset: offset, Limit: BAN_PAGE }),
        );
        for (const b of page.BannedAccountList)
          if (b.BannedUntil > now) out.push({ userId: b.Member_Account, until: untilFromWire(b.BannedUntil) });
        // A server that answers the same offset again would keep this loop going for ever.
        if (page.NextOffset === 0 || page.NextOffset <= offset || seen.has(page.NextOffset)) return out;
        seen.add(page.NextOffset);
        offset = page.NextOffset;
      }
    },
  };
}
