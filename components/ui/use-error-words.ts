"use client";
import { useTranslations } from "next-intl";
import type { ZodError } from "zod";
import { ApiError, type ApiField } from "@/lib/client/api-error";
import { reasonOfIssue } from "@/lib/schemas/issue-reasons";
import type { Reason } from "@/lib/schemas/issues";

/**
 * Errors in the reader's language. The BFF's `message` is English for scripts; the words shown here come
 * from the refusal's key, else its IM code, else its error code — and the codes stay visible for support.
 */
export function useErrorWords() {
  const t = useTranslations("Errors");
  const r = useTranslations("Reasons");

  const reason = ({ key, values }: Reason, fallback: string) => (r.has(key) ? r(key, { field: "", ...values }) : fallback);

  function message(error: unknown): string {
    if (!(error instanceof ApiError)) return t("unknown");
    if (error.reason) return reason(error.reason, error.message);
    const im = error.imCode;
    if (im !== undefined) {
      if (error.code === "im_unavailable" || error.code === "rate_limited") return t(`code.${error.code}`);
      if (im === 10024) return alreadyHandled(error);
      if (im >= 70000 && im < 71000) return t("imCredentials");
      if (im === -3) return t("imUnreadable");
      return t.has(`im.${im}`) ? t(`im.${im}`) : t("imRefused", { imCode: im });
    }
    const field = error.fields[0];
    if (field?.key) return named(field.path, fieldMessage(field));
    return t.has(`code.${error.code}`) ? t(`code.${error.code}`) : error.message;
  }

  function alreadyHandled(error: ApiError): string {
    const d = (error.details ?? {}) as { status?: string; handledBy?: string };
    return t("alreadyHandled", { status: d.status ?? "other", by: d.handledBy ?? "" });
  }

  // Told away from any input (a bad filter in the URL, in a panel), a refusal names its field: "Group type:
  // this value is not valid". Only fields whose own words never name them are listed (Errors.fieldNames).
  const named = (path: string, text: string) =>
    t.has(`fieldNames.${path}`) ? t("inField", { field: t(`fieldNames.${path}`), message: text }) : text;

  const fieldMessage = (f: ApiField) => (f.key ? reason({ key: f.key, values: { field: f.path, ...f.values } }, f.message) : f.message);

  return {
    message,
    /** "Code: … · IM code …", the same in every language. */
    codes: (error: unknown) =>
      error instanceof ApiError
        ? t("codes", { code: error.code, imCode: error.imCode === undefined ? "none" : String(error.imCode) })
        : null,
    /** A 422's field errors, path → words. */
    fields: (error: ApiError): Record<string, string> => Object.fromEntries(error.fields.map((f) => [f.path, fieldMessage(f)])),
    /** A form's own zod check, path → words. */
    issues: (error: ZodError): Record<string, string> =>
      Object.fromEntries(error.issues.map((i) => [String(i.path[0] ?? "form"), reason(reasonOfIssue(i), i.message)])),
  };
}
