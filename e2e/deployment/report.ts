import type { Reporter, TestCase, TestResult } from "@playwright/test/reporter";

/** One line per check, then a verdict: what the people who guard a deployment read first. */
export default class DeploymentReport implements Reporter {
  private lines: string[] = [];
  private failed = 0;

  onTestEnd(test: TestCase, result: TestResult) {
    const ok = result.status === "passed";
    if (!ok && result.status !== "skipped") this.failed++;
    const why = ok ? "" : ` — ${firstLine(result.error?.message) || result.status}`;
    this.lines.push(`  ${ok ? "ok  " : result.status === "skipped" ? "skip" : "FAIL"}  ${test.title}${why}`);
  }

  onEnd() {
    const target = process.env.DEPLOYMENT_URL ?? "";
    console.log(
      [
        "",
        `Deployment check of ${target}`,
        ...this.lines,
        "",
        this.failed ? `${this.failed} check(s) failed.` : "Every check passed.",
        "",
      ].join("\n"),
    );
  }

  printsToStdio() {
    return true;
  }
}

/** The assertion's own words, without Playwright's colours and call log: its first line and what it looked at. */
function firstLine(message: string | undefined): string {
  const lines = (message ?? "")
    .replace(/\u001b\[[0-9;]*m/g, "")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  const [head = "", ...rest] = lines.map((l) => l.replace(/^Error: /, ""));
  const detail = rest.filter((l) => /^(Locator|Expected|Received):/.test(l)).slice(0, 2);
  return [head, ...detail].join(" · ").slice(0, 300);
}
