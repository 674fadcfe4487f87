import { useTranslations } from "next-intl";
import type { ApiOperation, ApiResponse, ApiResponseRef, OperationMethod } from "@/lib/schemas/openapi";
import { SchemaView, typeLine } from "./schema-view";
import { Prose } from "./prose";

const METHOD_COLOURS: Record<OperationMethod, string> = {
  get: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900/50 dark:text-emerald-100",
  post: "bg-sky-100 text-sky-900 dark:bg-sky-900/50 dark:text-sky-100",
  put: "bg-violet-100 text-violet-900 dark:bg-violet-900/50 dark:text-violet-100",
  patch: "bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-100",
  delete: "bg-rose-100 text-rose-900 dark:bg-rose-900/50 dark:text-rose-100",
};

const SUBHEADING = "text-xs font-semibold tracking-wide text-slate-700 uppercase dark:text-slate-300";

export const operationAnchor = (op: ApiOperation) => `op-${op.operationId}`;

/** One method of one path: who may call it, what it takes, what it answers. */
export function OperationView({ path, method, op }: { path: string; method: OperationMethod; op: ApiOperation }) {
  const t = useTranslations("ApiDocs");
  const body = op.requestBody?.content["application/json"]?.schema;
  const [success, ...failures] = Object.entries(op.responses);
  return (
    <article
      id={operationAnchor(op)}
      aria-labelledby={`${operationAnchor(op)}-h`}
      className="scroll-mt-4 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900"
    >
      <h3 id={`${operationAnchor(op)}-h`} className="flex flex-wrap items-baseline gap-2">
        <span className={`rounded px-1.5 py-0.5 font-mono text-xs font-bold ${METHOD_COLOURS[method]}`}>{method.toUpperCase()}</span>
        <code className="text-sm font-semibold [overflow-wrap:anywhere]">{path}</code>
        <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700 dark:bg-slate-800 dark:text-slate-300">
          {t(`access.${op["x-role"]}`)}
        </span>
      </h3>
      <p className="mt-1 text-sm text-slate-800 dark:text-slate-200">{op.summary}</p>
      {op.description ? (
        <p className="mt-1 max-w-4xl text-sm text-slate-700 dark:text-slate-300">
          <Prose text={op.description} />
        </p>
      ) : null}
      <div className="mt-3 grid gap-3 lg:grid-cols-2">
        {op.parameters?.length ? (
          <section>
            <h4 className={SUBHEADING}>{t("parameters")}</h4>
            <ul className="mt-1 space-y-1 text-sm">
              {op.parameters.map((p) => (
                <li key={`${p.in}-${p.name}`}>
                  <code className="font-semibold">{p.name}</code>{" "}
                  <span className="text-xs text-slate-600 dark:text-slate-400">
                    {t(`in.${p.in}`)} · {p.required ? t("required") : t("optional")}
                  </span>{" "}
                  <code className="text-xs">{typeLine(p.schema)}</code>
                  {p.schema.default !== undefined ? (
                    <span className="text-xs text-slate-600 dark:text-slate-400">
                      {" "}
                      — {t("default", { value: JSON.stringify(p.schema.default) })}
                    </span>
                  ) : null}
                  {p.description ? <span className="text-xs text-slate-600 dark:text-slate-400"> — {p.description}</span> : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {body ? (
          <section>
            <h4 className={SUBHEADING}>{t("body")}</h4>
            <div className="mt-1">
              <SchemaView schema={body} />
            </div>
          </section>
        ) : null}
        {success ? (
          <section>
            <h4 className={SUBHEADING}>{t("success", { status: success[0] })}</h4>
            <SuccessView response={success[1]} />
          </section>
        ) : null}
      </div>
      {failures.length ? (
        <p className="mt-3 text-xs text-slate-700 dark:text-slate-300">
          <span className="font-semibold">{t("errors")}</span>{" "}
          {failures.map(([status, r], i) => (
            <span key={status}>
              {i ? " · " : null}
              <FailureLink status={status} response={r} />
            </span>
          ))}
        </p>
      ) : null}
    </article>
  );
}

function SuccessView({ response }: { response: ApiResponse | ApiResponseRef }) {
  if ("$ref" in response) return null;
  const [type, media] = Object.entries(response.content ?? {})[0] ?? [];
  return (
    <div className="mt-1 space-y-1 text-sm">
      <p className="text-xs text-slate-700 dark:text-slate-300">
        <Prose text={response.description} />
        {type ? (
          <>
            {" "}
            · <code>{type}</code>
          </>
        ) : null}
      </p>
      {media?.schema && type === "application/json" ? <SchemaView schema={media.schema} /> : null}
    </div>
  );
}

/** An error status, linked to its code's entry in the reference's error list. */
function FailureLink({ status, response }: { status: string; response: ApiResponse | ApiResponseRef }) {
  if (!("$ref" in response)) return <span title={response.description}>{status}</span>;
  const code = response.$ref.split("/").pop()!;
  return (
    <a href={`#error-${code}`} className="underline decoration-dotted underline-offset-2 hover:decoration-solid">
      {status} <code>{code}</code>
    </a>
  );
}
