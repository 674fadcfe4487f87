import { describe, expect, it } from "vitest";
import { applicationFiltersFromSearch } from "./query-keys";

describe("applicationFiltersFromSearch", () => {
  it("keeps sort=oldest and drops the default or anything invalid, so one order has one cache key", () => {
    expect(applicationFiltersFromSearch({ status: "approved", sort: "oldest" })).toEqual({ status: "approved", sort: "oldest" });
    for (const sort of ["newest", "Oldest", "sideways", "", undefined, ["oldest", "oldest"]])
      expect(applicationFiltersFromSearch({ sort })).toEqual({});
  });
});
