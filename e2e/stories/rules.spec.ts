import { test } from "@playwright/test";
import { ruleAtArrivalStory } from "../support/rule-stories";
import { MAIN } from "../support/places";

// The rules story on the main console: the local IM server keeps the application, and the rule refuses it through
// handle_group_application the moment the IM server reports it (e2e/strict/rules.spec.ts: the same, Tencent's way).

test("an admin writes a rule, tries it, enables it, and the next spam application is refused by it as it arrives", ({ browser }) =>
  ruleAtArrivalStory(browser, MAIN, { strict: false }));
