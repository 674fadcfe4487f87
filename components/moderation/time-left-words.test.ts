import { readFileSync } from "node:fs";
import { createFormatter, createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { timeLeft, timeLeftWords } from "./time-left";

const messages = (locale: string) => JSON.parse(readFileSync(new URL(`../../messages/${locale}.json`, import.meta.url), "utf8"));

function say(locale: "en" | "ja" | "zh", until: string | null, now: number, display: "short" | "long") {
  const t = createTranslator({ locale, messages: messages(locale), namespace: "Moderation" });
  const format = createFormatter({ locale });
  const left = timeLeft(until, now);
  return timeLeftWords(
    left,
    display,
    (key, values) => t(key, values),
    (value, options) => format.number(value, options),
  );
}

describe("the time a mute or ban has left, in words", () => {
  const now = Date.parse("2026-03-01T12:00:00Z");
  const in52min = new Date(now + 52 * 60_000).toISOString();
  const in3h12 = new Date(now + (3 * 60 + 12) * 60_000).toISOString();

  it("on screen, short: '52 min left'", () => {
    expect(say("en", in52min, now, "short")).toBe("52 min left");
    expect(say("en", in3h12, now, "short")).toBe("3 hr 12 min left");
  });

  it("for screen readers, in full words: '52 minutes left'", () => {
    expect(say("en", in52min, now, "long")).toBe("52 minutes left");
    expect(say("en", in3h12, now, "long")).toBe("3 hours 12 minutes left");
  });

  it("in Japanese and Chinese, in their own order", () => {
    expect(say("ja", in52min, now, "long")).toBe("残り52 分");
    expect(say("zh", in3h12, now, "long")).toBe("剩余3小时12分钟");
  });

  it("forever, and a mute whose end has just passed", () => {
    expect(say("en", null, now, "short")).toBe("forever");
    expect(say("ja", null, now, "long")).toBe("無期限");
    expect(say("en", new Date(now - 1).toISOString(), now, "short")).toBe("ending now");
  });
});
