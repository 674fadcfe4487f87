import { readFileSync } from "node:fs";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { NextIntlClientProvider } from "next-intl";
import { createElement as h, type ReactElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { ConsoleUser } from "@/lib/schemas/user";
import { ScopeForm } from "./scope-dialog";
import { UsersTable } from "./users-table";

// The users page's scopes drawn on the server in each language (docs/scopes.md): every string found, each
// user's groups said (an admin's as every group, with nothing to edit), and the editor's chips removable by name.

const base = { name: "", disabled: false, locale: "en", theme: "system" } as const;
const users: ConsoleUser[] = [
  { ...base, id: "1", email: "root@users.test", role: "admin", scope: null },
  { ...base, id: "2", email: "mo@users.test", role: "moderator", scope: { groupIds: ["@TGS#hike", "books"] } },
  { ...base, id: "3", email: "vi@users.test", role: "viewer", scope: null },
];

function draw(locale: string, element: ReactElement) {
  const messages = JSON.parse(readFileSync(new URL(`../../messages/${locale}.json`, import.meta.url), "utf8"));
  const errors: unknown[] = [];
  const html = renderToString(
    h(
      QueryClientProvider,
      { client: new QueryClient() },
      // The children in the props: NextIntlClientProvider's props type requires them.
      h(NextIntlClientProvider, { locale, messages, timeZone: "UTC", onError: (e: unknown) => void errors.push(e), children: element }),
    ),
  );
  return { html, errors, scope: messages.Users.scope as Record<string, string> };
}

describe("scopes on the users page", () => {
  it.each(["en", "ja", "zh"])("in %s: each user's groups, an edit button for all but the admin, and the editor", (locale) => {
    const table = draw(locale, h(UsersTable, { users, loading: false, currentUserId: "1", onChange: () => {}, onEditScope: () => {} }));
    expect(table.errors).toEqual([]);
    expect(table.html).toContain(table.scope.admin);
    expect(table.html.split(`>${table.scope.edit}<`)).toHaveLength(3);

    const editor = draw(locale, h(ScopeForm, { user: users[1], onClose: () => {}, onSaved: () => {} }));
    expect(editor.errors).toEqual([]);
    // Both groups as chips, each with its own remove button; the search labelled and described.
    expect(editor.html.match(/<li [^>]*>/g)).toHaveLength(2);
    expect(editor.html).toContain("@TGS#hike");
    expect(editor.html).toMatch(/<label for="[^"]+-search"/);
    expect(editor.html).toMatch(/aria-describedby="[^"]+-search-hint"/);
  });

  it("names the edit button and the chips for screen readers", () => {
    const { html } = draw("en", h(ScopeForm, { user: users[1], onClose: () => {}, onSaved: () => {} }));
    expect(html).toContain('aria-label="Remove books"');
    const table = draw("en", h(UsersTable, { users, loading: false, currentUserId: "1", onChange: () => {}, onEditScope: () => {} }));
    expect(table.html).toContain('aria-label="Edit the groups of mo@users.test"');
    expect(table.html).toContain("2 groups");
  });
});
