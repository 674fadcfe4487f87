// Tencent's response envelope: HTTP 200 with ActionStatus/ErrorCode/ErrorInfo and the command's fields.
import type { FastifyReply } from "fastify";
import { ImServerError } from "../domain/errors";
import { stringifyJson } from "./json-body";

export type Fields = Record<string, unknown>;

export function okEnvelope(fields: Fields = {}): Fields {
  return { ActionStatus: "OK", ErrorCode: 0, ErrorInfo: "", ...fields };
}

/** A command's fields already written as one JSON object's text: spliced into the envelope without parsing. */
export class JsonText {
  constructor(readonly text: string) {}
}

/** The OK envelope's text around fields given as text (the same as stringifying okEnvelope of them). */
export function okEnvelopeText(fields: JsonText): string {
  const head = '{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":""';
  return fields.text === "{}" ? `${head}}` : `${head},${fields.text.slice(1)}`;
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
