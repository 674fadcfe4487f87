// The JavaScript a cold, signed-in load of a page transfers, as Chromium reports it: every Script response's
// compressed body (Network.loadingFinished encodedDataLength less its HTTP headers, read from
// responseReceivedExtraInfo), and the same with the headers, beside the page's figure read from the build output
// (scripts/js-budget/measure.ts: gzip -9 of the chunks its manifests name), and its goal. The goal is of the
// JavaScript: compressed bodies, not the ~400 bytes of headers each response also carries.
import { chromium } from "@playwright/test";
import { chromiumPath } from "../../scripts/chromium-path";
import { FRAMEWORK_KB_WHEN_SET, OWN_JS_GOAL_KB } from "../../scripts/js-budget/budgets";
import { buildDir, frameworkFiles, measureBuild } from "../../scripts/js-budget/measure";

/** The scripts every page loads: Next's and React's runtime (the build manifest's root main files). */
const frameworkScripts = () => new Set(frameworkFiles(buildDir()).map((f) => `/_next/${f}`));

export async function measureFrontend(base: string, cookies: { name: string; value: string }[], paths: string[]) {
  const framework = frameworkScripts();
  const built = new Map(measureBuild(buildDir()).map((p) => [p.route, p]));
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ["--disable-gpu", "--disable-quic"] });
  try {
    const out = [];
    for (const path of paths) {
      const context = await browser.newContext();
      await context.addCookies(cookies.map((c) => ({ ...c, url: base })));
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      const scripts = new Map<string, string>();
      const headerBytes = new Map<string, number>();
      let bytes = 0;
      let wireBytes = 0;
      let frameworkBytes = 0;
      cdp.on("Network.responseReceived", (e) => void (e.type === "Script" && scripts.set(e.requestId, new URL(e.response.url).pathname)));
      cdp.on(
        "Network.responseReceivedExtraInfo",
        (e) => void (e.headersText && headerBytes.set(e.requestId, Buffer.byteLength(e.headersText))),
      );
      cdp.on("Network.loadingFinished", (e) => {
        const path = scripts.get(e.requestId);
        if (path === undefined) return;
        const body = e.encodedDataLength - (headerBytes.get(e.requestId) ?? 0);
        wireBytes += e.encodedDataLength;
        bytes += body;
        if (framework.has(path)) frameworkBytes += body;
      });
      await cdp.send("Network.enable");
      await page.goto(base + path, { waitUntil: "load" });
      // Chunks loaded after `load` (hydration, lazy parts) count too; the event stream keeps the network busy, so wait a fixed time.
      await page.waitForTimeout(2500);
      if (!page.url().startsWith(base + path)) throw new Error(`${path} ended at ${page.url()} (not signed in?)`);
      const goal = OWN_JS_GOAL_KB[path];
      out.push({
        path,
        scripts: scripts.size,
        kb: bytes / 1024,
        wireKb: wireBytes / 1024,
        frameworkKb: frameworkBytes / 1024,
        buildKb: built.get(path)?.totalKb ?? NaN,
        goalKb: goal === undefined ? NaN : Math.round((goal + FRAMEWORK_KB_WHEN_SET) * 10) / 10,
      });
      await context.close();
    }
    return out;
  } finally {
    await browser.close();
  }
}
