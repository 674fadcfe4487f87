// Tencent's response envelope: HTTP 200 with ActionStatus/ErrorCode/ErrorInfo and the command's fields.
import type { FastifyReply } from "fastify";
import { ImServerError } from "../domain/errors";
import { stringifyJson } from "./json-body";

export type Fields = Record<string, unknown>;

export function okEnvelope(fields: Fields = {}): Fields {
  return { ActionStatus: "OK", ErrorCode: 0, ErrorInfo: "", ...fields };
}

export function failEnvelope(code: number, info: string, extra: Fields = {}): Fields {
  return { ActionStatus: "FAIL", ErrorCode: code, ErrorInfo: info, ...extra };
}

export function errorEnvelope(error: ImServerError): Fields {
  return failEnvelope(error.code, error.info, error.extra);
}

/** Sends an envelope, or its JSON text when the caller has it already. */
export function sendJson(reply: FastifyReply, payload: Fields | string): FastifyReply {
  return reply
    .code(200)
    .header("content-type", "application/json; charset=utf-8")
    .send(typeof payload === "string" ? payload : stringifyJson(payload));
}
