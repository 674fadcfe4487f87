import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The lint keeps zod out of the browser (docs/front-end.md § What loads when): a "use client" file may import a schema
// module's types, and values only from the zod-free modules; the forms loaded on first use bring their schema.

const ROOT = path.resolve(import.meta.dirname, "../..");
const eslint = new ESLint({ cwd: ROOT });

/** The rules a file at this path would break with this source. */
async function broken(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: path.join(ROOT, file) });
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

const client = (imports: string) => `"use client";\n${imports}\nexport const used = [x];\n`;

describe("zod stays out of the browser's code", () => {
  it("refuses a client module importing a value from a schema module that carries zod", async () => {
    const found = await broken("lib/client/users.ts", client('import { userSchema as x } from "@/lib/schemas/user";'));
    expect(found).toEqual([expect.stringMatching(/^no-restricted-imports: .*brings zod into the browser/)]);
  });

  it("lets it import types from any schema module, and values from the zod-free ones", async () => {
    expect(await broken("lib/client/users.ts", client('import type { ConsoleUser as x } from "@/lib/schemas/user";'))).toEqual([]);
    expect(await broken("lib/client/users.ts", client('import { ROLES as x } from "@/lib/schemas/constants";'))).toEqual([]);
    expect(await broken("lib/client/users.ts", client('import { LIVE_EVENT_TYPES as x } from "@/lib/schemas/live-event-types";'))).toEqual(
      [],
    );
  });

  it("lets a form loaded on first use bring its schema, and leaves server components alone", async () => {
    const form = client('import { createGroupSchema as x } from "@/lib/schemas/group";');
    expect(await broken("components/groups/create-group-dialog.tsx", form)).toEqual([]);
    const server = 'import { canModerate as x } from "@/lib/schemas/user";\nexport const used = [x];\n';
    expect(await broken("components/layout/app-header.tsx", server)).toEqual([]);
  });
});
