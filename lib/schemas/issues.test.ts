import { describe, expect, it } from "vitest";
import { z } from "zod";
import { reasonOfIssue } from "./issues";

const reasonFor = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  if (result.success) throw new Error("expected a refusal");
  return reasonOfIssue(result.error.issues[0]);
};

describe("the words a refused value is told in", () => {
  it("a number out of bounds is told as a number, not a count of characters", () => {
    const limit = z.object({ maxMemberCount: z.number().int().positive().max(1_000_000) });
    expect(reasonFor(limit, { maxMemberCount: 2_000_000 })).toEqual({
      key: "numberTooBig",
      values: { field: "maxMemberCount", max: 1_000_000, exclusive: "no" },
    });
    // positive(): more than 0.
    expect(reasonFor(limit, { maxMemberCount: 0 })).toEqual({
      key: "numberTooSmall",
      values: { field: "maxMemberCount", min: 0, exclusive: "yes" },
    });
  });

  it("text and lists keep their own words", () => {
    expect(reasonFor(z.object({ name: z.string().max(3) }), { name: "four" })).toEqual({
      key: "tooLong",
      values: { field: "name", max: 3 },
    });
    expect(reasonFor(z.object({ ids: z.array(z.string()).max(1) }), { ids: ["a", "b"] })).toEqual({
      key: "tooMany",
      values: { field: "ids", max: 1 },
    });
  });
});
