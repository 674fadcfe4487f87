import { expect, test } from "@playwright/test";
import { signedInApi } from "../support/api";

test("an operator finds a user's groups: the search matches the owner's user ID too", async () => {
  const api = await signedInApi();
  const owner = "u_alice_evans";
  const created = await api.post("/api/groups", { data: { type: "Public", name: `Owned ${Date.now().toString(36)}`, ownerId: owner } });
  expect(created.status(), await created.text()).toBe(201);
  const group = await created.json();
  const found = await (await api.get(`/api/groups?q=${owner}&limit=100`)).json();
  expect(found.items.map((g: { id: string }) => g.id)).toContain(group.id);
  for (const g of found.items as { id: string; name: string; ownerId: string | null }[]) {
    expect(g.ownerId === owner || g.id.toLowerCase().startsWith(owner) || g.name.toLowerCase().includes(owner), JSON.stringify(g)).toBe(
      true,
    );
  }
  expect(found.total).toBe(found.items.length);
  await api.dispose();
});
