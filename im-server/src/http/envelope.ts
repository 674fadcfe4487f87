// Tencent's response envelope: HTTP 200 with ActionStatus/ErrorCode/ErrorInfo and the command's fields.
import type { FastifyReply } from "fastify";
import { ImServerError } from "../domain/errors";
import { stringifyJson } from "./json-body";

export type Fields = Record<string, unknown>;

export function okEnvelope(fields: Fields = {}): Fields {
  return { ActionStatus: "OK", ErrorCode: 0, ErrorInfo: "", ...fields };
}

/** A command's fields already written as one JSON object in UTF-8: spliced into the envelope without parsing. */
export class JsonBytes {
  constructor(readonly bytes: Buffer) {}
}

const OK_HEAD = Buffer.from('{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":""');

/** The OK envelope around fields given as JSON bytes (the same as stringifying okEnvelope of them). */
export function okEnvelopeBytes(fields: JsonBytes): Buffer {
  const inner = fields.bytes.subarray(1); // without the opening brace: `}` alone, or `"Key":…}`
  return Buffer.concat([OK_HEAD, inner.length > 1 ? Buffer.from(",") : Buffer.alloc(0), inner]);
}

export function failEnvelope(code: number, info: string, extra: Fields = {}): Fields {
  return { ActionStatus: "FAIL", ErrorCode: code, ErrorInfo: info, ...extra };
}

export function errorEnvelope(error: ImServerError): Fields {
  return failEnvelope(error.code, error.info, error.extra);
}

/** Sends an envelope, or its JSON (text or UTF-8 bytes) when the caller has it already. */
export function sendJson(reply: FastifyReply, payload: Fields | string | Buffer): FastifyReply {
  return reply
    .code(200)
    .header("content-type", "application/json; charset=utf-8")
    .send(typeof payload === "string" || Buffer.isBuffer(payload) ? payload : stringifyJson(payload));
}
