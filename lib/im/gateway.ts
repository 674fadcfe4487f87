import "server-only";
import { ZodError } from "zod";
import { accountCommands } from "./accounts";
import { applicationCommands } from "./applications";
import { capabilityProbe } from "./capabilities";
import { IM_BAD_RESPONSE, ImError } from "./errors";
import { groupMessageCommands } from "./group-messages";
import { groupCommands } from "./groups";
import { memberCommands } from "./members";
import { messageCommands } from "./messages";
import { banMemory, moderationCommands } from "./moderation";
import { createTransport, type ImConfig } from "./transport";

export type { ImConfig } from "./transport";
export type { ImCapabilities } from "./capabilities";
export { ImError } from "./errors";

/** The console's one gateway to the IM server (local or Tencent Cloud Chat): same protocol either way. */
export function createImGateway(config: ImConfig, clock?: { unixSeconds: () => number }) {
  const send = createTransport(config, clock);
  const wallClock = clock ?? { unixSeconds: () => Math.floor(Date.now() / 1000) };
  const bans = banMemory(wallClock);
  return {
    send,
    ...capabilityProbe(send),
    bansUnavailable: bans.bansUnavailable,
    ...unreadableAsImError({
      ...accountCommands(send),
      ...groupCommands(send),
      ...applicationCommands(send),
      ...memberCommands(send),
      ...messageCommands(send),
      ...moderationCommands(send, wallClock, bans),
      ...groupMessageCommands(send),
    }),
  };
}

export type ImGateway = ReturnType<typeof createImGateway>;

/**
 * An answer whose fields do not have the protocol's shapes is the IM server's fault, never the operator's:
 * it must become an ImError (502), not a ZodError that would read as a 422 about the request.
 */
function unreadableAsImError<T extends Record<string, (...args: never[]) => Promise<unknown>>>(commands: T): T {
  const wrapped = Object.entries(commands).map(([name, command]) => [
    name,
    async (...args: never[]) => {
      try {
        return await command(...args);
      } catch (err) {
        if (!(err instanceof ZodError)) throw err;
        const where = err.issues[0]?.path.join(".") || "(answer)";
        throw new ImError(IM_BAD_RESPONSE, `answer not in the protocol's shape at ${where}`, name);
      }
    },
  ]);
  return Object.fromEntries(wrapped) as T;
}
