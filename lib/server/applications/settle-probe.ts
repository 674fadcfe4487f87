import "server-only";
import type { ImGateway } from "@/lib/im/gateway";
import type { SettleProbe } from "@/lib/server/audit/settle";
import type { Store } from "@/lib/server/store/store";
import { applicationSourceFor } from "./source";

/** What became of a decision whose audit entry has no result: the application source answers. */
export function applicationSettleProbe(db: Store, im: ImGateway): SettleProbe {
  return {
    actions: ["application.approve", "application.refuse"],
    async verdict({ action, target, actorEmail }) {
      if (!target) return "unknown";
      return (await applicationSourceFor(db, im)).verdict({ action, target, actorEmail });
    },
  };
}
