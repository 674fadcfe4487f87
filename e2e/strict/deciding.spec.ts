import { test } from "@playwright/test";
import { claimsStory, contextStory, queueStory } from "../support/deciding-stories";
import { STRICT_PLACE } from "../support/places";

// The deciding stories of e2e/stories/deciding.spec.ts, in front of an IM server that behaves exactly like
// Tencent Cloud Chat: the applications model is fed by BeforeApplyJoinGroup alone, and the console decides.

test("Ben sees that Aiko is reviewing an application, and is asked before approving it anyway", ({ browser }) =>
  claimsStory(browser, STRICT_PLACE));

test("the requester's earlier refusal and a colleague's note show beside the application", ({ browser }) =>
  contextStory(browser, STRICT_PLACE));

test("a search in Japanese saved as a view survives a reload and counts new applications live", ({ browser }) =>
  queueStory(browser, STRICT_PLACE));
