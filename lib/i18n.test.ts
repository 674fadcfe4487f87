import { readFileSync } from "node:fs";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { negotiateLocale } from "./i18n";
import { LOCALES } from "./schemas/user";

type Tree = { [key: string]: string | Tree };
const load = (locale: string): Tree => JSON.parse(readFileSync(new URL(`../messages/${locale}.json`, import.meta.url), "utf8"));

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === "string") out.set(prefix + k, v);
    else for (const [kk, vv] of flatten(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

/** The names a message takes — arguments and rich-text tags — so a translation cannot drop or rename one. */
function names(message: string): string[] {
  const found = new Set<string>();
  const walk = (els: MessageFormatElement[]) => {
    for (const el of els) {
      if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
      found.add(el.type === TYPE.tag ? `<${el.value}>` : el.value);
      if (el.type === TYPE.tag) walk(el.children);
      if (el.type === TYPE.select || el.type === TYPE.plural) for (const option of Object.values(el.options)) walk(option.value);
    }
  };
  walk(parse(message));
  return [...found].sort();
}

const messages = Object.fromEntries(LOCALES.map((l) => [l, flatten(load(l))]));

describe("messages", () => {
  it.each(LOCALES.filter((l) => l !== "en"))("%s has exactly the English keys", (locale) => {
    expect([...messages[locale].keys()].sort()).toEqual([...messages.en.keys()].sort());
  });

  it.each(LOCALES)("%s has no empty message and only valid ICU", (locale) => {
    for (const [key, text] of messages[locale]) {
      expect(text.trim(), key).not.toBe("");
      expect(() => parse(text), key).not.toThrow();
    }
  });

  it.each(LOCALES.filter((l) => l !== "en"))("%s takes the same placeholders and tags as English", (locale) => {
    for (const [key, text] of messages.en) expect(names(messages[locale].get(key) ?? ""), key).toEqual(names(text));
  });
});

describe("negotiateLocale", () => {
  it.each([
    [null, "en"],
    ["", "en"],
    ["ja-JP,ja;q=0.9,en;q=0.8", "ja"],
    ["zh-CN,zh;q=0.9", "zh"],
    ["zh-TW", "zh"],
    ["fr-FR,fr;q=0.9,ja;q=0.5,zh;q=0.7", "zh"],
    ["de,fr", "en"],
    ["ja;q=0,en", "en"],
  ])("%s → %s", (header, locale) => {
    expect(negotiateLocale(header)).toBe(locale);
  });
});
