// The JavaScript a cold, signed-in load of a page transfers, as Chromium reports it (Network.loadingFinished
// encodedDataLength of every Script response: compressed bytes on the wire).
import { readFileSync } from "node:fs";
import { chromium } from "@playwright/test";
import { chromiumPath } from "../../scripts/chromium-path";

/** The scripts every page loads: Next's and React's runtime (the build manifest's root main files). */
function frameworkScripts(): Set<string> {
  const manifest = JSON.parse(readFileSync(".next/build-manifest.json", "utf8")) as { rootMainFiles?: string[] };
  return new Set((manifest.rootMainFiles ?? []).map((f) => `/_next/${f}`));
}

export async function measureFrontend(base: string, cookies: { name: string; value: string }[], paths: string[]) {
  const framework = frameworkScripts();
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ["--disable-gpu", "--disable-quic"] });
  try {
    const out = [];
    for (const path of paths) {
      const context = await browser.newContext();
      await context.addCookies(cookies.map((c) => ({ ...c, url: base })));
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      const scripts = new Map<string, string>();
      let bytes = 0;
      let frameworkBytes = 0;
      cdp.on("Network.responseReceived", (e) => void (e.type === "Script" && scripts.set(e.requestId, new URL(e.response.url).pathname)));
      cdp.on("Network.loadingFinished", (e) => {
        const path = scripts.get(e.requestId);
        if (path === undefined) return;
        bytes += e.encodedDataLength;
        if (framework.has(path)) frameworkBytes += e.encodedDataLength;
      });
      await cdp.send("Network.enable");
      await page.goto(base + path, { waitUntil: "load" });
      // Chunks loaded after `load` (hydration, lazy parts) count too; the event stream keeps the network busy, so wait a fixed time.
      await page.waitForTimeout(2500);
      if (!page.url().startsWith(base + path)) throw new Error(`${path} ended at ${page.url()} (not signed in?)`);
      out.push({ path, scripts: scripts.size, kb: bytes / 1024, frameworkKb: frameworkBytes / 1024 });
      await context.close();
    }
    return out;
  } finally {
    await browser.close();
  }
}
