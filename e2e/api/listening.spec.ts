import { connect } from "node:net";
import { networkInterfaces } from "node:os";
import { expect, test } from "@playwright/test";
import { E2E } from "../support/env";

/**
 * The embedded default holds demo data and prints its admin password: unless HOST says otherwise, the console
 * listens on this machine's loopback only, not on its network addresses.
 */
const outward = Object.values(networkInterfaces())
  .flat()
  .find((a) => a && !a.internal && a.family === "IPv4")?.address;

const reachable = (host: string, port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ host, port, timeout: 3000 });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
  });

test("the console answers on loopback and not on the machine's network address", async () => {
  test.skip(!outward, "this machine has no network address besides loopback");
  expect(await reachable("127.0.0.1", E2E.port)).toBe(true);
  expect(await reachable(outward!, E2E.port)).toBe(false);
});
