import { test } from "@playwright/test";
import { E2E } from "../support/env";
import { banStory, muteStory, recallStory, type ModerationPlace } from "../support/moderation-stories";

// Moderating members and messages on the main console (the local IM server); the strict project tells the same
// stories in front of an IM server that behaves exactly like Tencent Cloud Chat.
const MAIN: ModerationPlace = { baseUrl: E2E.baseUrl, admin: E2E.admin, servers: E2E };

test("a moderator mutes a member for an hour: their phone cannot send until she unmutes them", ({ browser }) => muteStory(browser, MAIN));
test("refusing an application with a 30-day ban stops the same person applying again", ({ browser }) => banStory(browser, MAIN));
test("a spam message recalled in the console disappears from another member's phone", ({ browser }) => recallStory(browser, MAIN));
