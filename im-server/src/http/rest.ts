// POST /v4/{service}/{command}: Tencent's REST surface. Order of checks: URL parameters and UserSig,
// App admin, known command, rate limit (strict mode), JSON body, then the command itself.
import type { FastifyInstance, FastifyRequest } from "fastify";
import { Code, ImServerError, fail } from "../domain/errors";
import type { Body } from "../domain/fields";
import type { ServiceContext } from "../services/context";
import { authenticate } from "./auth";
import { accountCommands } from "./commands/account-commands";
import { applicationCommands } from "./commands/application-commands";
import { banCommands } from "./commands/ban-commands";
import type { CommandTable } from "./commands/command";
import { groupCommands } from "./commands/group-commands";
import { groupMessageCommands } from "./commands/group-message-commands";
import { memberCommands } from "./commands/member-commands";
import { messageCommands } from "./commands/message-commands";
import { JsonBytes, errorEnvelope, failEnvelope, okEnvelope, okEnvelopeBytes, sendJson } from "./envelope";
import { parseJsonBody, stringifyJson } from "./json-body";
import { DEFAULT_RATE_LIMIT, RATE_LIMITS, SlidingWindowLimiter } from "./rate-limit";

const MAX_RESPONSE_BYTES = 1024 * 1024;

export const COMMANDS: CommandTable = {
  ...accountCommands,
  ...groupCommands,
  ...memberCommands,
  ...applicationCommands,
  ...messageCommands,
  ...groupMessageCommands,
  ...banCommands,
};

/**
 * Parses a raw JSON body into an object. Group commands report a malformed body with the group
 * service's 10011, every other service with the REST layer's 60003.
 */
export function parseObjectBody(raw: unknown, service: string): Body {
  const code = service === "group_open_http_svc" ? Code.GROUP_JSON_PARSE : Code.JSON_PARSE;
  let parsed: unknown;
  try {
    parsed = typeof raw === "string" && raw.trim() !== "" ? parseJsonBody(raw) : undefined;
  } catch {
    fail(code, "the request body is not valid JSON");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) fail(code, "the request body must be a JSON object");
  return parsed as Body;
}

export function clientIp(request: FastifyRequest): string {
  return request.ip.replace(/^::ffff:/, "");
}

export function registerRest(app: FastifyInstance, ctx: ServiceContext, limiter: SlidingWindowLimiter, nowMs: () => number): void {
  app.post<{ Params: { service: string; command: string } }>("/v4/:service/:command", async (request, reply) => {
    const { service, command } = request.params;
    const key = `${service}/${command}`;
    try {
      const identifier = authenticate(request.query as Record<string, unknown>, ctx.config);
      if (identifier !== ctx.config.adminId) fail(Code.ADMIN_REQUIRED, "this request needs the App admin identifier");
      const spec = Object.hasOwn(COMMANDS, key) ? COMMANDS[key] : undefined;
      if (!spec || (spec.extension && ctx.config.strictTencent)) fail(Code.INVALID_COMMAND, `unknown command ${key}`);
      if (ctx.config.strictTencent && !limiter.take(key, RATE_LIMITS[key] ?? DEFAULT_RATE_LIMIT, nowMs())) {
        fail(Code.RATE_LIMITED, `${command} is limited to ${RATE_LIMITS[key] ?? DEFAULT_RATE_LIMIT} calls per second`);
      }
      const body = parseObjectBody(request.body, service);
      const actor = { userId: identifier, viaRest: true, platform: "RESTAPI", clientIp: clientIp(request) };
      const fields = await spec.run({ ctx, actor, body });
      const answer = fields instanceof JsonBytes ? okEnvelopeBytes(fields) : stringifyJson(okEnvelope(fields));
      // Tencent refuses to answer more than 1 MB (10018): the caller must ask for less.
      if (Buffer.byteLength(answer) > MAX_RESPONSE_BYTES) fail(Code.RESPONSE_TOO_LARGE, "the response would exceed 1 MB; request less");
      return sendJson(reply, answer);
    } catch (error) {
      if (error instanceof ImServerError) return sendJson(reply, errorEnvelope(error));
      request.log.error({ err: error, command: key }, "command failed");
      return sendJson(reply, failEnvelope(Code.INTERNAL, "internal server error"));
    }
  });
}
