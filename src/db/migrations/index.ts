/** The migrations, in order. Named by timestamp; each runs once, at start-up, on both databases. */
import type { Migration, MigrationProvider } from "kysely";
import * as planStore from "./2026-11-22T0300-plan-store.ts";
import * as judgements from "./2026-11-22T0310-judgements.ts";
import * as staffing from "./2026-11-22T0400-staffing.ts";
import * as rounds from "./2026-11-22T0500-rounds.ts";
import * as publications from "./2026-11-22T0600-publications.ts";
import * as staffingPlan from "./2026-12-06T1100-staffing-plan.ts";
import * as gradingTargetBasis from "./2026-12-07T0000-grading-target-basis.ts";
import * as perfIndexes from "./2026-12-07T0000-perf-indexes.ts";
import * as gradingPlannedValues from "./2026-12-07T0010-grading-planned-values.ts";
import * as noOwnParent from "./2026-12-07T0020-hostile-no-own-parent.ts";
import * as staffingPeerTables from "./2026-12-07T0030-staffing2-peer-tables.ts";
import * as mailNotifications from "./2026-12-07T0100-mail-notifications.ts";
import * as roundRules from "./2026-12-07T0100-round-rules.ts";
import * as fiscalEffects from "./2026-12-07T0200-fiscal-effects.ts";
import * as planScales from "./2026-12-07T0210-plan-scales.ts";
import * as roundsParts from "./2026-12-07T0213-rounds-parts.ts";
import * as noParentCycles from "./2026-12-07T0214-hostile-no-parent-cycles.ts";
import * as perfDataVersions from "./2026-12-07T0215-perf-data-versions.ts";
import * as publishEvidence from "./2026-12-07T0215-publish-evidence.ts";
import * as mailSealPassword from "./2026-12-07T0221-mail-seal-password.ts";
import * as emailPerMunicipality from "./2026-12-07T0226-hostile-email-per-municipality.ts";
import * as judgementGrade from "./2026-12-07T0228-grades-judgement-grade.ts";
import * as effectPlanTarget from "./2026-12-07T0238-effect-plan-target.ts";
import * as auditPlace from "./2026-12-07T0530-consent-audit-place.ts";
import * as textLengths from "./2026-12-07T0600-hostile-text-lengths.ts";
import * as roundStateVersions from "./2026-12-07T0820-round-state-versions.ts";
import * as plansById from "./2026-12-07T1205-plans-by-id.ts";
import * as municipalityStateVersions from "./2026-12-07T1440-municipality-state-versions.ts";

const migrations: Record<string, Migration> = {
  "2026-11-22T0300-plan-store": planStore,
  "2026-11-22T0310-judgements": judgements,
  "2026-11-22T0400-staffing": staffing,
  "2026-11-22T0500-rounds": rounds,
  "2026-11-22T0600-publications": publications,
  "2026-12-06T1100-staffing-plan": staffingPlan,
  "2026-12-07T0000-perf-indexes": perfIndexes,
  "2026-12-07T0000-grading-target-basis": gradingTargetBasis,
  "2026-12-07T0010-grading-planned-values": gradingPlannedValues,
  "2026-12-07T0100-mail-notifications": mailNotifications,
  "2026-12-07T0030-staffing2-peer-tables": staffingPeerTables,
  "2026-12-07T0020-hostile-no-own-parent": noOwnParent,
  "2026-12-07T0100-round-rules": roundRules,
  "2026-12-07T0200-fiscal-effects": fiscalEffects,
  "2026-12-07T0210-plan-scales": planScales,
  "2026-12-07T0213-rounds-parts": roundsParts,
  "2026-12-07T0214-hostile-no-parent-cycles": noParentCycles,
  "2026-12-07T0215-perf-data-versions": perfDataVersions,
  "2026-12-07T0215-publish-evidence": publishEvidence,
  "2026-12-07T0221-mail-seal-password": mailSealPassword,
  "2026-12-07T0226-hostile-email-per-municipality": emailPerMunicipality,
  "2026-12-07T0228-grades-judgement-grade": judgementGrade,
  "2026-12-07T0238-effect-plan-target": effectPlanTarget,
  "2026-12-07T0530-consent-audit-place": auditPlace,
  "2026-12-07T0600-hostile-text-lengths": textLengths,
  "2026-12-07T0820-round-state-versions": roundStateVersions,
  "2026-12-07T1205-plans-by-id": plansById,
  "2026-12-07T1440-municipality-state-versions": municipalityStateVersions,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
