import { test } from "@playwright/test";
import { claimsStory, contextStory, queueStory } from "../support/deciding-stories";
import { MAIN } from "../support/places";

// Deciding an application with the console's help, on the main console (the local IM server's applications).
// The same stories run in front of a Tencent-strict IM server (e2e/strict/deciding.spec.ts) and on two
// instances sharing PostgreSQL (e2e/postgres/two-instances.spec.ts).

test("Ben sees that Aiko is reviewing an application, and is asked before approving it anyway", ({ browser }) =>
  claimsStory(browser, MAIN));

test("o shows the requester's earlier refusal and a colleague's note beside the application, and a note can be added", ({ browser }) =>
  contextStory(browser, MAIN));

test("a search in Japanese saved as a view survives a reload and counts new applications live", ({ browser }) => queueStory(browser, MAIN));
