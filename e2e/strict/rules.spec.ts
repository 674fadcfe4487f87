import { test } from "@playwright/test";
import { ruleAtArrivalStory } from "../support/rule-stories";
import { STRICT_PLACE } from "../support/places";

// The rules story in front of an IM server that behaves exactly like Tencent Cloud Chat: the rule (written through
// the API here; the browser part is the main console's story) refuses in the BeforeApplyJoinGroup answer itself
// (ErrorCode 10100 with its reason), so the requester's join call fails, and the queue shows it as the rule's.

test("with a rule enabled, the next spam application is refused in Tencent's callback answer and shows as the rule's", ({ browser }) =>
  ruleAtArrivalStory(browser, STRICT_PLACE, { strict: true }));
