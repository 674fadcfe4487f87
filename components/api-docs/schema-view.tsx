import { useTranslations } from "next-intl";
import type { JsonSchema } from "@/lib/schemas/openapi";

/*
 * A JSON Schema (as zod writes it) in a few words per field: its type, its bounds, then its fields one level
 * down per nesting. Enough to call the API by; the document itself (/api/openapi.json) has the rest.
 */
const MAX_DEPTH = 6;

const asSchemas = (v: unknown): JsonSchema[] => (Array.isArray(v) ? (v as JsonSchema[]) : []);
const fieldsOf = (s: JsonSchema) => Object.entries((s.properties ?? {}) as Record<string, JsonSchema>);
const json = (v: unknown) => JSON.stringify(v);

/** The variants of a union other than null: `string or null` is a nullable string, not a union. */
function variants(s: JsonSchema): { options: JsonSchema[]; nullable: boolean } {
  const all = asSchemas(s.anyOf ?? s.oneOf);
  const options = all.filter((o) => o.type !== "null");
  return { options, nullable: options.length < all.length };
}

/** What a schema is, in one line: `"a" | "b"`, `string ≤ 100`, `array of object`, `integer 1–100, default 50`. */
export function typeLine(s: JsonSchema): string {
  if (s.const !== undefined) return json(s.const);
  if (Array.isArray(s.enum)) return s.enum.map(json).join(" | ");
  const { options, nullable } = variants(s);
  if (options.length) return options.map(typeLine).join(" | ") + (nullable ? " | null" : "");
  if (s.type === "array") {
    const size = bounds(s);
    return `array${size.length ? ` (${size.join(" ")})` : ""} of ${s.items ? typeLine(s.items as JsonSchema) : "anything"}`;
  }
  const type = Array.isArray(s.type) ? s.type.join(" | ") : typeof s.type === "string" ? s.type : "any";
  return [type, ...bounds(s)].join(" ");
}

function bounds(s: JsonSchema): string[] {
  const out: string[] = [];
  const range = (min: unknown, max: unknown, unit = "") => {
    if (min !== undefined && max !== undefined) out.push(`${min}–${max}${unit}`);
    else if (min !== undefined) out.push(`≥ ${min}${unit}`);
    else if (max !== undefined) out.push(`≤ ${max}${unit}`);
  };
  range(s.minLength, s.maxLength, " chars");
  range(s.minimum, s.maximum);
  if (s.exclusiveMinimum !== undefined) out.push(`> ${s.exclusiveMinimum}`);
  range(s.minItems, s.maxItems, " items");
  if (typeof s.format === "string") out.push(`(${s.format})`);
  return out;
}

/** The object (or array of objects) whose fields are listed below a line, if any. */
function nested(s: JsonSchema): JsonSchema[] {
  if (s.type === "object" && s.properties) return [s];
  if (s.type === "array" && s.items) return nested(s.items as JsonSchema);
  return variants(s).options.flatMap(nested);
}

export function SchemaView({ schema, depth = 0 }: { schema: JsonSchema; depth?: number }) {
  const objects = nested(schema);
  if (!objects.length || depth >= MAX_DEPTH) return <code className="text-xs">{typeLine(schema)}</code>;
  return (
    <div className="space-y-1">
      {objects.length > 1 || schema.type !== "object" ? <code className="text-xs">{typeLine(schema)}</code> : null}
      {objects.map((o, i) => (
        <Fields key={i} object={o} depth={depth} />
      ))}
    </div>
  );
}

function Fields({ object, depth }: { object: JsonSchema; depth: number }) {
  const t = useTranslations("ApiDocs");
  const required = new Set(Array.isArray(object.required) ? (object.required as string[]) : []);
  return (
    <ul className="space-y-1 border-l border-slate-200 pl-3 dark:border-slate-700">
      {fieldsOf(object).map(([name, field]) => (
        <li key={name} className="text-sm">
          <code className="font-semibold">{name}</code>{" "}
          <span className="text-xs text-slate-600 dark:text-slate-400">{required.has(name) ? t("required") : t("optional")}</span>{" "}
          <FieldLine field={field} depth={depth} />
        </li>
      ))}
      {object.additionalProperties === false ? <li className="text-xs text-slate-600 dark:text-slate-400">{t("noOtherFields")}</li> : null}
    </ul>
  );
}

function FieldLine({ field, depth }: { field: JsonSchema; depth: number }) {
  const t = useTranslations("ApiDocs");
  const extras = [
    field.default !== undefined ? t("default", { value: json(field.default) }) : null,
    typeof field.description === "string" ? field.description : null,
  ].filter(Boolean);
  return (
    <>
      {nested(field).length ? null : <code className="text-xs">{typeLine(field)}</code>}
      {extras.length ? <span className="text-xs text-slate-600 dark:text-slate-400"> — {extras.join("; ")}</span> : null}
      {nested(field).length ? <SchemaView schema={field} depth={depth + 1} /> : null}
    </>
  );
}
