import "server-only";
import { applicationCommands } from "./applications";
import { groupCommands } from "./groups";
import { memberCommands } from "./members";
import { createTransport, type ImConfig } from "./transport";

export type { ImConfig } from "./transport";
export { ImError } from "./errors";

/** The console's one gateway to the IM server (local or Tencent Cloud Chat): same protocol either way. */
export function createImGateway(config: ImConfig, clock?: { unixSeconds: () => number }) {
  const send = createTransport(config, clock);
  return { send, ...groupCommands(send), ...applicationCommands(send), ...memberCommands(send) };
}

export type ImGateway = ReturnType<typeof createImGateway>;
