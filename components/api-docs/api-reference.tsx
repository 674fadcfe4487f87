import { useTranslations } from "next-intl";
import { OPERATION_METHODS, type ApiDocument, type ApiOperation, type OperationMethod } from "@/lib/schemas/openapi";
import { OperationView, operationAnchor } from "./operation-view";
import { Prose } from "./prose";
import { SchemaView } from "./schema-view";

type Entry = { path: string; method: OperationMethod; op: ApiOperation };

const PANEL = "rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900";
const LINK = "underline decoration-dotted underline-offset-2 hover:decoration-solid";

/** Operations by their tag (the first segment after /api), in the document's order. */
function byTag(doc: ApiDocument): [string, Entry[]][] {
  const groups = new Map<string, Entry[]>(doc.tags.map((t) => [t.name, []]));
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const method of OPERATION_METHODS) {
      const op = ops[method];
      if (op) groups.get(op.tags[0])?.push({ path, method, op });
    }
  }
  return [...groups].filter(([, entries]) => entries.length);
}

/** The console's API reference, rendered on the server from the same document GET /api/openapi.json answers. */
export function ApiReference({ doc }: { doc: ApiDocument }) {
  const t = useTranslations("ApiDocs");
  const tags = byTag(doc);
  const errors = Object.entries(doc.components.responses).sort(([, a], [, b]) => (a["x-status"] ?? 0) - (b["x-status"] ?? 0));
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          {t.rich("source", {
            version: doc.info.version,
            openapi: doc.openapi,
            link: (chunks) => (
              <a href="/api/openapi.json" className={LINK}>
                {chunks}
              </a>
            ),
          })}
        </p>
        <p className="max-w-4xl text-sm text-slate-800 dark:text-slate-200">
          <Prose text={doc.info.description} />
        </p>
      </header>

      <nav aria-label={t("contents")} className={PANEL}>
        <h2 className="text-base font-semibold">{t("contents")}</h2>
        <ul className="mt-2 columns-1 gap-6 text-sm sm:columns-2 lg:columns-3">
          {tags.map(([tag, entries]) => (
            <li key={tag} className="mb-2 break-inside-avoid">
              <a href={`#tag-${tag}`} className={`font-semibold ${LINK}`}>
                {tag}
              </a>
              <ul className="mt-0.5">
                {entries.map(({ path, method, op }) => (
                  <li key={op.operationId}>
                    <a href={`#${operationAnchor(op)}`} className={LINK}>
                      <span className="font-mono text-xs">{method.toUpperCase()}</span>{" "}
                      <code className="text-xs [overflow-wrap:anywhere]">{path}</code>
                    </a>
                  </li>
                ))}
              </ul>
            </li>
          ))}
          <li className="mb-2 break-inside-avoid">
            <a href="#errors" className={`font-semibold ${LINK}`}>
              {t("errorsTitle")}
            </a>
          </li>
        </ul>
      </nav>

      {tags.map(([tag, entries]) => (
        <section key={tag} id={`tag-${tag}`} aria-labelledby={`tag-${tag}-h`} className="scroll-mt-4 space-y-3">
          <h2 id={`tag-${tag}-h`} className="text-lg font-semibold">
            {tag}
          </h2>
          {entries.map(({ path, method, op }) => (
            <OperationView key={op.operationId} path={path} method={method} op={op} />
          ))}
        </section>
      ))}

      <section id="errors" aria-labelledby="errors-h" className={`scroll-mt-4 ${PANEL}`}>
        <h2 id="errors-h" className="text-lg font-semibold">
          {t("errorsTitle")}
        </h2>
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">{t("errorsIntro")}</p>
        <div className="mt-2">
          <SchemaView schema={doc.components.schemas.Error} />
        </div>
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
          {errors.map(([code, r]) => (
            <div key={code} className="contents">
              <dt id={`error-${code}`} className="scroll-mt-4 font-mono font-semibold">
                {r["x-status"]}
              </dt>
              <dd>
                <Prose text={r.description} />
              </dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}
