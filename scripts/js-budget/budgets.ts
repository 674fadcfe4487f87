// Each page's own compressed JavaScript (KB, gzip level 9, framework excluded so that a Next or React upgrade
// does not trip them). docs/front-end.md § The budget.
export const FRAMEWORK_KB_WHEN_SET = 128.9;

/** The goals (150 KB on /groups and /applications, 180 KB on the dashboard) minus the framework. */
export const OWN_JS_GOAL_KB: Record<string, number> = {
  "/": 180 - FRAMEWORK_KB_WHEN_SET,
  "/groups": 150 - FRAMEWORK_KB_WHEN_SET,
  "/applications": 150 - FRAMEWORK_KB_WHEN_SET,
};

/**
 * What the build test enforces: the goal where it is met; elsewhere a ceiling a little above the figure when it
 * was last lowered (2026-12-04, after dialogs and zod left the pages' loads), so a page can only shrink towards
 * its goal. /applications has not reached its goal: the queue's list, keyboard and claims and the TanStack Query
 * cache they share load with it (docs/front-end.md § What is left).
 */
export const OWN_JS_CEILING_KB: Record<string, number> = {
  "/": OWN_JS_GOAL_KB["/"],
  "/groups": OWN_JS_GOAL_KB["/groups"],
  "/applications": 46,
  "/account": 41,
  "/api-docs": 15,
  "/audit": 33,
  "/groups/[id]": 49,
  "/jobs": 32,
  "/login": 19,
  "/rules": 34,
  "/users": 36,
};
