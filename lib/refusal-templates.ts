import type { Locale } from "@/lib/schemas/user";

/**
 * Refusal reasons the moderator can pick. The requester reads the reason exactly as sent, so the templates
 * exist in every language the console speaks, not only the moderator's: the dialog says which one goes out.
 */
export const REFUSAL_TEMPLATES: Record<Locale, Record<"members" | "introduce" | "full" | "rules", string>> = {
  en: {
    members: "This group is for members of the organisation only.",
    introduce: "Please tell us a little about yourself and apply again.",
    full: "The group is full for now; try again later.",
    rules: "Your application does not match the group's rules.",
  },
  ja: {
    members: "このグループは組織のメンバー専用です。",
    introduce: "簡単な自己紹介を添えて、もう一度申請してください。",
    full: "現在グループが満員です。時間をおいて再度お試しください。",
    rules: "申請内容がグループのルールに合致しません。",
  },
  zh: {
    members: "本群仅限组织内部成员加入。",
    introduce: "请简单介绍一下自己，然后重新申请。",
    full: "群成员暂时已满，请稍后再试。",
    rules: "你的申请不符合本群规则。",
  },
};

export type TemplateKey = keyof (typeof REFUSAL_TEMPLATES)["en"];
export const TEMPLATE_KEYS = Object.keys(REFUSAL_TEMPLATES.en) as TemplateKey[];

const KANA = /[\u3040-\u30ff]/;
const HAN = /[\u4e00-\u9fff]/;
const LATIN = /[A-Za-z]{3,}/;

/**
 * The language a requester wrote their application in, when the text says so clearly: kana means Japanese,
 * Han characters without kana mean Chinese, Latin words alone mean English. Neither the IM profile nor the
 * group carries a language, so this is the only hint there is; text that mixes Latin words with CJK (someone
 * writing in two languages) or has no words gives no guess, and the moderator's language is offered.
 */
export function languageOfMessage(text: string): Locale | null {
  const cjk = KANA.test(text) ? "ja" : HAN.test(text) ? "zh" : null;
  const latin = LATIN.test(text);
  if (cjk && latin) return null;
  return cjk ?? (latin ? "en" : null);
}

/** One language for a set of messages: the one they all share, else none. */
export function sharedLanguage(messages: readonly string[]): Locale | null {
  const guesses = new Set(messages.map(languageOfMessage));
  if (guesses.size !== 1) return null;
  return [...guesses][0];
}
