import "server-only";
import type { ImGateway } from "@/lib/im/gateway";
import type { Store } from "@/lib/server/store/store";
import { consoleInboxSource } from "./console-inbox-source";
import { imExtensionSource } from "./im-extension-source";
import type { ApplicationSource } from "./source-types";

export type { ApplicationSource } from "./source-types";

/**
 * The source for this IM server. Chosen from its capabilities, probed once and remembered by the gateway
 * (which forgets them when the IM server stops answering the extension, so a swapped server is noticed).
 */
export async function applicationSourceFor(db: Store, im: ImGateway): Promise<ApplicationSource> {
  return (await im.capabilities()).applications ? imExtensionSource(db, im) : consoleInboxSource(db, im);
}
