import { describe, expect, it } from "vitest";
import { consoleOverImServer, type StrictConsole } from "@/lib/server/testing/strict-console";
import { applicationSource } from "./current";

// Which source a console gets is decided by what its IM server offers, once; callers only use the answer.
describe("applications live on the local IM server when it offers the extension", () => {
  consoleOverImServer({ strictTencent: false }, () => undefined);
  it("uses the IM server's list and keeps no inbox of its own", async () => {
    const source = await applicationSource();
    expect({ kind: source.kind, keepsInbox: source.keepsInbox }).toEqual({ kind: "im-extension", keepsInbox: false });
    expect(await source.pendingCounts()).toBeInstanceOf(Map);
  });
});

describe("applications live in the console's inbox over Tencent Cloud Chat", () => {
  let c: StrictConsole;
  consoleOverImServer({ strictTencent: true }, (started) => (c = started));
  it("keeps its own inbox, chosen from what the gateway learnt once (lib/im/capabilities.ts)", async () => {
    const source = await applicationSource();
    expect({ kind: source.kind, keepsInbox: source.keepsInbox }).toEqual({ kind: "console-inbox", keepsInbox: true });
    expect(c.gateway.knownCapabilities()).toEqual({ applications: false });
    expect(await source.pendingCounts()).toEqual(new Map());
  });
});
