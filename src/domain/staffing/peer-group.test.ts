import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  CITY_PEER_SCHEME,
  classifyPeerGroup,
  fullWidthGroup,
  parseGroupLabel,
  TOWN_PEER_SCHEME,
} from "./peer-group.ts";

describe("類似団体 (一般市, 16 types)", () => {
  test("千歳市 is II-3 (Ⅱ－３)", () => {
    const g = classifyPeerGroup(CITY_PEER_SCHEME, 97_999, {
      secondaryTertiaryPercent: 97.5,
      tertiaryPercent: 81.2,
    });
    assert.equal(g.group, "II-3");
    assert.equal(g.fullWidth, "Ⅱ－３");
    assert.equal(g.scheme, "ruiji-shokuin-city");
  });

  test("population bands: 50,000 and 100,000 and 150,000 open the next band", () => {
    const ind = { secondaryTertiaryPercent: 95, tertiaryPercent: 70 };
    assert.equal(classifyPeerGroup(CITY_PEER_SCHEME, 49_999, ind).group, "I-3");
    assert.equal(classifyPeerGroup(CITY_PEER_SCHEME, 50_000, ind).group, "II-3");
    assert.equal(classifyPeerGroup(CITY_PEER_SCHEME, 100_000, ind).group, "III-3");
    assert.equal(classifyPeerGroup(CITY_PEER_SCHEME, 150_000, ind).group, "IV-3");
  });

  test("industry structure: the four types at their thresholds", () => {
    const c = (st: number, t: number) =>
      classifyPeerGroup(CITY_PEER_SCHEME, 60_000, { secondaryTertiaryPercent: st, tertiaryPercent: t }).group;
    assert.equal(c(90, 65), "II-3");
    assert.equal(c(90, 64.9), "II-2");
    assert.equal(c(89.9, 55), "II-1");
    assert.equal(c(89.9, 54.9), "II-0");
  });

  test("from employed counts, compared exactly (9 of 10 is exactly 90 %)", () => {
    const g = classifyPeerGroup(CITY_PEER_SCHEME, 60_000, {
      primary: 1_000,
      secondary: 2_500,
      tertiary: 6_500,
    });
    assert.equal(g.group, "II-3");
    const h = classifyPeerGroup(CITY_PEER_SCHEME, 60_000, {
      primary: 1_001,
      secondary: 2_500,
      tertiary: 6_499,
    });
    assert.equal(h.group, "II-1");
  });

  test("16 distinct groups", () => {
    const groups = new Set<string>();
    for (const pop of [1_000, 60_000, 120_000, 200_000])
      for (const [st, t] of [
        [95, 70],
        [95, 60],
        [85, 60],
        [85, 50],
      ])
        groups.add(
          classifyPeerGroup(CITY_PEER_SCHEME, pop, { secondaryTertiaryPercent: st!, tertiaryPercent: t! })
            .group,
        );
    assert.equal(groups.size, 16);
  });
});

describe("類似団体 (町村, 15 types)", () => {
  test("five population bands × three industry types", () => {
    const groups = new Set<string>();
    for (const pop of [4_999, 5_000, 10_000, 15_000, 20_000])
      for (const [st, t] of [
        [85, 60],
        [85, 59.9],
        [79.9, 70],
      ])
        groups.add(
          classifyPeerGroup(TOWN_PEER_SCHEME, pop, { secondaryTertiaryPercent: st!, tertiaryPercent: t! })
            .group,
        );
    assert.deepEqual([...groups].sort(), [
      "I-0",
      "I-1",
      "I-2",
      "II-0",
      "II-1",
      "II-2",
      "III-0",
      "III-1",
      "III-2",
      "IV-0",
      "IV-1",
      "IV-2",
      "V-0",
      "V-1",
      "V-2",
    ]);
  });

  test("below 80 % secondary+tertiary is type 0 whatever the tertiary share", () => {
    const g = classifyPeerGroup(TOWN_PEER_SCHEME, 8_000, { primary: 300, secondary: 200, tertiary: 700 });
    assert.equal(g.group, "II-0", "(200 + 700) / 1,200 = 75 %");
  });
});

describe("group labels", () => {
  test("full-width and half-width forms", () => {
    assert.equal(fullWidthGroup("IV-0"), "Ⅳ－０");
    assert.equal(parseGroupLabel("Ⅱ－３"), "II-3");
    assert.equal(parseGroupLabel("II-3"), "II-3");
    assert.equal(parseGroupLabel("Ⅴ－２"), "V-2");
    assert.equal(parseGroupLabel("二の三"), null);
  });
});
