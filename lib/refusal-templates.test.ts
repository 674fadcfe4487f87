import { describe, expect, it } from "vitest";
import { languageOfMessage, REFUSAL_TEMPLATES, sharedLanguage } from "./refusal-templates";

describe("refusal templates", () => {
  it("exist in every language with the same set of reasons", () => {
    const keys = Object.keys(REFUSAL_TEMPLATES.en).sort();
    for (const texts of Object.values(REFUSAL_TEMPLATES)) expect(Object.keys(texts).sort()).toEqual(keys);
  });

  it.each([
    ["お願いします", "ja"],
    ["please let me in (0) お願いします", null],
    ["参加したいです。よろしくお願いします", "ja"],
    ["我想加入 🙏", "zh"],
    ["Hello, I would like to join", "en"],
    ["🙏", null],
    ["", null],
    ["ok", null],
  ] as const)("guesses the language of %j as %s", (text, lang) => {
    expect(languageOfMessage(text)).toBe(lang);
  });

  it("offers one language for several requesters only when they all wrote in it", () => {
    expect(sharedLanguage(["我想加入", "请让我加入"])).toBe("zh");
    expect(sharedLanguage(["我想加入", "hello there"])).toBeNull();
    expect(sharedLanguage([])).toBeNull();
  });
});
