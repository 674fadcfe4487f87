import { test } from "@playwright/test";
import { ruleAtArrivalStory } from "../support/rule-stories";
import { STRICT_PLACE } from "../support/places";

// The rules story in front of an IM server that behaves exactly like Tencent Cloud Chat: the rule refuses in the
// BeforeApplyJoinGroup answer itself (ErrorCode 10100 with its reason), so the requester's join call fails.

test("an admin writes a rule, tries it, enables it, and the next spam application is refused in Tencent's callback answer", ({ browser }) =>
  ruleAtArrivalStory(browser, STRICT_PLACE, { strict: true }));
