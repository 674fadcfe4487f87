import { expect, test } from "@playwright/test";
import { OWN_JS_CEILING_KB } from "../../scripts/js-budget/budgets";
import { buildDir, measureBuild } from "../../scripts/js-budget/measure";

// Sizes, not times: read from the build npm test has just made (NEXT_DIST_DIR or .next). A page whose own
// JavaScript grew past its ceiling fails here, with its chunks listed so the growth can be found.
test("no page's own JavaScript grows past its budget", () => {
  const pages = measureBuild(buildDir());
  const over = pages
    .filter((p) => p.route in OWN_JS_CEILING_KB && p.ownKb > OWN_JS_CEILING_KB[p.route])
    .map(
      (p) =>
        `${p.route}: ${p.ownKb.toFixed(1)} KB > ${OWN_JS_CEILING_KB[p.route].toFixed(1)} KB (${p.chunks.map((c) => `${c.file} ${c.kb.toFixed(1)}`).join(", ")})`,
    );
  expect(over, "pages over their JavaScript budget").toEqual([]);
  // Every budget names a page of the build, and every page has a budget: a renamed or new route takes one along.
  expect(Object.keys(OWN_JS_CEILING_KB).filter((r) => !pages.some((p) => p.route === r))).toEqual([]);
  expect(pages.filter((p) => !(p.route in OWN_JS_CEILING_KB)).map((p) => p.route)).toEqual([]);
});
