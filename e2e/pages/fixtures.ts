import { test as base } from "@playwright/test";
import { GroupPage } from "./group-page";
import { GroupsPage } from "./groups-page";
import { InboxPage } from "./inbox-page";
import { LoginPage } from "./login-page";

/**
 * The console's pages as objects, for the suite's stories and for a deployment's own checks (README § Guard a
 * deployment): `test("…", async ({ login, groups }) => …)`. Selectors live here once; a check that needs one
 * more extends a page object instead of copying selectors.
 */
// (Playwright names the second argument `use`; it is not React's hook, so it is called `provide` here.)
export const test = base.extend<{ login: LoginPage; groups: GroupsPage; group: GroupPage; inbox: InboxPage }>({
  login: async ({ page }, provide) => provide(new LoginPage(page)),
  groups: async ({ page }, provide) => provide(new GroupsPage(page)),
  group: async ({ page }, provide) => provide(new GroupPage(page)),
  inbox: async ({ page }, provide) => provide(new InboxPage(page)),
});

export { expect } from "@playwright/test";
