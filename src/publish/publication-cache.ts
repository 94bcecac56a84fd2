/**
 * Published versions never change once stored, so each is read, validated and turned into its public view
 * once per process and then served from memory: a request costs one small look-up of which version is
 * meant (the latest can change) instead of re-reading the snapshot (megabytes of JSON) and rebuilding the
 * view. Keyed by municipality, plan id, year and version: a plan deleted and imported again gets a new id,
 * so nothing stale can be found. Bounded (least recently used first out).
 */
import { inFlight } from "../core/in-flight.ts";
import { Lru } from "../core/lru.ts";
import type { DB } from "../db/database.ts";
import { buildView, type PublicView } from "./public-view.ts";
import * as repo from "./publish.repository.ts";
import type { Publication, PublicationMeta, PublicationRef } from "./publish.service.ts";
import { snapshotSchema } from "./snapshot.ts";

export type CachedPublication = {
  publication: Publication;
  view: PublicView;
  /** Rendered responses of this version (pages, tables), by whatever key the caller gives. */
  rendered: Lru<string, unknown>;
};

const MAX_PUBLICATIONS = Number(process.env.GYOKAKU_PUBLICATION_CACHE ?? 24);
const cache = new Lru<string, CachedPublication>(MAX_PUBLICATIONS);
// Concurrent readers of one publication share the look-up of its versions, and the first read of a version.
const lookups = inFlight<DB, PublicationMeta[]>();
const reads = inFlight<DB, CachedPublication | null>();

export function publicationKey(p: PublicationMeta): string {
  return `${p.municipalityCode}|${p.planId}|${p.fiscalYear}|${p.version}`;
}

/** The publication with its view, from memory when this version has been read before. */
export async function cachedPublication(db: DB, ref: PublicationRef): Promise<CachedPublication | null> {
  const meta = await repo.findPublicationMeta(db, ref);
  return meta ? entryOf(db, meta) : null;
}

/**
 * The publication (the version asked for, else the latest) with every version of its plan and year, newest
 * first: one look-up for both (the public pages list the versions). The look-up is never kept: requests that
 * come while one runs share it (so a new version is served as soon as it is committed), which under many
 * concurrent readers of a page makes it one query for all of them instead of one each.
 */
export async function cachedPublicationWithVersions(
  db: DB,
  ref: PublicationRef,
): Promise<{ cached: CachedPublication; versions: PublicationMeta[] } | null> {
  const { municipalityCode, planKey, fiscalYear } = ref;
  const versions = await lookups(db, JSON.stringify([municipalityCode, planKey, fiscalYear]), () =>
    repo.findPublicationVersions(db, { municipalityCode, planKey, fiscalYear }),
  );
  const meta = ref.version === undefined ? versions[0] : versions.find((v) => v.version === ref.version);
  const cached = meta ? await entryOf(db, meta) : null;
  return cached ? { cached, versions } : null;
}

async function entryOf(db: DB, meta: PublicationMeta): Promise<CachedPublication | null> {
  const key = publicationKey(meta);
  return cache.get(key) ?? reads(db, key, () => read(db, meta, key));
}

async function read(db: DB, meta: PublicationMeta, key: string): Promise<CachedPublication | null> {
  const raw = await repo.snapshotOf(db, meta);
  if (raw === undefined) return null;
  const publication: Publication = { ...meta, snapshot: snapshotSchema.parse(raw) };
  const entry: CachedPublication = { publication, view: buildView(publication), rendered: new Lru(64) };
  cache.set(key, entry);
  return entry;
}

/** A rendered response of a cached publication, made once. */
export async function renderedOnce<T>(
  entry: CachedPublication,
  key: string,
  make: () => Promise<T>,
): Promise<T> {
  const hit = entry.rendered.get(key) as T | undefined;
  if (hit !== undefined) return hit;
  const made = await make();
  entry.rendered.set(key, made);
  return made;
}
