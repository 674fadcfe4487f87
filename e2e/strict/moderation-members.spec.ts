import { test } from "@playwright/test";
import { banStory, muteStory, recallStory, type ModerationPlace } from "../support/moderation-stories";
import { STRICT } from "../support/strict-env";

// The moderation stories in front of an IM server that behaves exactly like Tencent Cloud Chat: the same
// commands (forbid_send_msg, ban_group_member, group_msg_recall) under its rate limits, the console's own inbox.
const PLACE: ModerationPlace = { baseUrl: STRICT.baseUrl, admin: STRICT.admin, servers: STRICT };

test("strict: a muted member's phone cannot send until the moderator unmutes them", ({ browser }) => muteStory(browser, PLACE));
test("strict: refusing with a ban stops the next application", ({ browser }) => banStory(browser, PLACE));
test("strict: a recalled spam message disappears from another member's phone", ({ browser }) => recallStory(browser, PLACE));
