import { readFileSync } from "node:fs";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { NextIntlClientProvider } from "next-intl";
import { createElement as h } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { groupKeys } from "@/lib/client/query-keys";
import { directoryGroup } from "@/lib/server/testing/groups";
import type { MemberPage } from "@/lib/schemas/member";
import { MembersPanel } from "./members-panel";

// The members panel drawn on the server in each language: every string found, the search labelled, the muted
// members badged, and the CSV link carrying the group.

const group = directoryGroup({ id: "@TGS#tea", name: "Tea", memberCount: 3, maxMemberCount: 100 });
const page: MemberPage = {
  items: [
    { userId: "owner", nickname: "Owner", role: "Owner", joinedAt: "2026-01-01T00:00:00Z" },
    { userId: "aiko", nickname: "Aiko", role: "Member", joinedAt: "2026-01-02T00:00:00Z", mutedUntil: null },
    { userId: "ben", nickname: "", role: "Admin", joinedAt: "2026-01-03T00:00:00Z", mutedUntil: "2099-01-01T00:00:00.000Z" },
  ],
  nextCursor: "next",
  total: 3,
};

function draw(locale: string) {
  const messages = JSON.parse(readFileSync(new URL(`../../messages/${locale}.json`, import.meta.url), "utf8"));
  const qc = new QueryClient();
  qc.setQueryData(groupKeys.memberList(group.id, {}), { pages: [page], pageParams: [""] });
  const errors: unknown[] = [];
  const html = renderToString(
    h(
      QueryClientProvider,
      { client: qc },
      h(NextIntlClientProvider, {
        locale,
        messages,
        timeZone: "UTC",
        onError: (e: unknown) => void errors.push(e),
        children: h(MembersPanel, { group, canEdit: false, canModerate: false }),
      }),
    ),
  );
  return { html, errors, muted: messages.Members.muted as string };
}

describe("the members panel", () => {
  it.each(["en", "ja", "zh"])(
    "in %s: every string found, the search labelled, the muted badged, the CSV link naming the group",
    (locale) => {
      const { html, errors, muted } = draw(locale);
      expect(errors).toEqual([]);
      expect(html).toMatch(/<label for="members-q-@TGS#tea"[^>]*>/);
      expect(html).toContain('id="members-q-@TGS#tea"');
      expect(html).toContain('href="/api/groups/%40TGS%23tea/members.csv"');
      // Aiko (forever) and Ben (until 2099) wear the badge; the owner does not. The time left is drawn in the browser.
      expect(html.split(`${muted}<!-- --> · `)).toHaveLength(3);
      expect(html).toContain('role="search"');
    },
  );
});
