// `npm run bench`: the database cost of storing documents. Realistic ФФД 1.2
// documents (ingest-bench-documents.ts) from 2 000 drives, in batches of 400
// with one document per drive per batch like the gateway's group commit (4
// batches in flight on PostgreSQL, 1 on PGlite). Prints CPU per document:
// PostgreSQL's (postmaster and backends, from /proc) and this Node process's
// (building the batch, the driver; on PGlite the whole database too).
// OFD_BENCH_ENGINES=postgres,pglite picks engines; OFD_BENCH_DOCS scales;
// OFD_BENCH_BATCH sets the batch size (the gateway's batches are smaller
// when fewer registers are connected). First the encoding alone, in Node.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { type Database, openDatabase } from '../db/database.js';
import { migrate, rowsOf } from '../db/migrate.js';
import { documentColumns } from './document-columns.js';
import { ensureDocumentPartitions } from './ensure-document-partitions.js';
import { encodeBatch } from './ingest-batch.js';
import { type FleetDrive, fleetDrives, nextFleetDocument } from './ingest-bench-documents.js';
import { type IngestDocumentInput, ingestDocuments } from './ingest-documents.js';

const pgServer = new URL('../../../../scripts/pg-server.mjs', import.meta.url).href;
const { startPostgres } = (await import(pgServer)) as {
  startPostgres(): Promise<{ url: string; dir: string; stop(): void }>;
};

const DRIVES = 2000;
const BATCH = Number(process.env.OFD_BENCH_BATCH ?? 400);
const SCALE = Number(process.env.OFD_BENCH_DOCS ?? 1);
const engines = process.env.OFD_BENCH_ENGINES?.split(',') ?? ['postgres', 'pglite'];

function processCpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** CPU seconds of the postmaster and its children (backends, WAL writer, checkpointer). */
function clusterCpuSeconds(dataDir: string): number {
  const postmaster = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (Number(entry) === postmaster || parent === postmaster) total += processCpuSeconds(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

/** Batches of one document per drive, drives in rotation, built before the timed run. */
function batches(drives: FleetDrive[], count: number): IngestDocumentInput[][] {
  const out: IngestDocumentInput[][] = [];
  let next = 0;
  for (let b = 0; b < count; b++) {
    const now = new Date();
    const batch: IngestDocumentInput[] = [];
    for (let i = 0; i < BATCH; i++) {
      batch.push(nextFleetDocument(drives[next] as FleetDrive, now));
      next = (next + 1) % drives.length;
    }
    out.push(batch);
  }
  return out;
}

async function run(database: Database, work: IngestDocumentInput[][], inFlight: number): Promise<void> {
  let next = 0;
  const loop = async () => {
    while (next < work.length) {
      const batch = work[next++] as IngestDocumentInput[];
      const outcomes = await ingestDocuments({ db: database.db, documents: batch });
      if (outcomes.some((o) => o !== 'stored')) throw new Error('the benchmark sent a duplicate');
    }
  };
  await Promise.all(Array.from({ length: inFlight }, loop));
}

async function measure(engine: string, database: Database, pgData: string | undefined, docs: number) {
  await migrate(database);
  await ensureDocumentPartitions({ db: database.db });
  const drives = fleetDrives(DRIVES);
  const inFlight = pgData === undefined ? 1 : 4;
  await run(database, batches(drives, 10), inFlight); // warm-up: JIT, plans, the drives' first rows
  const work = batches(drives, Math.round(docs / BATCH));
  const n = work.length * BATCH;
  const db0 = pgData === undefined ? 0 : clusterCpuSeconds(pgData);
  const node0 = process.cpuUsage();
  const t0 = performance.now();
  await run(database, work, inFlight);
  const seconds = (performance.now() - t0) / 1000;
  const node = process.cpuUsage(node0);
  const dbCpu = pgData === undefined ? 0 : clusterCpuSeconds(pgData) - db0;
  const [size] = rowsOf<{ row: number; doc: number; raw: number }>(
    await database.db.execute(sql`select avg(pg_column_size(d.*))::int as row,
      avg(pg_column_size(d.document))::int as doc, avg(pg_column_size(d.raw))::int as raw from documents d`),
  );
  console.log(
    `${engine}: ${n} documents in batches of ${BATCH} (${inFlight} in flight) · ${Math.round(n / seconds)} docs/s wall · ` +
      `database CPU ${pgData === undefined ? 'in Node' : `${((dbCpu * 1e6) / n).toFixed(1)} µs/doc`} · ` +
      `Node CPU ${(((node.user + node.system) / n) * 1).toFixed(1)} µs/doc · ` +
      `stored row ${size?.row} B (document ${size?.doc} B, raw ${size?.raw} B)`,
  );
}

/**
 * Node CPU of encoding the batches alone (query columns, array literals, JSON
 * texts, raws; no driver, no socket, no database): steadier than the Node
 * figure above, which also holds the driver, the kernel's socket work and GC.
 */
function measureEncode(): void {
  const work = batches(fleetDrives(DRIVES), 40);
  const encode = (batch: IngestDocumentInput[]) =>
    encodeBatch(batch.map((d) => ({ d, c: documentColumns(d.document, d.formCode) }))).params.length;
  for (const batch of work) encode(batch); // warm-up
  const cpu0 = process.cpuUsage();
  for (let round = 0; round < 3; round++) for (const batch of work) encode(batch);
  const cpu = process.cpuUsage(cpu0);
  const n = 3 * work.length * BATCH;
  console.log(
    `encoding alone: Node CPU ${((cpu.user + cpu.system) / n).toFixed(1)} µs/doc (batches of ${BATCH})`,
  );
}

console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
measureEncode();
if (engines.includes('postgres')) {
  const server = await startPostgres();
  try {
    const database = await openDatabase({ url: server.url, poolSize: 4 });
    try {
      await measure('PostgreSQL', database, join(server.dir, 'data'), 40_000 * SCALE);
    } finally {
      await database.close();
    }
  } finally {
    server.stop();
  }
}
if (engines.includes('pglite')) {
  const dir = mkdtempSync(join(tmpdir(), 'openofd-ingest-bench-'));
  try {
    const database = await openDatabase({ dataDir: dir });
    try {
      await measure('PGlite', database, undefined, 8_000 * SCALE);
    } finally {
      await database.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
