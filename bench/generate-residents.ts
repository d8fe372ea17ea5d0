/**
 * Synthetic residents as a CSV, for import benchmarks (not a test):
 *   node --import tsx bench/generate-residents.ts --rows 1630000 --out residents.csv [--gbk] [--grids grids.txt] [--seed gongzhi] [--as-of 2026-01-01]
 * One row per person with the 143 fields of the resident form under their Chinese labels, households
 * together, streamed with backpressure so the file is never held in memory. `--gbk` writes GBK, as
 * government exports often are; otherwise UTF-8 with a BOM, so that Excel reads the Chinese.
 * The same seed, rows, grids and --as-of give the same file.
 */
import { once } from 'node:events';
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import iconv from 'iconv-lite';
import { shanghaiDay } from '../server/src/modules/calendar/index.js';
import { originFor, syntheticHousehold, type PersonType } from '../server/src/modules/basedata/synthetic/people.js';
import { int, sampler, seededRandom, weightedKeys } from '../server/src/modules/basedata/synthetic/random.js';
import { residentFields } from '../server/src/modules/basedata/synthetic/resident-fields.js';
import { householdRecords } from '../server/src/modules/basedata/synthetic/resident-record.js';

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '1630000' },
    out: { type: 'string' },
    gbk: { type: 'boolean', default: false },
    grids: { type: 'string' },
    seed: { type: 'string', default: 'gongzhi' },
    'as-of': { type: 'string' },
  },
});
const rows = Number(args.rows);
if (!args.out || !Number.isInteger(rows) || rows < 1) {
  console.error('用法 / usage: node --import tsx bench/generate-residents.ts --rows 1630000 --out FILE.csv [--gbk] [--grids grids.txt] [--seed S] [--as-of YYYY-MM-DD]');
  process.exit(2);
}
const asOf = args['as-of'] ?? shanghaiDay(new Date());

/**
 * Made-up grid codes when no --grids file is given: 张店区's real street and town codes (370303001…
 * 370303107), then an invented 3-digit community and 3-digit grid. Pass --grids with a deployment's
 * real codes to match its map.
 */
function fallbackGrids(): string[] {
  const townships = ['001', '002', '003', '004', '005', '006', '008', '009', '101', '102', '104', '105', '107'];
  return townships.flatMap((t) => ['001', '002', '003'].flatMap((c) => ['001', '002', '003', '004'].map((g) => `370303${t}${c}${g}`)));
}

function readGrids(file: string): string[] {
  const codes = fs.readFileSync(file, 'utf8').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const bad = codes.find((c) => !/^\d{15}$/.test(c));
  if (bad) throw new Error(`${file}: 网格编码应为 15 位数字 / grid codes must be 15 digits, got ${JSON.stringify(bad)}`);
  if (codes.length === 0) throw new Error(`${file}: 没有网格编码 / no grid codes`);
  return codes;
}

/** RFC 4180: quote a value holding a comma, a quote or a line break, doubling its quotes. */
const csvValue = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const csvLine = (values: readonly string[]) => `${values.map(csvValue).join(',')}\r\n`;

const rng = seededRandom(args.seed);
const grids = args.grids ? readGrids(args.grids) : fallbackGrids();
// grids differ in population: weights from 0.5 to 1.5, fixed by the seed
const gridWeights = seededRandom(`${args.seed}:grids`);
const drawGrid = sampler(grids, grids.map(() => 0.5 + gridWeights()));
/** Household kinds by hukou: most 张店 residents are registered here; migrants are about a fifth. */
const drawPersonType = weightedKeys<PersonType>({ huji: 66, changzhu: 12, liudong: 21, jingwai: 1 });

const out = fs.createWriteStream(args.out);
const encode = (text: string) => (args.gbk ? iconv.encode(text, 'gbk') : Buffer.from(text, 'utf8'));
let pending = args.gbk ? '' : '\uFEFF';
async function write(text: string) {
  pending += text;
  if (pending.length < 1 << 16) return;
  const ok = out.write(encode(pending));
  pending = '';
  if (!ok) await once(out, 'drain');
}

const keys = residentFields.map((f) => f.key);
const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
await write(csvLine(residentFields.map((f) => f.labelZh)));
let written = 0;
while (written < rows) {
  const gridCode = drawGrid(rng);
  // a made-up standard address code: the grid, a 3-digit building and a 4-digit room
  const addressCode = `${gridCode}${String(int(rng, 1, 120)).padStart(3, '0')}${String(int(rng, 101, 3204)).padStart(4, '0')}`;
  const personType = drawPersonType(rng);
  const household = syntheticHousehold(rng, { regionCode6: originFor(rng, personType).code, asOf });
  for (const record of householdRecords(rng, household, { gridCode, addressCode, personType, asOf })) {
    if (written === rows) break;
    await write(csvLine(keys.map((k) => record[k] ?? '')));
    written++;
    if (written % 100_000 === 0) console.log(`${written.toLocaleString('en')} 行 rows, ${seconds()} s`);
  }
}
if (pending) out.write(encode(pending));
out.end();
await once(out, 'finish');
console.log(`完成 done: ${written.toLocaleString('en')} 行 rows → ${args.out} (${args.gbk ? 'GBK' : 'UTF-8'}, ${(out.bytesWritten / 2 ** 20).toFixed(1)} MiB) in ${seconds()} s`);
